// STUB until issue 17 lands
// Throwaway: the card model's public contract (issue 17), just enough to run against.

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) if (k === "content" || k === "text" || k === "elements") texts(v, out);
  return out;
}

export function parseCard(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

export function checkCard(
  _value: unknown,
  _options?: unknown,
): { path: string; rule: string; message: string; severity: "error" | "warning" }[] {
  return [];
}

export function renderCardText(value: unknown): string {
  return texts(parseCard(value)).join("\n");
}

export function renderCardHtmlFragment(value: unknown): string {
  return `<div class="fh-card">${texts(parseCard(value))
    .map((t) => `<p>${escape(t)}</p>`)
    .join("")}</div>`;
}

export const cardCss = ".fh-card{border:1px solid #ccc;border-radius:8px;padding:8px;background:#fff}";

export function renderCardHtml(value: unknown, options: { title?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(options.title ?? "card")}</title>
<style>${cardCss}</style></head><body>${renderCardHtmlFragment(value)}</body></html>`;
}

export function cardLinks(_value: unknown): string[] {
  return [];
}
