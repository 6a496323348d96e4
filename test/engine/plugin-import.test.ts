import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { EmulatorStatus, type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { configureStack, randomCredentials, sampleCard, secretValues } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";

const NOTIFICATION = "feishu-helpdesk:index:HelpdeskNotification";

// `pulumi import` of campaigns made outside Pulumi, through the native plugin and the real
// engine: the code it generates for a YAML program is valid, and with it the next preview shows
// no change; the stack then manages the campaign like any other.
describe("the native plugin: pulumi import into a YAML program", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let client: HelpdeskClient;
  let archiveDir: string;

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    const archive = buildPluginArchive(archiveDir);
    emulator = await startEmulator({ credentials });
    client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    project = await PulumiProject.create("test/programs/yaml-import");
    await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    if (project) keepTranscript("plugin-import", project.transcript);
    await project?.dispose();
    await emulator?.close();
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  it("adopts a campaign made in the console; the generated YAML previews with no change", async () => {
    const { notificationId } = await client.createNotification({
      job_name: "Made in the console",
      push_content: JSON.stringify(sampleCard),
      push_type: 0,
      push_scope_type: 2,
      user_list: [{ user_id: "ou_a" }],
      chat_list: [{ chat_id: "oc_1" }],
    });
    await client.submitApproval(notificationId, "Reviewed by hand");
    const generated = path.join(project.dir, "generated.yaml");
    const imported = await project.ok([
      "import",
      NOTIFICATION,
      "console",
      notificationId,
      "--yes",
      "--protect=false",
      "--out",
      generated,
    ]);
    console.log(
      `pulumi import output:\n${imported.output.trim()}\n\ngenerated.yaml:\n${fs.readFileSync(generated, "utf8")}`,
    );
    expect(imported.output).toMatch(/= 1 imported/);

    const code = parse(fs.readFileSync(generated, "utf8")) as {
      resources: Record<string, { type: string; properties: Record<string, unknown> }>;
    };
    expect(code.resources.console.properties).toEqual({
      jobName: "Made in the console",
      pushContent: JSON.stringify(sampleCard),
      pushType: "scheduled",
      pushScopeType: "someMembers",
      users: ["ou_a"],
      chats: ["oc_1"],
    });
    fs.appendFileSync(path.join(project.dir, "Pulumi.yaml"), fs.readFileSync(generated, "utf8"));
    const preview = await project.run(["preview", "--expect-no-changes", "--diff"]);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/2 unchanged/);

    const [state] = await project.notificationsInState(NOTIFICATION);
    expect(state.id).toBe(notificationId);
    expect(state.outputs).toMatchObject({ stage: "unknown", status: EmulatorStatus.inReview, isDraft: false });
  });

  it("then manages it: an edit under review is refused, destroy withdraws the review", async () => {
    const id = emulator.notifications()[0].id;
    const program = path.join(project.dir, "Pulumi.yaml");
    const original = fs.readFileSync(program, "utf8");
    fs.writeFileSync(program, original.replace("jobName: Made in the console", "jobName: Renamed"));
    const refused = await project.run(["preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`Cannot update push campaign ${id} ("Made in the console")`);
    fs.writeFileSync(program, original);
    await project.destroy();
    expect(emulator.notifications()[0].status).toBe(EmulatorStatus.draft);
    const { text } = await project.exportStack();
    for (const secret of secretValues(credentials))
      expect([text, ...project.transcript].join("\n")).not.toContain(secret);
  });

  it("refuses to import a campaign Feishu does not have, naming the id", async () => {
    const run = await project.run(["import", NOTIFICATION, "ghost", "7001000000000000999", "--yes"]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("7001000000000000999");
    expect(run.output).toContain("Check the id given to pulumi import");
  });
});
