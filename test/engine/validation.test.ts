import { startEmulator, type RunningEmulator } from "../../emulator";
import { ruleViolations } from "../cases/rule-violations";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { PulumiProject } from "../harness/pulumi-project";

// Every documented request-body rule, broken once: `pulumi preview` fails naming the property,
// before any request reaches Feishu.
describe("preview rejects each rule violation before any API call", () => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  const credentials = randomCredentials();

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
  });

  it.each(ruleViolations)("$rule → $property", async ({ args, property, says }) => {
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
