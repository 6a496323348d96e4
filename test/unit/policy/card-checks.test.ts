import { checkCard } from "pulumi-feishu-helpdesk/client";
import { cardChecks } from "../../../policy/policies/card-checks";
import { DYNAMIC, PLUGIN, UnknownValueError, unknownStringValue, violations } from "./run-policy";

// The card-checks policy: the card model's findings (checkCard), as policy violations naming the campaign.
const base = { jobName: "CHG-7: Guide", pushType: "scheduled", pushScopeType: "someMembers", users: ["ou_a"] };
const fine = { elements: [{ tag: "div", text: { tag: "lark_md", content: "Read [it](https://docs.feishu.cn/x)" } }] };
const scripted = {
  elements: [
    { tag: "action", actions: [{ tag: "button", text: { tag: "plain_text", content: "Go" }, url: "javascript:x()" }] },
  ],
};
const untagged = { elements: [{ text: { tag: "plain_text", content: "no tag" } }] };
/** A JSON 2.0 card past the community-sourced 200 elements, and nothing else wrong with it. */
const crowded = {
  schema: "2.0",
  body: { elements: Array.from({ length: 201 }, () => ({ tag: "markdown", content: "x" })) },
};

describe("card-checks", () => {
  it.each([DYNAMIC, PLUGIN])("passes a sound card, as an object or as JSON text (%s)", (type) => {
    expect(violations(cardChecks, { ...base, pushContent: fine }, type)).toEqual([]);
    expect(violations(cardChecks, { ...base, pushContent: JSON.stringify(fine) }, type)).toEqual([]);
  });

  it.each([DYNAMIC, PLUGIN])("names the campaign, each finding's path and rule, and the fix (%s)", (type) => {
    const [message, ...others] = violations(cardChecks, { ...base, pushContent: scripted }, type);
    expect(others).toEqual([]);
    expect(message).toMatch(/^Campaign "q3" \(jobName "CHG-7: Guide"\) has a card Feishu would refuse/);
    expect(message).toContain('pushContent.elements[0].actions[0].url: uses the scheme "javascript:"');
    expect(message).toContain("(link-scheme)");
    expect(message).toContain("Fix: correct the card at each path");
  });

  it("reports an element without a tag and a card that is not JSON", () => {
    expect(violations(cardChecks, { ...base, pushContent: untagged })[0]).toContain(
      'pushContent.elements[0]: has no "tag"',
    );
    expect(violations(cardChecks, { ...base, pushContent: "{not json" })[0]).toContain("must be valid JSON");
  });

  it("reports every error of the card model and no more: the policy and checkCard agree", () => {
    for (const card of [fine, scripted, untagged, crowded]) {
      const errors = checkCard(card).filter((finding) => finding.severity === "error");
      const [message] = violations(cardChecks, { ...base, pushContent: card });
      expect(message === undefined ? 0 : errors.filter((e) => message.includes(`${e.path}: `)).length).toBe(
        errors.length,
      );
    }
  });

  it("lists five findings and counts the rest", () => {
    const many = { elements: Array.from({ length: 8 }, () => ({ text: "no tag" })) };
    expect(violations(cardChecks, { ...base, pushContent: many })[0]).toContain("(and 3 more)");
  });

  it("counts the community-sourced limits only when configured", () => {
    expect(violations(cardChecks, { ...base, pushContent: crowded })).toEqual([]);
    const [message] = violations(cardChecks, { ...base, pushContent: crowded }, DYNAMIC, {
      communityLimitsAreViolations: true,
    });
    expect(message).toContain("pushContent.body.elements: holds 201 elements");
    expect(message).toContain("(element-count)");
  });

  it("counts the card model's warnings only when configured", () => {
    const odd = { elements: [{ tag: "no_such_element" }] };
    const warnings = checkCard(odd).filter((finding) => finding.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    expect(violations(cardChecks, { ...base, pushContent: odd })).toEqual([]);
    const [message] = violations(cardChecks, { ...base, pushContent: odd }, DYNAMIC, { warningsAreViolations: true });
    expect(message).toContain(`${warnings[0].path}: ${warnings[0].message} (${warnings[0].rule})`);
  });

  it("leaves a missing card to the provider's own check", () => {
    expect(violations(cardChecks, base)).toEqual([]);
  });

  it.each([
    ["the whole card", unknownStringValue],
    ["a link inside it", { elements: [{ tag: "action", actions: [{ tag: "button", url: unknownStringValue }] }] }],
    ["a part the checks do not read", { elements: [{ tag: "hr", note: unknownStringValue }] }],
  ])("is not run, never passed, when %s is unknown at preview", (_what, pushContent) => {
    expect(() => violations(cardChecks, { ...base, pushContent })).toThrow(UnknownValueError);
  });
});
