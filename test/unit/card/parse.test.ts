import { parseCard, type CardElement } from "../../../provider/card";
import { i18nCard, unknownTags, v1Full, v2Body } from "../../cases/card-corpus";

const kinds = (elements: CardElement[]) => elements.map((e) => e.kind);

describe("parseCard", () => {
  it("reads every JSON 1.0 tag into a typed tree with paths", () => {
    const doc = parseCard(v1Full);
    expect(doc.schema).toBe("1.0");
    expect(doc.findings).toEqual([]);
    expect(doc.header).toMatchObject({ template: "turquoise", title: { content: "Laptop refresh 2027" } });
    expect(kinds(doc.elements)).toEqual(["div", "markdown", "hr", "img", "column_set", "action", "note"]);
    const div = doc.elements[0];
    expect(div.kind === "div" && div.fields.map((f) => [f.path, f.isShort])).toEqual([
      ["elements[0].fields[0]", true],
      ["elements[0].fields[1]", true],
      ["elements[0].fields[2]", false],
    ]);
    const action = doc.elements[5];
    expect(
      action.kind === "action" && action.actions.map((b) => b.kind === "button" && [b.type, b.urls[0].path]),
    ).toEqual([
      ["primary", "elements[5].actions[0].url"],
      ["default", "elements[5].actions[1].multi_url.url"],
      ["danger", "elements[5].actions[2].url"],
    ]);
    expect(doc.cardLink).toEqual([{ path: "card_link.url", url: "https://it.example.com/refresh" }]);
  });

  it("reads the common parts of JSON 2.0 from body.elements", () => {
    const doc = parseCard(v2Body);
    expect(doc.schema).toBe("2.0");
    expect(doc.findings).toEqual([]);
    expect(doc.header?.subtitle?.content).toBe("Mandatory for all staff");
    expect(kinds(doc.elements)).toEqual(["markdown", "column_set", "collapsible_panel", "hr", "button"]);
    const button = doc.elements[4];
    expect(button.kind === "button" && button.urls).toEqual([
      { path: "body.elements[4].behaviors[0].default_url", url: "https://learn.example.com/phishing" },
    ]);
  });

  it("keeps unknown tags as unknown nodes with their path, with a warning each", () => {
    const doc = parseCard(unknownTags);
    expect(doc.elements[1]).toEqual({ kind: "unknown", path: "elements[1]", tag: "select_static" });
    expect(doc.elements[2]).toEqual({ kind: "unknown", path: "elements[2]", tag: "chart" });
    const action = doc.elements[3];
    expect(action.kind === "action" && action.actions[0]).toEqual({
      kind: "unknown",
      path: "elements[3].actions[0]",
      tag: "date_picker",
    });
    expect(doc.findings.map((f) => [f.path, f.rule, f.severity])).toEqual([
      ["elements[1]", "unknown-tag", "warning"],
      ["elements[2]", "unknown-tag", "warning"],
      ["elements[3].actions[0]", "unknown-tag", "warning"],
    ]);
  });

  it("shows the zh_cn elements of a translated card, and accepts a card as JSON text", () => {
    const doc = parseCard(JSON.stringify(i18nCard));
    expect(doc.findings).toEqual([]);
    expect(doc.elements[0]).toMatchObject({ path: "i18n_elements.zh_cn[0]", text: { content: "周五办公室关闭。" } });
  });

  it("reads a card given by template as its id", () => {
    const doc = parseCard({ type: "template", data: { template_id: "AAqk1x", template_variable: {} } });
    expect(doc).toMatchObject({ templateId: "AAqk1x", elements: [], findings: [] });
  });

  it.each([
    ["text that is not JSON", "{not json", /must be valid JSON/],
    ["an array", [], /must be a card: a JSON object/],
    ["null", null, /must be a card/],
  ])("reports %s as a finding at the root instead of throwing", (_what, value, message) => {
    const doc = parseCard(value);
    expect(doc.elements).toEqual([]);
    expect(doc.findings).toEqual([
      expect.objectContaining({ path: "", rule: "card-object", message: expect.stringMatching(message) }),
    ]);
  });

  it("stops walking a card nested absurdly deep, with an error at the place", () => {
    let inner: Record<string, unknown> = { tag: "hr" };
    for (let i = 0; i < 40; i += 1) inner = { tag: "column_set", columns: [{ tag: "column", elements: [inner] }] };
    const doc = parseCard({ elements: [inner] });
    expect(doc.findings.some((f) => f.rule === "nesting-depth" && f.severity === "error")).toBe(true);
  });
});
