import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";

// HelpdeskBotMessage through the native plugin, in a YAML program against the emulator: one
// message per create and per replacement, exactly the request the API page describes, its id
// as the output and the resource id, and nothing sent or called on a no-change preview or destroy.
describe("the native plugin: a YAML program's helpdesk bot message", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let archiveDir: string;
  const sent = () => Object.values(emulator.botMessages()).flat();
  const calls = () => emulator.requests.map((r) => `${r.method} ${r.path} → ${r.code}`);

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    const archive = buildPluginArchive(archiveDir);
    emulator = await startEmulator({ credentials });
    project = await PulumiProject.create("test/programs/yaml-bot-message");
    await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    if (project) keepTranscript("plugin-bot-message", project.transcript);
    await project?.dispose();
    await emulator?.close();
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  it("sends the message once: the request the API page describes, its id as output and resource id", async () => {
    await project.up();
    expect(calls()).toEqual([
      "POST /open-apis/auth/v3/tenant_access_token/internal → 0",
      // The credential check at create (as for the dynamic resource): Feishu's "not found".
      "GET /open-apis/helpdesk/v1/notifications/0 → 154004",
      "POST /open-apis/helpdesk/v1/message → 0",
    ]);
    expect(sent()).toEqual([
      expect.objectContaining({ msg_type: "text", content: '{"text":"Welcome!"}', receive_type: "chat" }),
    ]);
    expect(emulator.botMessages().ou_new_hire).toHaveLength(1);
    const outputs = await project.outputs();
    expect(outputs).toMatchObject({ messageId: sent()[0].message_id, receiveType: "chat" });
    expect(Date.parse(String(outputs.sentAt))).toBeGreaterThan(Date.now() - 10 * 60 * 1000);
    const [state] = await project.notificationsInState("feishu-helpdesk:index:HelpdeskBotMessage");
    expect(state.id).toBe(sent()[0].message_id);

    emulator.clearRequests();
    expect((await project.preview()).code).toBe(0);
    expect(emulator.requests).toEqual([]);
  });

  it("replaces it on a change (a new message), and lets go of both on destroy with a warning", async () => {
    await project.setConfig("greeting", "Welcome aboard!");
    const preview = await project.run(["preview"]);
    expect(preview.output).toMatch(/welcome\s+replace\s+\[diff: ~content\]/);
    expect(sent()).toHaveLength(1);
    await project.up();
    expect(sent().map((m) => JSON.parse(m.content).text)).toEqual(["Welcome!", "Welcome aboard!"]);
    expect((await project.outputs()).messageId).toBe(sent()[1].message_id);

    emulator.clearRequests();
    const destroyed = await project.destroy();
    expect(destroyed.output).toMatch(/welcome: helpdesk bot message om_\w+ to ou_new_hire was removed from the stack/);
    expect(destroyed.output).toContain("Feishu has no API to unsend it");
    expect(emulator.requests).toEqual([]);
    expect(sent()).toHaveLength(2);
  });

  // The plugin keeps the preview's promise as the dynamic resource does (see bot-message.test.ts).
  it("fails the preview of a new message when the app secret is wrong, even with a valid user token", async () => {
    await project.setConfig("feishu-helpdesk:userAccessToken", credentials.userAccessTokens[0], true);
    await project.setConfig("feishu-helpdesk:appSecret", "secret-wrong", true);
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("Feishu refused the credentials (checked at preview, before anything changes)");
    expect(preview.output).toContain("code 10014");
    expect(calls()).toEqual(["POST /open-apis/auth/v3/tenant_access_token/internal → 10014"]);
    expect(sent()).toHaveLength(2);
    await project.setConfig("feishu-helpdesk:appSecret", credentials.appSecret, true);
    await project.ok(["config", "rm", "feishu-helpdesk:userAccessToken"]);
  });
});
