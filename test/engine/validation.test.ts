import { ruleViolations } from "../cases/rule-violations";
import { emulatedStack } from "../harness/emulated-stack";

// Every documented request-body rule, broken once: `pulumi preview` fails naming the property,
// before any request reaches Feishu.
describe("preview rejects each rule violation before any API call", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it.each(ruleViolations)("$rule → $property", async ({ args, property, says }) => {
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
