import { cardText } from "./markdown";
import { fenced, inline } from "./markdown-text";
import { nameFromUrn, typeFromUrn } from "../pulumi/urn";
import { parsePreview, type PreviewStep, type ResourceState } from "./preview-json";
import { HIDDEN, holdsSecret } from "./secrets";
import { lineDiff, withContext } from "./text-diff";

/** The hidden marker of a drift report, apart from the pull-request comment's. */
export const DRIFT_MARKER = "<!-- feishu-helpdesk-drift -->";

/** One property of a campaign that differs between the stack's state and Feishu. */
export interface DriftedProperty {
  /** The input or output's name, e.g. `stage`, `jobName`, `pushContent`. */
  readonly property: string;
  /**
   * In code, shown short; `[secret]` for a secret. From the program's step (what `pulumi up` would
   * set), or, when the run stopped before the program was diffed, the stack's state (what the code
   * last applied).
   */
  readonly inCode: string;
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
  /**
   * The engine's errors, quoted in the report: a run that stopped (e.g. the refresh refused a
   * campaign approved outside code) may not have compared every campaign.
   */
  readonly errors: readonly string[];
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
 * Reads `pulumi preview --refresh --json` (every campaign read from Feishu, then the code diffed
 * against what was read) and names each campaign changed outside code, and how: the properties
 * that differ, code → Feishu, secrets hidden, or that Feishu no longer has it. The engine's errors
 * are quoted: an edit outside code that the code can no longer restore (a campaign approved in
 * the console) stops the run with an error naming the campaign and its status.
 * Throws ReviewInputError when the input is not JSON.
 */
export function reviewDrift(previewJson: string): DriftResult {
  const preview = parsePreview(previewJson);
  const drifted: DriftedCampaign[] = [];
  for (const steps of stepsByCampaign(preview.steps).values()) {
    const drift = driftOf(steps);
    if (drift) drifted.push(drift);
  }
  const errors = preview.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  const markdown =
    drifted.length === 0 && errors.length > 0
      ? renderDrift(drifted, preview.stack).replace(
          /No drift:.*\n/,
          "The run stopped before it could compare every campaign with its code: see its errors.\n",
        )
      : renderDrift(drifted, preview.stack);
  const quoted =
    errors.length === 0 ? "" : `\n**The engine reported:**\n\n${errors.map((e) => fenced(e)).join("\n\n")}\n`;
  return { drifted, stack: preview.stack, errors, markdown: markdown + quoted };
}

/** The drift report: one section per campaign changed outside code, with a table of its properties. */
export function renderDrift(drifted: readonly DriftedCampaign[], stack?: string): string {
  const where = stack ? ` · stack \`${stack.replace(/`/g, "'")}\`` : "";
  const title = `${DRIFT_MARKER}\n### Feishu Helpdesk campaigns changed outside code${where}\n\n`;
  if (drifted.length === 0) return `${title}No drift: every campaign in Feishu is as the code declares it.\n`;
  const sections = drifted.map((d) => {
    const label = `\`${d.name.replace(/`/g, "'")}\`${d.jobName ? ` ${inline(d.jobName)}` : ""}`;
    if (d.how === "deleted") return `#### ${label}: deleted outside code\nFeishu no longer has it.\n`;
    const rows = d.properties.map((p) => `| ${inline(p.property)} | ${inline(p.inCode)} | ${inline(p.inFeishu)} |`);
    const card = d.cardDiff ? `\nThe card, code → Feishu:\n\n${fenced(d.cardDiff, "diff")}\n` : "";
    return (
      `#### ${label}: changed outside code\nChanged: ${d.properties.map((p) => inline(p.property)).join(", ")}.\n\n` +
      `| property | in code | in Feishu now |\n| --- | --- | --- |\n${rows.join("\n")}\n${card}`
    );
  });
  const next =
    "\nTo keep Feishu's version, run `pulumi refresh` (and change the code to match); to restore the code's, " +
    "run `pulumi up` (a campaign past draft can only be restored by withdrawing it in the Helpdesk console).\n";
  return `${title}**${drifted.length} changed outside code**\n\n${sections.join("\n")}${next}`;
}
