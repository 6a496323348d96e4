// renderCardText: a card as Markdown, readable in a terminal and in a pull-request comment. Text from the
// card is escaped, so only the constructs this renderer writes are Markdown: a card cannot add images,
// HTML or links of its own to the comment it appears in.
import { type Inline, mentionLabel, parseLarkMd } from "./lark-md";
import { safeHref } from "./links";
import { parseCard } from "./parse";
import type { CardDocument, CardElement, CardText, CardUrl } from "./types";

/** A card (object or JSON text) as Markdown: title, body, fields, buttons as links, notes. Never throws. */
export function renderCardText(value: unknown): string {
  return documentText(parseCard(value));
}

/** The Markdown of an already parsed card. */
export function documentText(doc: CardDocument): string {
  const blocks: string[] = [];
  const title = doc.header?.title;
  if (title !== undefined) blocks.push(`### ${oneLine(textMd(title))}`);
  if (doc.header?.subtitle !== undefined) blocks.push(`_${oneLine(textMd(doc.header.subtitle))}_`);
  if (doc.templateId !== undefined) blocks.push(`[card template ${escapeMd(doc.templateId)}]`);
  for (const element of doc.elements) {
    const block = elementMd(element);
    if (block !== "") blocks.push(block);
  }
  const link = firstSafe(doc.cardLink);
  if (link !== undefined) blocks.push(`Card link: <${link}>`);
  return blocks.join("\n\n");
}

function elementMd(e: CardElement): string {
  switch (e.kind) {
    case "text":
      return textMd(e);
    case "div": {
      const parts = e.text === undefined ? [] : [textMd(e.text)];
      for (const f of e.fields) if (f.text !== undefined) parts.push(`- ${oneLine(textMd(f.text))}`);
      if (e.extra !== undefined) parts.push(elementMd(e.extra));
      return parts.filter((p) => p !== "").join("\n");
    }
    case "markdown":
      return textMd(e.text, e.hrefs);
    case "hr":
      return "---";
    case "note":
      return quote(e.elements.map(elementMd).join(" "));
    case "img":
      return `[image ${escapeMd(e.imgKey)}${e.alt ? `: ${oneLine(escapeMd(e.alt.content))}` : ""}]`;
    case "button":
      return buttonMd(e.text, e.urls);
    case "action":
      return e.actions.map(elementMd).join(" · ");
    case "column_set":
      return e.columns.map((c) => c.elements.map(elementMd).join("\n")).join("\n\n");
    case "column":
      return e.elements.map(elementMd).join("\n");
    case "collapsible_panel": {
      const head = e.title === undefined ? "" : `**${oneLine(textMd(e.title))}**\n`;
      return head + e.elements.map(elementMd).join("\n\n");
    }
    case "unknown":
      return `[${e.tag === undefined ? "element without a tag" : `unsupported element "${escapeMd(e.tag)}"`}]`;
  }
}

function buttonMd(text: CardText | undefined, urls: CardUrl[]): string {
  const label = text === undefined ? "(button without text)" : oneLine(escapeMd(text.content));
  const href = firstSafe(urls);
  return href === undefined ? `[ ${label} ]` : `[${label}](${markdownUrl(href)})`;
}

function firstSafe(urls: CardUrl[]): string | undefined {
  for (const u of urls) {
    const href = safeHref(u.url);
    if (href !== undefined) return href;
  }
  return undefined;
}

/** A text object as Markdown: plain text escaped, lark_md re-written from what was understood. */
export function textMd(text: CardText, hrefs: Record<string, CardUrl[]> = {}): string {
  return text.format === "plain_text" ? escapeMd(text.content) : inlineMd(parseLarkMd(text.content), hrefs);
}

function inlineMd(pieces: Inline[], hrefs: Record<string, CardUrl[]>): string {
  return pieces
    .map((p) => {
      switch (p.t) {
        case "text":
          return escapeMd(p.text);
        case "br":
          return "  \n";
        case "bold":
          return `**${inlineMd(p.children, hrefs)}**`;
        case "italic":
          return `_${inlineMd(p.children, hrefs)}_`;
        case "strike":
          return `~~${inlineMd(p.children, hrefs)}~~`;
        case "font":
          return inlineMd(p.children, hrefs);
        case "at":
          return escapeMd(mentionLabel(p.id, p.name));
        case "image":
          return `[image ${escapeMd(p.key)}]`;
        case "link": {
          const href = p.url.startsWith("$") ? firstSafe(hrefs[p.url.slice(1)] ?? []) : safeHref(p.url);
          const label = inlineMd(p.children, hrefs);
          return href === undefined ? label : `[${label}](${markdownUrl(href)})`;
        }
      }
    })
    .join("");
}

/**
 * Backslash before every character Markdown (or HTML inside Markdown) could read as inline syntax, and
 * before what would start a heading, quote or list at the start of a line; other punctuation stays readable.
 */
export function escapeMd(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|&]/g, (c) => `\\${c}`)
    .replace(/(^|\n)([ \t]*)([#+=-]|\d+[.)])/g, (_m, start: string, space: string, mark: string) => {
      return `${start}${space}${mark.replace(/[#+=\-.)]/, (c) => `\\${c}`)}`;
    });
}

/** A URL safe inside `(...)` of a Markdown link: no spaces or parentheses left raw. */
function markdownUrl(href: string): string {
  return href.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}
