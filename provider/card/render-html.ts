// renderCardHtml / renderCardHtmlFragment: a card as HTML that looks like Feishu's. Every text from the card
// is escaped; a link becomes an `href` only when links.ts allows its scheme; no script, no style attribute,
// nothing loaded from the network (images are labelled placeholders with their key).
import { cardCss } from "./card-css";
import { escapeHtml } from "./html-escape";
import { FONT_COLOURS, type Inline, mentionLabel, parseLarkMd } from "./lark-md";
import { safeHref } from "./links";
import { parseCard } from "./parse";
import type { CardButton, CardDocument, CardElement, CardImage, CardText, CardUrl } from "./types";

/** Options of {@link renderCardHtml}. */
export interface CardHtmlOptions {
  /**
   * The page's title.
   * @default the card's header title, or "Feishu card"
   */
  title?: string;
}

/** A card (object or JSON text) as one self-contained HTML page: inline CSS, no script, no network. */
export function renderCardHtml(value: unknown, options: CardHtmlOptions = {}): string {
  const doc = parseCard(value);
  const title = options.title ?? doc.header?.title?.content ?? "Feishu card";
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    // Belt and braces: even if markup slipped through, the page may load and run nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>body{margin:0;padding:24px;background:#f5f6f7}\n${cardCss}</style>`,
    `</head><body>${documentHtml(doc)}</body></html>`,
  ].join("\n");
}

/** Only the card's markup: one element with class `fh-card`, to embed in a page that includes {@link cardCss}. */
export function renderCardHtmlFragment(value: unknown): string {
  return documentHtml(parseCard(value));
}

/** The markup of an already parsed card. */
export function documentHtml(doc: CardDocument): string {
  const parts: string[] = [`<div class="fh-card" data-schema="${doc.schema}">`];
  if (doc.header !== undefined) {
    parts.push(`<div class="fh-header fh-tpl-${doc.header.template}">`);
    if (doc.header.title !== undefined) parts.push(`<div class="fh-title">${textHtml(doc.header.title)}</div>`);
    if (doc.header.subtitle !== undefined) {
      parts.push(`<div class="fh-subtitle">${textHtml(doc.header.subtitle)}</div>`);
    }
    parts.push("</div>");
  }
  parts.push('<div class="fh-body">');
  if (doc.templateId !== undefined) {
    parts.push(`<div class="fh-unknown">Card template <code>${escapeHtml(doc.templateId)}</code></div>`);
  }
  for (const element of doc.elements) parts.push(elementHtml(element));
  const cardLink = firstHref(doc.cardLink);
  if (cardLink !== undefined) {
    parts.push(`<div class="fh-card-link">Card link: ${anchor(cardLink, escapeHtml(cardLink), "")}</div>`);
  }
  parts.push("</div></div>");
  return parts.join("");
}

function at(path: string): string {
  return ` data-path="${escapeHtml(path)}"`;
}

function children(elements: CardElement[]): string {
  return elements.map(elementHtml).join("");
}

function elementHtml(e: CardElement): string {
  switch (e.kind) {
    case "text":
      return `<span class="fh-text"${at(e.path)}>${textHtml(e)}</span>`;
    case "div": {
      const text = e.text === undefined ? "" : `<div class="fh-text">${textHtml(e.text)}</div>`;
      const fields = e.fields.map(
        (f) =>
          `<div class="fh-field${f.isShort ? " fh-short" : ""}"${at(f.path)}>${f.text ? textHtml(f.text) : ""}</div>`,
      );
      const fieldBlock = fields.length === 0 ? "" : `<div class="fh-fields">${fields.join("")}</div>`;
      const extra = e.extra === undefined ? "" : elementHtml(e.extra);
      return `<div class="fh-div"${at(e.path)}>${text}${fieldBlock}${extra}</div>`;
    }
    case "markdown":
      return `<div class="fh-md"${at(e.path)}>${textHtml(e.text, e.hrefs)}</div>`;
    case "hr":
      return `<hr class="fh-hr"${at(e.path)}>`;
    case "note":
      return `<div class="fh-note"${at(e.path)}>${e.elements.map(elementHtml).join("")}</div>`;
    case "img":
      return imageHtml(e);
    case "button":
      return buttonHtml(e);
    case "action":
      return `<div class="fh-actions"${at(e.path)}>${e.actions.map(elementHtml).join("")}</div>`;
    case "column_set":
      return `<div class="fh-columns"${at(e.path)}>${e.columns.map(elementHtml).join("")}</div>`;
    case "column":
      return `<div class="fh-column fh-w-${Math.round(e.weight)}"${at(e.path)}>${children(e.elements)}</div>`;
    case "collapsible_panel": {
      const title = e.title === undefined ? "" : `<div class="fh-panel-title">${textHtml(e.title)}</div>`;
      return `<div class="fh-panel"${at(e.path)}>${title}${e.elements.map(elementHtml).join("")}</div>`;
    }
    case "unknown": {
      const label = e.tag === undefined ? "Element without a tag" : `Unsupported element "${escapeHtml(e.tag)}"`;
      return `<div class="fh-unknown"${at(e.path)}>${label}</div>`;
    }
  }
}

function imageHtml(e: CardImage): string {
  const alt = e.alt === undefined ? "" : e.alt.content;
  const label = `<span class="fh-img-label">Image</span><code>${escapeHtml(e.imgKey)}</code>`;
  const caption = alt === "" ? "" : `<span class="fh-img-alt">${escapeHtml(alt)}</span>`;
  const described = `role="img" aria-label="${escapeHtml(alt || e.imgKey)}"`;
  return `<div class="fh-img" ${described}${at(e.path)}>${label}${caption}</div>`;
}

function buttonHtml(e: CardButton): string {
  const type = /^[a-z_]{1,20}$/.test(e.type) ? e.type : "default";
  const label = e.text === undefined ? "" : escapeHtml(e.text.content);
  const href = firstHref(e.urls);
  const cls = `fh-button fh-button-${type}`;
  if (href === undefined) return `<span class="${cls} fh-button-nolink"${at(e.path)}>${label}</span>`;
  return anchor(href, label, ` class="${cls}"${at(e.path)}`);
}

function firstHref(urls: CardUrl[]): string | undefined {
  for (const u of urls) {
    const href = safeHref(u.url);
    if (href !== undefined) return href;
  }
  return undefined;
}

function anchor(href: string, inner: string, attributes: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow"${attributes}>${inner}</a>`;
}

/** A text object as HTML: plain text escaped, lark_md rendered from what was understood. */
export function textHtml(text: CardText, hrefs: Record<string, CardUrl[]> = {}): string {
  if (text.format === "plain_text") return escapeHtml(text.content).replace(/\n/g, "<br>");
  return inlineHtml(parseLarkMd(text.content), hrefs);
}

function inlineHtml(pieces: Inline[], hrefs: Record<string, CardUrl[]>): string {
  return pieces.map((p) => pieceHtml(p, hrefs)).join("");
}

function pieceHtml(p: Inline, hrefs: Record<string, CardUrl[]>): string {
  switch (p.t) {
    case "text":
      return escapeHtml(p.text);
    case "br":
      return "<br>";
    case "bold":
      return `<strong>${inlineHtml(p.children, hrefs)}</strong>`;
    case "italic":
      return `<em>${inlineHtml(p.children, hrefs)}</em>`;
    case "strike":
      return `<del>${inlineHtml(p.children, hrefs)}</del>`;
    case "font": {
      const inner = inlineHtml(p.children, hrefs);
      return FONT_COLOURS.includes(p.color) ? `<span class="fh-font-${p.color}">${inner}</span>` : inner;
    }
    case "at":
      return `<span class="fh-at">${escapeHtml(mentionLabel(p.id, p.name))}</span>`;
    case "image":
      return `<span class="fh-img-inline">[image ${escapeHtml(p.key)}]</span>`;
    case "link": {
      const href = p.url.startsWith("$") ? firstHref(hrefs[p.url.slice(1)] ?? []) : safeHref(p.url);
      const inner = inlineHtml(p.children, hrefs);
      return href === undefined ? inner : anchor(href, inner, "");
    }
  }
}
