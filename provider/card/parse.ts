// parseCard: a Feishu message card, JSON 1.0 or 2.0, given as an object or as its JSON text, into the typed
// tree of types.ts. It never throws: what is wrong is recorded in `findings` with its path.
import { elementList } from "./parse-elements";
import { isObject, type JsonObject, ParseContext } from "./parse-context";
import { childPath } from "./paths";
import type { CardDocument, CardElement, CardHeader, CardUrl } from "./types";

/** The colour templates of a card's header band. */
export const HEADER_TEMPLATES: readonly string[] = [
  "blue",
  "wathet",
  "turquoise",
  "green",
  "yellow",
  "orange",
  "red",
  "carmine",
  "violet",
  "purple",
  "indigo",
  "grey",
  "default",
];

/** The card as a JSON value: its JSON text parsed, or the value itself; a reason when it is not a card. */
export function cardJson(value: unknown): { card?: JsonObject; fault?: string } {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      return { fault: `must be valid JSON (${(error as Error).message})` };
    }
  }
  if (!isObject(parsed)) return { fault: "must be a card: a JSON object, not an array, a scalar or null" };
  return { card: parsed };
}

/**
 * Parses a message card into a typed tree. Unknown tags are kept as `unknown` nodes with their path;
 * structural faults and unknown tags are listed in `findings` (paths relative to the card's root).
 */
export function parseCard(value: unknown): CardDocument {
  const ctx = new ParseContext();
  const { card, fault } = cardJson(value);
  if (card === undefined) {
    ctx.error("", "card-object", fault!);
    return { schema: "1.0", elements: [], cardLink: [], findings: ctx.findings };
  }
  const body = isObject(card.body) ? card.body : undefined;
  const schema = card.schema === "2.0" || (card.elements === undefined && body !== undefined) ? "2.0" : "1.0";
  const header = readHeader(card.header, ctx);
  const cardLink: CardUrl[] = [];
  if (isObject(card.card_link)) {
    for (const key of ["pc_url", "url", "ios_url", "android_url"]) {
      ctx.url(card.card_link[key], childPath("card_link", key), cardLink);
    }
  }
  const templateId = readTemplateId(card);
  const elements = templateId === undefined ? rootElements(card, body, schema, ctx) : [];
  return { schema, header, elements, cardLink, templateId, findings: ctx.findings };
}

function rootElements(
  card: JsonObject,
  body: JsonObject | undefined,
  schema: string,
  ctx: ParseContext,
): CardElement[] {
  if (schema === "2.0") {
    if (body === undefined || body.elements === undefined) {
      ctx.error(
        body === undefined ? "" : "body",
        "card-elements",
        'a JSON 2.0 card needs "body": { "elements": [...] }',
      );
      return [];
    }
    return elementList(body.elements, "body.elements", ctx, 0);
  }
  if (card.elements !== undefined) return elementList(card.elements, "elements", ctx, 0);
  // A card translated into several languages: the first of them is shown (zh_cn first, as Feishu's default).
  if (isObject(card.i18n_elements)) {
    const locales = Object.keys(card.i18n_elements).sort((a, b) => Number(b === "zh_cn") - Number(a === "zh_cn"));
    const first = locales[0];
    if (first !== undefined) return elementList(card.i18n_elements[first], childPath("i18n_elements", first), ctx, 0);
  }
  ctx.error("", "card-elements", 'has neither "elements" (JSON 1.0) nor "body.elements" (JSON 2.0): nothing to show');
  return [];
}

function readHeader(value: unknown, ctx: ParseContext): CardHeader | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    ctx.error("header", "header-object", 'must be an object { "title": { ... }, "template": "blue" }');
    return undefined;
  }
  const title = ctx.text(value.title, "header.title");
  if (value.title === undefined && !isObject(value.i18n_title)) {
    ctx.error("header.title", "header-title", "is missing: a card's header shows a title");
  }
  const known = typeof value.template === "string" && HEADER_TEMPLATES.includes(value.template);
  if (value.template !== undefined && !known) {
    ctx.warning(
      "header.template",
      "header-template",
      `is ${JSON.stringify(value.template)}, not one of Feishu's colours (${HEADER_TEMPLATES.join(", ")})`,
    );
  }
  return {
    path: "header",
    title,
    subtitle: ctx.text(value.subtitle, "header.subtitle"),
    template: known ? (value.template as string) : "default",
  };
}

/** The id of a card given by template: `{ "type": "template", "data": { "template_id": "..." } }`. */
function readTemplateId(card: JsonObject): string | undefined {
  if (card.type !== "template" || !isObject(card.data)) return undefined;
  return typeof card.data.template_id === "string" ? card.data.template_id : undefined;
}
