import { cardCss, renderCardHtmlFragment } from "../card";
import { escapeHtml } from "../markup/html";
import { type CampaignReview, type CardSide, cardChanged } from "./campaign-review";
import type { PreviewDiagnostic } from "./preview-json";
import { HIDDEN } from "./secrets";

/** The report's policy: no script at all, its own inline style, images only as data. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const reportCss = `
body { font-family: system-ui, sans-serif; color: #1f2329; margin: 24px; }
table.summary { border-collapse: collapse; font-size: 13px; margin-bottom: 24px; }
table.summary th, table.summary td { border: 1px solid #dee0e3; padding: 4px 8px; text-align: left; }
table.summary td { vertical-align: top; }
section.campaign { border-top: 1px solid #dee0e3; padding: 12px 0; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.side h4 { margin: 0 0 6px; font-size: 13px; color: #646a73; }
.problem { color: #b42318; white-space: pre-wrap; }
.warning { color: #8a5a00; white-space: pre-wrap; }
.note { color: #646a73; }
`;

const e = (text: string) => escapeHtml(text);

function side(title: string, card: CardSide): string {
  const body =
    card.kind === "secret"
      ? `<p class="note">${e(HIDDEN)}: the card is a secret and is not shown.</p>`
      : card.kind === "none"
        ? `<p class="note">none</p>`
        : (() => {
            try {
              return renderCardHtmlFragment(card.value);
            } catch (error) {
              return `<p class="problem">The card cannot be rendered: ${e((error as Error).message)}</p>`;
            }
          })();
  return `<div class="side"><h4>${e(title)}</h4>${body}</div>`;
}

const problemList = (problems: readonly PreviewDiagnostic[]) =>
  problems.map(
    (p) => `<p class="${p.severity === "error" ? "problem" : "warning"}">${e(p.severity)}: ${e(p.message)}</p>`,
  );

/**
 * One self-contained HTML document: the summary table, then each campaign's problems and its
 * card before and after, side by side, through the package's card renderer. Everything from the
 * program or a card is escaped; the document runs no script and loads nothing.
 */
export function renderHtmlReport(
  reviews: readonly CampaignReview[],
  options: { readonly stack?: string; readonly general?: readonly PreviewDiagnostic[] } = {},
): string {
  const title = `Feishu Helpdesk campaigns${options.stack ? ` · stack ${options.stack}` : ""}`;
  const rows = reviews.map(
    (r) =>
      `<tr><td><code>${e(r.name)}</code> ${e(r.jobName ?? "")}</td><td>${e(r.action)}</td><td>${e(r.stage)}</td>` +
      `<td>${e(r.audience)}</td><td>${e(r.sendTime)}</td><td>${e(r.approval)}</td></tr>`,
  );
  const sections = reviews
    .filter((r) => r.action !== "unchanged")
    .map((r) => {
      const changed = r.changedProperties.length
        ? `<p class="note">Changed: ${e(r.changedProperties.join(", "))}</p>`
        : "";
      const same = r.action === "change" && !cardChanged(r) ? `<p class="note">Card unchanged.</p>` : "";
      return (
        `<section class="campaign" id="${e(r.name)}"><h3><code>${e(r.name)}</code> ${e(r.jobName ?? "")}: ` +
        `${e(r.action)}</h3>${problemList(r.problems).join("")}${changed}${same}` +
        `<div class="sides">${side("before", r.before)}${side("after", r.after)}</div></section>`
      );
    });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>${e(title)}</title>
<style>${cardCss}${reportCss}</style></head>
<body><h1>${e(title)}</h1>
${problemList(options.general ?? []).join("")}
<table class="summary"><thead><tr><th>campaign</th><th>action</th><th>stage</th><th>audience</th><th>send time</th>
<th>approval</th></tr></thead><tbody>${rows.join("")}</tbody></table>
${sections.join("\n")}
</body></html>
`;
}
