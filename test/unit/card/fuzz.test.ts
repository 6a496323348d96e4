// Property-based tests: the card model never throws on any JSON value, and the HTML it writes never holds
// markup that could run, whatever text or link a card carries.
import fc from "fast-check";
import {
  cardLinks,
  checkCard,
  parseCard,
  renderCardHtml,
  renderCardHtmlFragment,
  renderCardText,
} from "../../../provider/card";
import { cardCorpus } from "../../cases/card-corpus";
import { HOSTILE_STRINGS } from "../../cases/hostile-strings";

const RUNS = 500;

/** Every string leaf of `value` replaced by one drawn from `strings`. */
function replaceStrings(value: unknown, strings: () => string): unknown {
  if (typeof value === "string") return strings();
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, strings));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "tag" ? v : replaceStrings(v, strings)]));
  }
  return value;
}

const ALLOWED_TAGS = new Set(
  "html head meta title style body div span a strong em del br hr code".split(" ").concat(["!doctype"]),
);
const ALLOWED_ATTRIBUTES = new Set(
  "class data-path data-schema href target rel role aria-label lang charset http-equiv content name".split(" "),
);

/** What is unsafe in `html`, or [] : tags, attributes and hrefs outside the lists a renderer writes. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, "<style></style>");
  for (const [, name, attributes] of body.matchAll(/<\/?([!a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) problems.push(`tag ${name}`);
    if (name.toLowerCase() === "!doctype") continue;
    const rest = attributes.replace(/\s([a-z-]+)="([^"]*)"/g, (_m, attr: string, val: string) => {
      if (!ALLOWED_ATTRIBUTES.has(attr)) problems.push(`attribute ${attr}`);
      if (attr === "href" && !/^(https?|lark):/.test(val)) problems.push(`href ${val}`);
      return "";
    });
    if (rest.trim() !== "") problems.push(`unparsed attributes ${rest}`);
  }
  return problems;
}

describe("the card model on any input", () => {
  it("never throws on any JSON value, as an object or as JSON text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, asText) => {
        const input = asText ? JSON.stringify(value) : value;
        parseCard(input);
        checkCard(input, { communityLimits: "error" });
        renderCardText(input);
        cardLinks(input);
        expect(unsafeParts(renderCardHtml(input))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on card-shaped values with random tags and fields", () => {
    const tags = fc.constantFrom(
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
      "unknown_x",
    );
    const text = fc.oneof(
      fc.record({ tag: fc.constantFrom("plain_text", "lark_md"), content: fc.string() }),
      fc.jsonValue(),
    );
    const leafFields = {
      tag: tags,
      text,
      content: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })),
      url: fc.oneof(fc.webUrl(), fc.string()),
      img_key: fc.string(),
    };
    const leaf = fc.record(leafFields, { requiredKeys: ["tag"] });
    // Depth-bounded recursion: each level may hold children under any of the keys a container uses.
    const element = fc.letrec((tie) => ({
      el: fc.oneof(
        { maxDepth: 3, depthSize: "small" },
        leaf,
        fc.record(
          {
            ...leafFields,
            elements: fc.array(tie("el"), { maxLength: 3 }),
            columns: fc.array(tie("el"), { maxLength: 2 }),
            actions: fc.array(tie("el"), { maxLength: 2 }),
            fields: fc.array(fc.record({ is_short: fc.boolean(), text: fc.oneof(text, tie("el")) }), { maxLength: 2 }),
          },
          { requiredKeys: ["tag"] },
        ),
      ),
    }));
    fc.assert(
      fc.property(fc.array(element.el, { maxLength: 5 }), fc.boolean(), (elements, v2) => {
        const card = v2 ? { schema: "2.0", body: { elements } } : { elements };
        checkCard(card);
        renderCardText(card);
        cardLinks(card);
        expect(unsafeParts(renderCardHtmlFragment(card))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(cardCorpus.map((c) => [c.name, c.card]))(
    "writes no script, event handler or forbidden href when every text and link of %s is hostile",
    (_name, card) => {
      const base = typeof card === "string" ? JSON.parse(card) : card;
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string()), { minLength: 1 }), (pool) => {
          let i = 0;
          const hostile = replaceStrings(base, () => pool[i++ % pool.length]);
          const html = renderCardHtml(hostile);
          expect(unsafeParts(html)).toEqual([]);
          expect(html).not.toMatch(/<script/i);
          // A forbidden link is also an error of the check, named by its path.
          const links = cardLinks(hostile).filter((l) => /^\s*(javascript|data|vbscript):/i.test(l.url));
          const flagged = new Set(
            checkCard(hostile)
              .filter((f) => f.severity === "error")
              .map((f) => f.path),
          );
          expect(links.filter((link) => !flagged.has(link.path))).toEqual([]);
        }),
        { numRuns: 100 },
      );
    },
  );
});
