import { cardText } from "./markdown";
import { fenced, inline } from "./markdown-text";
import { nameFromUrn, parsePreview, type ResourceState } from "./preview-json";
import { HIDDEN, holdsSecret } from "./secrets";
import { lineDiff, withContext } from "./text-diff";

/** The hidden marker of a drift report, apart from the pull-request comment's. */
export const DRIFT_MARKER = "<!-- feishu-helpdesk-drift -->";

/** One property of a campaign that differs between the stack's state and Feishu. */
export interface DriftedProperty {
  /** The input or output's name, e.g. `stage`, `jobName`, `pushContent`. */
  readonly property: string;
  /** In the stack's state (what the code last applied), shown short; `[secret]` for a secret. */
  readonly inState: string;
  /** In Feishu now, shown the same way. */
  readonly inFeishu: string;
}

/** A campaign (or bot message) changed outside code, as {@link reviewDrift} reports it. */
export interface DriftedCampaign {
  readonly name: string;
  readonly urn: string;
  readonly jobName: string | undefined;
  /** `changed`: its properties differ; `deleted`: Feishu no longer has it. */
  readonly how: "changed" | "deleted";
  readonly properties: readonly DriftedProperty[];
  /** The card's text diff (state → Feishu), when the card itself changed and is not a secret. */
  readonly cardDiff: string | undefined;
}

/** What {@link reviewDrift} returns. */
export interface DriftResult {
  readonly drifted: readonly DriftedCampaign[];
  /** A Markdown report (an issue body, a job summary); says so when nothing drifted. */
  readonly markdown: string;
  /** The stack's name, from the URNs. */
  readonly stack: string | undefined;
}

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

/** Each property, input or output, whose value differs; inputs first, a name once. */
function changedProperties(before: ResourceState, after: ResourceState): DriftedProperty[] {
  const out: DriftedProperty[] = [];
  const seen = new Set<string>();
  for (const side of ["inputs", "outputs"] as const) {
    const keys = new Set([...Object.keys(before[side]), ...Object.keys(after[side])]);
    for (const key of keys) {
      if (ignored.has(key) || seen.has(key)) continue;
      const [a, b] = [before[side][key], after[side][key]];
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      seen.add(key);
      // A card is a page of JSON: the report shows its text diff instead.
      const card = cardFields.has(key) && !holdsSecret(a) && !holdsSecret(b);
      out.push({ property: key, inState: card ? CARD_BELOW : show(a), inFeishu: card ? CARD_BELOW : show(b) });
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

/**
 * Reads `pulumi refresh --preview-only --json` (each step's old state is the stack's, its new
 * state what Feishu holds now) and names each campaign changed outside code, and how: the
 * properties that differ, state → Feishu, secrets hidden, or that Feishu no longer has it.
 * Throws ReviewInputError when the input is not JSON.
 */
export function reviewDrift(refreshJson: string): DriftResult {
  const preview = parsePreview(refreshJson);
  const drifted: DriftedCampaign[] = [];
  for (const step of preview.steps) {
    const old = step.oldState;
    if (!old || !isCampaign(old.type)) continue;
    const base = { name: nameFromUrn(step.urn), urn: step.urn, jobName: jobNameOf(old) };
    if (!step.newState || step.op === "delete") {
      drifted.push({ ...base, how: "deleted", properties: [], cardDiff: undefined });
      continue;
    }
    const properties = changedProperties(old, step.newState);
    if (properties.length === 0) continue;
    drifted.push({ ...base, how: "changed", properties, cardDiff: cardDiffOf(old, step.newState) });
  }
  // The engine also diffs the program against what it read: a refusal there (e.g. an approved campaign
  // whose code differs) is part of the story, so the report quotes it.
  const errors = preview.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  const markdown =
    drifted.length === 0 && errors.length > 0
      ? renderDrift(drifted, preview.stack).replace(/No drift:.*\n/, "No property changes in the refresh's steps.\n")
      : renderDrift(drifted, preview.stack);
  const quoted =
    errors.length === 0 ? "" : `\n**The refresh also reported:**\n\n${errors.map((e) => fenced(e)).join("\n\n")}\n`;
  return { drifted, stack: preview.stack, markdown: markdown + quoted };
}

/** The drift report: one section per campaign changed outside code, with a table of its properties. */
export function renderDrift(drifted: readonly DriftedCampaign[], stack?: string): string {
  const where = stack ? ` · stack \`${stack.replace(/`/g, "'")}\`` : "";
  const title = `${DRIFT_MARKER}\n### Feishu Helpdesk campaigns changed outside code${where}\n\n`;
  if (drifted.length === 0) return `${title}No drift: every campaign in Feishu is as the stack last applied it.\n`;
  const sections = drifted.map((d) => {
    const label = `\`${d.name.replace(/`/g, "'")}\`${d.jobName ? ` ${inline(d.jobName)}` : ""}`;
    if (d.how === "deleted") return `#### ${label}: deleted outside code\nFeishu no longer has it.\n`;
    const rows = d.properties.map((p) => `| ${inline(p.property)} | ${inline(p.inState)} | ${inline(p.inFeishu)} |`);
    const card = d.cardDiff ? `\nThe card, state → Feishu:\n\n${fenced(d.cardDiff, "diff")}\n` : "";
    return (
      `#### ${label}: changed outside code\nChanged: ${d.properties.map((p) => inline(p.property)).join(", ")}.\n\n` +
      `| property | in the stack's state | in Feishu now |\n| --- | --- | --- |\n${rows.join("\n")}\n${card}`
    );
  });
  const next =
    "\nTo keep Feishu's version, run `pulumi refresh` (and change the code to match); to restore the code's, " +
    "run `pulumi up` (a campaign past draft can only be restored by withdrawing it in the Helpdesk console).\n";
  return `${title}**${drifted.length} changed outside code**\n\n${sections.join("\n")}${next}`;
}
