import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { checkCard, COMMUNITY_CARD_LIMITS } from "../../../provider/card";
import { cardCorpus } from "../../cases/card-corpus";

const text = (content: string) => ({ tag: "plain_text", content });
const v1 = (...elements: unknown[]) => ({ elements });
const v2 = (...elements: unknown[]) => ({ schema: "2.0", body: { elements } });
const errors = (card: unknown) => checkCard(card).filter((f) => f.severity === "error");

describe("checkCard: structural faults are errors naming the path", () => {
  it.each([
    ["a card that is not an object", "[1, 2]", "pushContent", "card-object"],
    ["neither elements nor body.elements", { header: { title: text("x") } }, "pushContent", "card-elements"],
    ["a JSON 2.0 card without body.elements", { schema: "2.0", body: {} }, "pushContent.body", "card-elements"],
    ["elements that are not a list", { elements: { tag: "hr" } }, "pushContent.elements", "list"],
    ["an element without a tag", v1({ tag: "hr" }, { text: text("x") }), "pushContent.elements[1]", "element-tag"],
    ["an element that is not an object", v1("hello"), "pushContent.elements[0]", "element-object"],
    ["a div with neither text nor fields", v1({ tag: "div" }), "pushContent.elements[0]", "div-content"],
    ["a text given as a string", v1({ tag: "div", text: "hi" }), "pushContent.elements[0].text", "text-object"],
    [
      "a button without text",
      v1({ tag: "hr" }, { tag: "hr" }, { tag: "action", actions: [{ tag: "button", url: "https://a.example" }] }),
      "pushContent.elements[2].actions[0].text",
      "button-text",
    ],
    [
      "a button url with javascript:",
      v1({ tag: "action", actions: [{ tag: "button", text: text("Go"), url: "javascript:alert(1)" }] }),
      "pushContent.elements[0].actions[0].url",
      "link-scheme",
    ],
    [
      "a multi_url with data:",
      v1({ tag: "action", actions: [{ tag: "button", text: text("Go"), multi_url: { pc_url: "data:text/html,x" } }] }),
      "pushContent.elements[0].actions[0].multi_url.pc_url",
      "link-scheme",
    ],
    [
      "a lark_md link with a tab-split javascript:",
      v1({ tag: "div", text: { tag: "lark_md", content: "[x](java\tscript:alert`1`)" } }),
      "pushContent.elements[0].text.content",
      "link-scheme",
    ],
    [
      "a 2.0 behaviour with a relative link",
      v2({ tag: "button", text: text("Go"), behaviors: [{ type: "open_url", default_url: "/intranet" }] }),
      "pushContent.body.elements[0].behaviors[0].default_url",
      "link-scheme",
    ],
    ["an image without its key", v1({ tag: "img", alt: text("x") }), "pushContent.elements[0].img_key", "img-key"],
    [
      "a header without a title",
      { header: { template: "blue" }, elements: [] },
      "pushContent.header.title",
      "header-title",
    ],
  ])("%s", (_what, card, where, rule) => {
    expect(errors(card)).toContainEqual(expect.objectContaining({ path: where, rule, severity: "error" }));
  });

  it("names the path under the prefix the caller gives (a bot message's `content`)", () => {
    const [finding] = checkCard(v1({ tag: "div" }), { pathPrefix: "content" });
    expect(finding.path).toBe("content.elements[0]");
  });

  it("finds nothing wrong in the corpus or in the cards of the YAML test programs", () => {
    for (const { card } of cardCorpus.filter((c) => c.name !== "unknown-tags")) expect(checkCard(card)).toEqual([]);
    const programs = path.join(__dirname, "../../programs");
    let seen = 0;
    for (const dir of fs.readdirSync(programs)) {
      const file = path.join(programs, dir, "Pulumi.yaml");
      if (!fs.existsSync(file)) continue;
      for (const resource of Object.values<{ properties?: Record<string, unknown> }>(
        parse(fs.readFileSync(file, "utf8")).resources ?? {},
      )) {
        const card = resource.properties?.pushContent;
        if (card === undefined) continue;
        const value = typeof card === "object" && card !== null && "fn::toJSON" in card ? card["fn::toJSON"] : card;
        expect(checkCard(value)).toEqual([]);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });
});

describe("checkCard: community-sourced limits, at the level chosen", () => {
  const big = v1({ tag: "div", text: text("x".repeat(COMMUNITY_CARD_LIMITS.maxCardBytes)) });

  it("warns about a card over 30 KB by default, errs when asked, and says nothing when off", () => {
    expect(checkCard(big)).toEqual([
      expect.objectContaining({
        path: "pushContent",
        rule: "card-size",
        severity: "warning",
        message: expect.stringMatching(/community/),
      }),
    ]);
    expect(checkCard(big, { communityLimits: "error" })[0].severity).toBe("error");
    expect(checkCard(big, { communityLimits: "off" })).toEqual([]);
  });

  it("counts multi-byte text in bytes", () => {
    const cjk = v1({ tag: "div", text: text("办".repeat(11000)) }); // 33,000 bytes of UTF-8, 11,000 characters
    expect(checkCard(cjk).map((f) => f.rule)).toEqual(["card-size"]);
  });

  it("warns about a JSON 2.0 card over 200 elements", () => {
    const many = v2(...Array.from({ length: 201 }, () => ({ tag: "hr" })));
    expect(checkCard(many).map((f) => [f.path, f.rule])).toEqual([["pushContent.body.elements", "element-count"]]);
  });

  it("warns about containers nested more than 5 deep", () => {
    let inner: unknown = { tag: "markdown", content: "deep" };
    for (let i = 0; i < 6; i += 1) inner = { tag: "collapsible_panel", elements: [inner] };
    expect(checkCard(v2(inner)).map((f) => f.rule)).toEqual(["container-depth"]);
  });

  it("warns about an element_id repeated, too long or badly formed", () => {
    const card = v2(
      { tag: "hr", element_id: "rule" },
      { tag: "hr", element_id: "rule" },
      { tag: "hr", element_id: "a_very_long_element_identifier" },
      { tag: "hr", element_id: "1st" },
    );
    expect(checkCard(card).map((f) => [f.path, f.rule])).toEqual([
      ["pushContent.body.elements[1].element_id", "element-id"],
      ["pushContent.body.elements[2].element_id", "element-id"],
      ["pushContent.body.elements[3].element_id", "element-id"],
    ]);
  });

  it("puts errors before warnings", () => {
    const card = v1({ tag: "fancy" }, { tag: "div" });
    expect(checkCard(card).map((f) => f.severity)).toEqual(["error", "warning"]);
  });
});
