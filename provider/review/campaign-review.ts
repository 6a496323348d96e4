import { nameFromUrn, typeFromUrn } from "../pulumi/urn";
import type { PreviewDiagnostic, PreviewRecord, ResourceState } from "./preview-json";
import { HIDDEN, holdsSecret, isSecret } from "./secrets";
import { formatSendAt } from "./send-time";

/** What the engine would do to a campaign, in a reviewer's words; `refused` when the preview failed on it. */
export type ReviewAction = "create" | "change" | "replace" | "delete" | "unchanged" | "refused" | "read";

/** A card as the review shows it: the card, a secret it must not show, or none. */
export type CardSide =
  { readonly kind: "card"; readonly value: unknown } | { readonly kind: "secret" } | { readonly kind: "none" };

/** One campaign (or bot message) of the preview, as the review reports it. Every text is plain, not escaped. */
export interface CampaignReview {
  readonly name: string;
  readonly urn: string;
  readonly kind: "campaign" | "bot message";
  readonly jobName: string | undefined;
  readonly action: ReviewAction;
  /** Its stage now (the state's `stage` output), or `new` for one to create. */
  readonly stage: string;
  readonly audience: string;
  readonly sendTime: string;
  readonly approval: string;
  readonly before: CardSide;
  readonly after: CardSide;
  /** The properties that change (for a change or replacement). */
  readonly changedProperties: readonly string[];
  /** Errors and warnings about it: the engine's refusals, the provider's checks, policy violations. */
  readonly problems: readonly PreviewDiagnostic[];
}

/** Options of {@link reviewCampaigns}. */
export interface ReviewOptions {
  /**
   * The helpdesk's IANA time zone, for send times.
   * @default "UTC"
   * @example "Asia/Shanghai"
   */
  readonly timeZone?: string;
}

const kindOf = (type: string): CampaignReview["kind"] | undefined =>
  type.endsWith(":HelpdeskNotification")
    ? "campaign"
    : type.endsWith(":HelpdeskBotMessage")
      ? "bot message"
      : undefined;

const actionOf: Record<string, ReviewAction> = {
  create: "create",
  update: "change",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  delete: "delete",
  same: "unchanged",
  read: "read",
  refresh: "unchanged",
  import: "create",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const count = (value: unknown, word: string): string | undefined => {
  if (isSecret(value)) return `${word}s ${HIDDEN}`;
  return Array.isArray(value) && value.length > 0 ? plural(value.length, word) : undefined;
};

/** Who a campaign reaches, counted from its inputs. */
export function audienceOf(inputs: Readonly<Record<string, unknown>>, kind: CampaignReview["kind"]): string {
  if (kind === "bot message") {
    const receiver = isSecret(inputs.receiverId) ? HIDDEN : String(inputs.receiverId ?? "?");
    return `${String(inputs.receiveType ?? "chat")} of ${receiver}`;
  }
  const chats = count(inputs.chats, "chat");
  const scope = inputs.pushScopeType;
  const members =
    scope === "allMembers"
      ? "everyone"
      : scope === "chatsOnly"
        ? undefined
        : scope === "newStaff"
          ? inputs.newStaffScopeType === "departments"
            ? `new staff of ${count(inputs.newStaffDepartments, "department") ?? "0 departments"}`
            : "all new staff"
          : [count(inputs.users, "user"), count(inputs.departments, "department")].filter(Boolean).join(", ") ||
            "no members";
  return [members, chats].filter(Boolean).join(", ") || "no one";
}

function approvalOf(inputs: Readonly<Record<string, unknown>>, outputs: Readonly<Record<string, unknown>>): string {
  if (outputs.approvalGranted === true) return "approved";
  const approval = inputs.approval;
  if (isSecret(approval)) return `review requested (${HIDDEN})`;
  const reason = (approval as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === "string") return `review requested: ${isSecret(reason) ? HIDDEN : reason}`;
  return "no review requested";
}

function cardOf(state: ResourceState | undefined, kind: CampaignReview["kind"]): CardSide {
  if (!state) return { kind: "none" };
  const field = kind === "campaign" ? state.inputs.pushContent : state.inputs.content;
  if (field === undefined) return { kind: "none" };
  if (holdsSecret(field)) return { kind: "secret" };
  if (typeof field !== "string") return { kind: "card", value: field };
  try {
    return { kind: "card", value: JSON.parse(field) };
  } catch {
    return { kind: "card", value: field };
  }
}

const sameCard = (a: CardSide, b: CardSide) =>
  a.kind === "card" && b.kind === "card" ? JSON.stringify(a.value) === JSON.stringify(b.value) : a.kind === b.kind;

/** Whether the card text a reviewer would read differs between before and after. */
export const cardChanged = (review: Pick<CampaignReview, "before" | "after">): boolean =>
  !sameCard(review.before, review.after);

/** The inputs that differ, for a step without a detailed diff (a dynamic provider gives none). */
function changedInputs(before: ResourceState | undefined, after: ResourceState | undefined): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
  return [...keys].filter((k) => JSON.stringify(before.inputs[k]) !== JSON.stringify(after.inputs[k]));
}

/**
 * The campaigns and bot messages of a preview, in the order the engine planned them, each with
 * its problems; a resource the preview failed on (an error about its URN) is `refused`. `state`
 * (from `pulumi stack export`) gives the current card and stage of one the preview has no step for.
 */
export function reviewCampaigns(
  preview: PreviewRecord,
  state: ReadonlyMap<string, ResourceState> = new Map(),
  options: ReviewOptions = {},
): CampaignReview[] {
  const timeZone = options.timeZone ?? "UTC";
  const byUrn = new Map<string, { op: string; old?: ResourceState; new?: ResourceState; changed: string[] }>();
  for (const step of preview.steps) {
    const seen = byUrn.get(step.urn);
    const op = seen && actionOf[seen.op] === "replace" ? seen.op : step.op;
    byUrn.set(step.urn, {
      op,
      old: seen?.old ?? step.oldState,
      new: step.newState ?? seen?.new,
      changed: [...new Set([...(seen?.changed ?? []), ...step.changedProperties])],
    });
  }
  for (const d of preview.diagnostics)
    if (d.urn && !byUrn.has(d.urn) && d.severity === "error") byUrn.set(d.urn, { op: "refused", changed: [] });

  const reviews: CampaignReview[] = [];
  for (const [urn, step] of byUrn) {
    const current = step.old ?? state.get(urn);
    const type = step.new?.type ?? current?.type ?? typeFromUrn(urn);
    const kind = kindOf(type);
    if (!kind) continue;
    const problems = preview.diagnostics.filter((d) => d.urn === urn);
    const refused = problems.some((d) => d.severity === "error");
    const action: ReviewAction = refused ? "refused" : (actionOf[step.op] ?? "change");
    const shown = step.new ?? current;
    const inputs = shown?.inputs ?? {};
    const outputs = current?.outputs ?? {};
    const jobName = kind === "campaign" ? inputs.jobName : inputs.msgType;
    const sendAt = inputs.sendAt ?? outputs.sendAt;
    reviews.push({
      name: nameFromUrn(urn),
      urn,
      kind,
      jobName: jobName === undefined ? undefined : isSecret(jobName) ? HIDDEN : String(jobName),
      action,
      stage: step.op === "create" ? "new" : typeof outputs.stage === "string" ? outputs.stage : "unknown",
      audience: shown ? audienceOf(inputs, kind) : "unknown",
      sendTime: kind === "bot message" ? "on create" : formatSendAt(sendAt, timeZone),
      approval: kind === "bot message" ? "–" : approvalOf(inputs, outputs),
      before: step.op === "create" ? { kind: "none" } : cardOf(current, kind),
      after: step.op === "delete" ? { kind: "none" } : cardOf(step.new ?? current, kind),
      changedProperties: (step.changed.length > 0 ? step.changed : changedInputs(step.old, step.new)).filter(
        (p) => !p.startsWith("__"),
      ),
      problems,
    });
  }
  return reviews;
}
