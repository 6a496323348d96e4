// The elements of a card, tag by tag, into the typed tree. An element this model does not know is kept
// as an `unknown` node with its path (and a warning), never dropped.
import { isObject, type JsonObject, type ParseContext } from "./parse-context";
import { childPath } from "./paths";
import type { CardButton, CardColumn, CardElement, CardImage, CardUnknown, CardUrl } from "./types";

/** Deeper than this, a card is surely broken (Feishu allows 5 levels of containers): it is not walked further. */
export const MAX_NESTING = 16;

/** The tags this model understands; anything else is shown as a placeholder. */
export const UNDERSTOOD_TAGS: readonly string[] = [
  "div",
  "markdown",
  "hr",
  "note",
  "img",
  "action",
  "button",
  "column_set",
  "column",
  "collapsible_panel",
  "plain_text",
  "lark_md",
];

type Reader = (element: JsonObject, path: string, ctx: ParseContext, depth: number) => CardElement;

const readers: Record<string, Reader> = {
  div: readDiv,
  markdown: readMarkdown,
  hr: (_e, path) => ({ kind: "hr", path }),
  note: (e, path, ctx, depth) => ({
    kind: "note",
    path,
    elements: elementList(e.elements, childPath(path, "elements"), ctx, depth).map((n) =>
      n.kind === "text" || n.kind === "img" || n.kind === "unknown" ? n : misplaced(n, "a note", ctx),
    ),
  }),
  img: readImage,
  action: (e, path, ctx, depth) => ({
    kind: "action",
    path,
    actions: elementList(e.actions, childPath(path, "actions"), ctx, depth).map((n) =>
      n.kind === "button" || n.kind === "unknown" ? n : misplaced(n, "an action", ctx),
    ),
  }),
  button: readButton,
  column_set: (e, path, ctx, depth) => ({
    kind: "column_set",
    path,
    columns: ctx
      .list(e.columns, childPath(path, "columns"), "columns")
      .map((c, i) => readColumn(c, childPath(childPath(path, "columns"), i), ctx, depth + 1)),
  }),
  column: (e, path, ctx, depth) => readColumn(e, path, ctx, depth),
  collapsible_panel: (e, path, ctx, depth) => ({
    kind: "collapsible_panel",
    path,
    title: isObject(e.header) ? ctx.text(e.header.title, childPath(childPath(path, "header"), "title")) : undefined,
    elements: elementList(e.elements, childPath(path, "elements"), ctx, depth),
  }),
  plain_text: (e, path, ctx) => ctx.text(e, path) ?? { kind: "unknown", path, tag: "plain_text" },
  lark_md: (e, path, ctx) => ctx.text(e, path) ?? { kind: "unknown", path, tag: "lark_md" },
};

/** An element that cannot sit where it is (a div in a note): kept as a placeholder, with a warning. */
function misplaced(node: CardElement, where: string, ctx: ParseContext): CardUnknown {
  ctx.warning(node.path, "misplaced-element", `is a "${node.kind}", which ${where} does not show`);
  return { kind: "unknown", path: node.path, tag: node.kind === "text" ? node.format : node.kind };
}

/** The elements of a list at `path` (children of the card, a column, a note...). */
export function elementList(value: unknown, path: string, ctx: ParseContext, depth: number): CardElement[] {
  return ctx.list(value, path, "elements").map((item, i) => readElement(item, childPath(path, i), ctx, depth + 1));
}

/** One element at `path`. */
export function readElement(value: unknown, path: string, ctx: ParseContext, depth: number): CardElement {
  if (!isObject(value)) {
    ctx.error(path, "element-object", 'must be an element object with a "tag"');
    return { kind: "unknown", path, tag: undefined };
  }
  if (typeof value.tag !== "string" || value.tag === "") {
    ctx.error(path, "element-tag", 'has no "tag": every element needs one (div, markdown, hr, note, img, action...)');
    return { kind: "unknown", path, tag: undefined };
  }
  if (depth > MAX_NESTING) {
    ctx.error(path, "nesting-depth", `is nested more than ${MAX_NESTING} levels deep; the card is not read further`);
    return { kind: "unknown", path, tag: value.tag };
  }
  const reader = Object.hasOwn(readers, value.tag) ? readers[value.tag] : undefined;
  if (reader === undefined) {
    ctx.warning(
      path,
      "unknown-tag",
      `has the tag "${value.tag}", which this check does not know: it is shown as a placeholder and not checked`,
    );
    return { kind: "unknown", path, tag: value.tag };
  }
  return reader(value, path, ctx, depth);
}

function readDiv(e: JsonObject, path: string, ctx: ParseContext, depth: number): CardElement {
  const text = ctx.text(e.text, childPath(path, "text"));
  const fieldsPath = childPath(path, "fields");
  const fields = ctx.list(e.fields, fieldsPath, "fields").map((f, i) => {
    const fieldPath = childPath(fieldsPath, i);
    if (!isObject(f)) {
      ctx.error(fieldPath, "field-object", 'must be an object { "is_short": true, "text": { ... } }');
      return { path: fieldPath, isShort: false };
    }
    const fieldText = ctx.text(f.text, childPath(fieldPath, "text"));
    if (f.text === undefined) ctx.error(childPath(fieldPath, "text"), "field-text", "is missing: a field shows a text");
    return { path: fieldPath, isShort: f.is_short === true, text: fieldText };
  });
  if (e.text === undefined && fields.length === 0) {
    ctx.error(path, "div-content", 'has neither "text" nor "fields": a div must show one of them');
  }
  const extra = e.extra === undefined ? undefined : readElement(e.extra, childPath(path, "extra"), ctx, depth + 1);
  return { kind: "div", path, text, fields, extra };
}

function readMarkdown(e: JsonObject, path: string, ctx: ParseContext): CardElement {
  const hrefs: Record<string, CardUrl[]> = {};
  if (isObject(e.href)) {
    for (const [name, target] of Object.entries(e.href)) {
      const urls: CardUrl[] = [];
      const targetPath = childPath(childPath(path, "href"), name);
      if (isObject(target)) for (const key of URL_KEYS) ctx.url(target[key], childPath(targetPath, key), urls);
      if (urls.length > 0) hrefs[name] = pcFirst(urls);
    }
  }
  if (typeof e.content !== "string") {
    ctx.error(childPath(path, "content"), "markdown-content", "must be a string (the Markdown shown)");
    return { kind: "markdown", path, text: { kind: "text", path, format: "lark_md", content: "" }, hrefs };
  }
  const contentPath = childPath(path, "content");
  ctx.markdownLinks(e.content, contentPath, Object.keys(hrefs));
  return {
    kind: "markdown",
    path,
    text: { kind: "text", path: contentPath, format: "lark_md", content: e.content },
    hrefs,
  };
}

function readImage(e: JsonObject, path: string, ctx: ParseContext): CardImage {
  if (typeof e.img_key !== "string" || e.img_key === "") {
    ctx.error(childPath(path, "img_key"), "img-key", "must be the key of an uploaded image (img_v2_...)");
  } else if (/^\s*[a-z][a-z0-9+.-]*:/i.test(e.img_key)) {
    ctx.error(
      childPath(path, "img_key"),
      "img-key",
      "is a link; a card shows an uploaded image by its key (img_v2_...)",
    );
  }
  return {
    kind: "img",
    path,
    imgKey: typeof e.img_key === "string" ? e.img_key : "",
    alt: ctx.text(e.alt, childPath(path, "alt")),
    title: ctx.text(e.title, childPath(path, "title")),
  };
}

/** Where a link may be given: 1.0 `url` and `multi_url`'s platforms, 2.0 `behaviors`' `default_url`. */
const URL_KEYS = ["url", "pc_url", "default_url", "ios_url", "android_url"];

function readButton(e: JsonObject, path: string, ctx: ParseContext): CardButton {
  const text = ctx.text(e.text, childPath(path, "text"));
  if (e.text === undefined || (text !== undefined && text.content.trim() === "")) {
    ctx.error(childPath(path, "text"), "button-text", "is missing or empty: a button must say what it does");
  }
  const urls: CardUrl[] = [];
  ctx.url(e.url, childPath(path, "url"), urls);
  if (isObject(e.multi_url)) {
    for (const key of URL_KEYS) ctx.url(e.multi_url[key], childPath(childPath(path, "multi_url"), key), urls);
  }
  ctx.list(e.behaviors, childPath(path, "behaviors"), "behaviors").forEach((b, i) => {
    if (!isObject(b) || b.type !== "open_url") return;
    for (const key of URL_KEYS) ctx.url(b[key], childPath(childPath(childPath(path, "behaviors"), i), key), urls);
  });
  return { kind: "button", path, text, type: typeof e.type === "string" ? e.type : "default", urls: pcFirst(urls) };
}

/** A desktop view opens the PC link first, as Feishu does on a computer. */
function pcFirst(urls: CardUrl[]): CardUrl[] {
  return urls.sort((a, b) => Number(b.path.endsWith("pc_url")) - Number(a.path.endsWith("pc_url")));
}

function readColumn(value: unknown, path: string, ctx: ParseContext, depth: number): CardColumn {
  if (!isObject(value)) {
    ctx.error(path, "column-object", 'must be a column object { "tag": "column", "elements": [...] }');
    return { kind: "column", path, weight: 1, elements: [] };
  }
  if (value.tag !== undefined && value.tag !== "column") {
    ctx.error(childPath(path, "tag"), "column-tag", `must be "column"; got ${JSON.stringify(value.tag)}`);
  }
  const weight = typeof value.weight === "number" && value.weight > 0 && value.weight <= 5 ? value.weight : 1;
  return {
    kind: "column",
    path,
    weight,
    elements: elementList(value.elements, childPath(path, "elements"), ctx, depth),
  };
}
