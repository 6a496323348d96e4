import { ruleViolations } from "../cases/rule-violations";
import { emulatedStack } from "../harness/emulated-stack";

// What only the engine can show: a broken campaign fails `pulumi preview` under its property,
// before any request reaches Feishu. Every rule of the request-body table is covered without the
// engine, by test/unit (the provider's schema) and test/contract (the schema against the
// emulator's wire validation); here one rule of each kind goes through a real preview.
const representative = [
  "job_name is required", // a missing required property
  "push_type is 0 or 1", // a value outside an enum
  "push_scope_type 1: chat_list required", // a rule across properties
];

describe("preview rejects a rule violation before any API call", () => {
  const stack = emulatedStack("test/programs/campaigns");
  const cases = ruleViolations.filter(({ rule }) => representative.includes(rule));

  it("has a case for each representative rule", () => {
    expect(cases.map(({ rule }) => rule)).toEqual(representative);
  });

  it.each(cases)("$rule → $property", async ({ args, property, says }) => {
    const { emulator, project } = stack;
    await project.setCampaigns({ broken: JSON.parse(JSON.stringify(args)) });
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(`property ${property} value`);
    expect(preview.output).toContain(says);
    expect(emulator.requests).toEqual([]);
    expect(emulator.notifications()).toEqual([]);
  });
});
