import { cardText } from "./markdown";
import { renderDrift } from "./drift-markdown";
import type { DriftedCampaign, DriftedProperty, DriftResult, WaitingCampaign } from "./drift-types";
import { nameFromUrn, typeFromUrn } from "../pulumi/urn";
import { parsePreview, type PreviewDiagnostic, type PreviewStep, type ResourceState } from "./preview-json";
import { ReviewInputError } from "./review-input-error";
import { HIDDEN, holdsSecret } from "./secrets";
import { lineDiff, withContext } from "./text-diff";

export { DRIFT_MARKER } from "./drift-markdown";
export type { DriftedCampaign, DriftedProperty, DriftResult, WaitingCampaign } from "./drift-types";

const isCampaign = (type: string) => /:Helpdesk(Notification|BotMessage)$/.test(type);
/** Bookkeeping fields of the provider and engine, not campaign properties. */
const ignored = new Set(["__provider", "__urn", "urn", "id"]);
const cardFields = new Set(["pushContent", "content"]);
const CARD_BELOW = "(the card: its diff is below)";

function show(value: unknown): string {
  if (holdsSecret(value)) return HIDDEN;
  if (value === undefined) return "(not set)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * Each property whose value differs, code → Feishu; inputs first, a name once. The program's step
 * carries no outputs in a preview, so only inputs are compared there.
 */
function changedProperties(
  code: ResourceState,
  feishu: ResourceState,
  sides: readonly ("inputs" | "outputs")[],
): DriftedProperty[] {
  const out: DriftedProperty[] = [];
  const seen = new Set<string>();
  for (const side of sides) {
    const keys = new Set([...Object.keys(code[side]), ...Object.keys(feishu[side])]);
    for (const key of keys) {
      if (ignored.has(key) || seen.has(key)) continue;
      const [a, b] = [code[side][key], feishu[side][key]];
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      seen.add(key);
      // A card is a page of JSON: the report shows its text diff instead.
      const card = cardFields.has(key) && !holdsSecret(a) && !holdsSecret(b);
      out.push({ property: key, inCode: card ? CARD_BELOW : show(a), inFeishu: card ? CARD_BELOW : show(b) });
    }
  }
  return out;
}

function cardDiffOf(before: ResourceState, after: ResourceState): string | undefined {
  const field = [...cardFields].find((f) => JSON.stringify(before.inputs[f]) !== JSON.stringify(after.inputs[f]));
  if (field === undefined) return undefined;
  const side = (s: ResourceState) => {
    const value = s.inputs[field];
    if (holdsSecret(value)) return { kind: "secret" as const };
    try {
      return { kind: "card" as const, value: typeof value === "string" ? JSON.parse(value) : value };
    } catch {
      return { kind: "card" as const, value };
    }
  };
  return withContext(lineDiff(cardText(side(before)), cardText(side(after)))).join("\n");
}

function jobNameOf(state: ResourceState | undefined): string | undefined {
  const name = state?.inputs.jobName ?? state?.outputs.jobName;
  return typeof name === "string" ? name : undefined;
}

/** A campaign's steps in one run, in the order the engine took them. */
function stepsByCampaign(steps: readonly PreviewStep[]): Map<string, PreviewStep[]> {
  const byUrn = new Map<string, PreviewStep[]>();
  for (const step of steps) {
    const type = step.oldState?.type ?? step.newState?.type ?? typeFromUrn(step.urn);
    if (!isCampaign(type)) continue;
    byUrn.set(step.urn, [...(byUrn.get(step.urn) ?? []), step]);
  }
  return byUrn;
}

/**
 * How one campaign differs, from its steps in `pulumi preview --refresh --json`: first the refresh's
 * step (Feishu no longer has it: `delete`), then the program's, whose old state is what the refresh
 * read from Feishu and whose new state is the code. When the run stopped before the program was
 * diffed, the refresh's step alone: its old state is the stack's, its new state what Feishu holds
 * (v3.248.0 fills it only for a provider that returns a detailed diff, the native plugin).
 */
function driftOf(steps: readonly PreviewStep[]): DriftedCampaign | undefined {
  const [refresh, ...rest] = steps;
  const program = rest.at(-1);
  const base = { name: nameFromUrn(refresh.urn), urn: refresh.urn };
  if (refresh.op === "delete" || program?.op === "create") {
    const jobName = jobNameOf(refresh.oldState ?? program?.newState);
    return { ...base, jobName, how: "deleted", properties: [], cardDiff: undefined };
  }
  const [code, feishu, sides] = program
    ? [program.newState, program.oldState, ["inputs"] as const]
    : [refresh.oldState, refresh.newState, ["inputs", "outputs"] as const];
  if (!code || !feishu) return undefined;
  const properties = changedProperties(code, feishu, sides);
  if (properties.length === 0) return undefined;
  return { ...base, jobName: jobNameOf(code), how: "changed", properties, cardDiff: cardDiffOf(code, feishu) };
}

/**
 * The properties the provider says are pending, by campaign: its warning (messages.ts `pending`)
 * reads "<campaign>: `sendAt` is pending, not changed in code: …". A dynamic provider cannot mark
 * them in the diff itself, so the warning is the one place that tells waiting from a change.
 */
function pendingByCampaign(
  diagnostics: readonly PreviewDiagnostic[],
): Map<string, WaitingCampaign & { props: string[] }> {
  const pending = new Map<string, WaitingCampaign & { props: string[] }>();
  for (const d of diagnostics) {
    const match = d.severity === "warning" ? /`(\w+)` is pending, not changed in code/.exec(d.message) : null;
    if (!match || !d.urn) continue;
    const entry = pending.get(d.urn) ?? { name: nameFromUrn(d.urn), urn: d.urn, message: d.message, props: [] };
    pending.set(d.urn, { ...entry, props: [...entry.props, match[1]] });
  }
  return pending;
}

/** The engine's closing "preview failed" says nothing the other errors do not. */
const isSummary = (message: string) => /^(preview|update) failed$/i.test(message.trim());

/**
 * Reads `pulumi preview --refresh --json` (every campaign read from Feishu, then the code diffed
 * against what was read) and names each campaign changed outside code, and how: the properties
 * that differ, code → Feishu, secrets hidden; that Feishu no longer has it; or that the provider
 * refused to diff the code against it (edited and approved in the console: an `up` could not
 * restore it). A property the provider says is pending (`sendAt` waiting for approval) is not
 * drift: such a campaign is listed apart. Throws ReviewInputError when the input is not JSON or
 * has no refresh step (a preview run without `--refresh`, a stack export).
 */
export function reviewDrift(previewJson: string): DriftResult {
  const preview = parsePreview(previewJson);
  const errors = preview.diagnostics.filter((d) => d.severity === "error");
  if (!preview.steps.some((step) => step.op === "refresh") && errors.length === 0)
    throw new ReviewInputError(
      "No refresh step in the input: give --drift the stdout of `pulumi preview --refresh --json`.",
    );
  const pending = pendingByCampaign(preview.diagnostics);
  const drifted: DriftedCampaign[] = [];
  for (const [urn, steps] of stepsByCampaign(preview.steps)) {
    const drift = driftOf(steps);
    const properties = drift?.properties.filter((p) => !pending.get(urn)?.props.includes(p.property)) ?? [];
    if (drift && (drift.how !== "changed" || properties.length > 0)) drifted.push({ ...drift, properties });
  }
  // An error about one campaign (the provider refused to diff the code against it) is its drift.
  for (const { urn, message } of errors) {
    if (!urn || !isCampaign(typeFromUrn(urn)) || drifted.some((d) => d.urn === urn)) continue;
    const base = { name: nameFromUrn(urn), urn, jobName: undefined, properties: [], cardDiff: undefined };
    drifted.push({ ...base, how: "refused", message: message.replace(/^Preview failed: /, "") });
  }
  const waiting = [...pending.values()].map(({ name, urn, message }) => ({ name, urn, message }));
  const others = errors.filter((e) => !e.urn && !isSummary(e.message)).map((e) => e.message);
  const stopped = errors.length > 0;
  return {
    drifted,
    waiting,
    stack: preview.stack,
    errors: errors.map((e) => e.message),
    unreadLines: preview.unreadLines,
    markdown: renderDrift({ drifted, waiting, others, stack: preview.stack, stopped }),
  };
}
