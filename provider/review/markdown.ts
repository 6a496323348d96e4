import { renderCardText } from "../card";
import { type CampaignReview, type CardSide, cardChanged } from "./campaign-review";
import { codeSpan, fenced, inline } from "./markdown-text";
import type { PreviewDiagnostic } from "./preview-json";
import { HIDDEN } from "./secrets";
import { lineDiff, withContext } from "./text-diff";

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /**
   * The most characters the comment may have (GitHub refuses a comment over 65,536).
   * @default 65000
   */
  readonly limit?: number;
  /**
   * Where the full HTML report is, said whenever something is left out.
   * @example "the `feishu-helpdesk-review` artifact of this run"
   */
  readonly reportLocation?: string;
  /** The stack's name, for the title. */
  readonly stack?: string;
  /** Problems not about one resource (the whole preview's). */
  readonly general?: readonly PreviewDiagnostic[];
}

/** The hidden marker CI uses to find (and update) its one comment. */
export const COMMENT_MARKER = "<!-- feishu-helpdesk-review -->";

/** A part of the comment that can be left out, with what to say when it is. */
interface Droppable {
  text: string;
  readonly left: string;
}

/** A card as text; a secret card is never rendered. */
export function cardText(side: CardSide): string {
  if (side.kind === "secret") return `${HIDDEN} (the card is a secret)`;
  if (side.kind === "none") return "";
  try {
    return renderCardText(side.value);
  } catch (error) {
    return `(the card cannot be rendered: ${(error as Error).message})`;
  }
}

const label = (r: CampaignReview) => `${codeSpan(r.name)}${r.jobName ? ` ${inline(r.jobName)}` : ""}`;

function problemsSection(reviews: readonly CampaignReview[], general: readonly PreviewDiagnostic[]): string {
  // Each message once, with every campaign it is about; errors first.
  const byMessage = new Map<string, { severity: string; source: string; who: string[] }>();
  const add = (d: PreviewDiagnostic, who: string) => {
    const key = `${d.severity}\u0000${d.message}`;
    const seen = byMessage.get(key) ?? { severity: d.severity, source: d.source, who: [] };
    if (!seen.who.includes(who)) seen.who.push(who);
    byMessage.set(key, seen);
  };
  for (const r of reviews) for (const d of r.problems) add(d, label(r));
  for (const d of general) add(d, "the stack");
  if (byMessage.size === 0) return "";
  const entries = [...byMessage].sort(([, a], [, b]) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  const lines = entries.map(([key, e]) => {
    const message = key.slice(key.indexOf("\u0000") + 1).slice(0, 4000);
    const source = e.source === "engine" ? "" : ` (${inline(e.source)})`;
    const body = fenced(message).replace(/\n/g, "\n  ");
    return `- **${e.severity}**${source}: ${e.who.join(", ")}\n  ${body}`;
  });
  return `### Refused, and checks that failed\n\n${lines.join("\n")}\n`;
}

const row = (r: CampaignReview) =>
  `| ${label(r).replace(/\|/g, "\\|")} | ${r.action} | ${inline(r.stage)} | ${inline(r.audience)} | ` +
  `${inline(r.sendTime)} | ${inline(r.approval)} |`;

function campaignSections(r: CampaignReview): { diff?: Droppable; card?: Droppable; head: string } {
  const changed = r.changedProperties.length > 0 ? `\nChanged: ${r.changedProperties.map(inline).join(", ")}.` : "";
  const head = `#### ${label(r)}: ${r.action}${changed}`;
  if (r.action === "refused") return { head: `${head}\nRefused: see the message above; nothing of it would change.` };
  if (r.action === "create" || (r.action === "replace" && r.before.kind === "none"))
    return r.after.kind === "none"
      ? { head }
      : { head, card: { text: `\nThe card, as text:\n\n${fenced(cardText(r.after))}\n`, left: "card" } };
  if (!cardChanged(r)) return { head: `${head}\nCard unchanged.` };
  const diff = withContext(lineDiff(cardText(r.before), cardText(r.after))).join("\n");
  return {
    head,
    diff: { text: `\nThe card, before → after:\n\n${fenced(diff, "diff")}\n`, left: "diff" },
    card: {
      text: `\n<details><summary>The card after, as text</summary>\n\n${fenced(cardText(r.after))}\n\n</details>\n`,
      left: "card",
    },
  };
}

/**
 * The pull-request comment: a title and counts, the refusals and failed checks (each message
 * once), a summary table, then each created or changed campaign's card as text and, for a
 * change, its before/after diff. Kept under `limit` by leaving out, least important first: the
 * full card text of changed campaigns, then created campaigns' cards, then diffs, then table
 * rows; what was left out, and where the full report is, is said at the end.
 */
export function renderMarkdown(reviews: readonly CampaignReview[], options: MarkdownOptions = {}): string {
  const limit = options.limit ?? 65_000;
  const counts = new Map<string, number>();
  for (const r of reviews) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  const order = ["refused", "create", "change", "replace", "delete", "read", "unchanged"];
  const summary = order
    .filter((a) => counts.has(a))
    .map((a) => `${counts.get(a)} ${a === "create" || a === "change" || a === "replace" ? `to ${a}` : a}`)
    .join(" · ");
  const stack = options.stack ? ` · stack ${codeSpan(options.stack)}` : "";
  const title = `${COMMENT_MARKER}\n### Feishu Helpdesk campaigns${stack}\n\n`;
  const head = `${title}**${summary || "no campaigns"}**\n\n${problemsSection(reviews, options.general ?? [])}`;
  const shown = reviews.filter((r) => r.action !== "unchanged");
  const unchanged = reviews.filter((r) => r.action === "unchanged");
  const rows: Droppable[] = shown.map((r) => ({ text: `${row(r)}\n`, left: "row" }));
  const sections = shown.filter((r) => r.action !== "delete" && r.action !== "read").map(campaignSections);
  const diffs = sections.flatMap((s) => (s.diff ? [s.diff] : []));
  const changedCards = sections.flatMap((s) => (s.diff && s.card ? [s.card] : []));
  const createdCards = sections.flatMap((s) => (!s.diff && s.card ? [s.card] : []));

  const tableHead =
    "| campaign | action | stage | audience | send time | approval |\n| --- | --- | --- | --- | --- | --- |\n";
  const unchangedLine =
    unchanged.length > 0 ? `\n${unchanged.length} unchanged: ${unchanged.map(label).join(", ")}.\n` : "";
  const compose = (note: string) =>
    head +
    (rows.length > 0 ? `\n${tableHead}${rows.map((r) => r.text).join("")}` : "") +
    unchangedLine +
    sections.map((s) => `\n${s.head}\n${s.diff?.text ?? ""}${s.card?.text ?? ""}`).join("") +
    note;

  const omitted: string[] = [];
  const where = options.reportLocation ? ` Everything is in the full HTML report: ${options.reportLocation}.` : "";
  const noteFor = () =>
    omitted.length === 0 ? "" : `\n---\n_Left out to stay under ${limit} characters: ${omitted.join("; ")}.${where}_\n`;
  let text = compose("");
  const reserve = 400 + where.length;
  const levels: [Droppable[], string][] = [
    [changedCards, "the full card text of {n} changed campaigns (their diffs are shown)"],
    [createdCards, "the card text of {n} created campaigns"],
    [diffs, "the card diffs of {n} changed campaigns"],
    [rows, "the summary rows of {n} campaigns"],
  ];
  for (const [items, what] of levels) {
    let dropped = 0;
    let total = text.length;
    for (let i = items.length - 1; i >= 0 && total + reserve > limit; i--) {
      total -= items[i].text.length;
      items[i].text = "";
      dropped++;
    }
    if (dropped > 0) omitted.push(what.replace("{n}", String(dropped)));
    text = compose(noteFor());
    if (text.length <= limit) break;
  }
  // The problems alone past the limit: cut, saying so (never happens with sane messages).
  return text.length <= limit ? text : `${text.slice(0, limit - 200)}\n\n_(cut at ${limit} characters.${where})_\n`;
}
