import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EmulatorStatus, type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { configureStack, randomCredentials, secretValues } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";

const NOTIFICATION = "feishu-helpdesk:index:HelpdeskNotification";

// A YAML program with three campaigns, through the native plugin installed from its archive into
// the project's own PULUMI_HOME (`pulumi plugin install … --file`), the real engine and YAML
// language host, and the emulator over HTTP: preview, up, an edit, refresh after changes made
// outside, a refused edit of a campaign under review, destroy. Each step asserts what could fail.
describe("the native plugin: a YAML program's campaigns through their lifecycle", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let client: HelpdeskClient;
  let archiveDir: string;
  const ids: Record<string, string> = {};
  const campaign = (name: string) => emulator.notifications().find((n) => n.id === ids[name])!;
  const writes = () => emulator.requests.filter((r) => r.method !== "GET" && r.path.includes("/notifications"));

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    const archive = buildPluginArchive(archiveDir);
    emulator = await startEmulator({ credentials });
    client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    project = await PulumiProject.create("test/programs/yaml-campaigns");
    const installed = await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    expect(installed.output).toContain(`feishu-helpdesk-${pluginVersion}`);
  });
  afterAll(async () => {
    if (project) keepTranscript("plugin-yaml", project.transcript);
    await project?.dispose();
    await emulator?.close();
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  it("fails preview in CheckConfig on a missing or malformed setting, naming each and where to set it", async () => {
    await project.setConfig("feishu-helpdesk:baseUrl", emulator.url);
    await project.setConfig("feishu-helpdesk:helpdeskId", credentials.helpdeskId);
    await project.setConfig("feishu-helpdesk:helpdeskToken", credentials.helpdeskToken, true);
    await project.setConfig("feishu-helpdesk:appId", credentials.appId);
    await project.setConfig("feishu-helpdesk:timeoutMs", "soon");
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    // The provider resource's problem, in the dynamic provider's words.
    expect(preview.output).toContain("pulumi:providers:feishu-helpdesk resource 'default");
    expect(preview.output).toContain(
      "feishu-helpdesk:appSecret is not set (appId is, and needs it for a tenant access token). " +
        "Set it: pulumi config set --secret feishu-helpdesk:appSecret <value> (or the FEISHU_APP_SECRET variable)",
    );
    expect(preview.output).toContain(
      'feishu-helpdesk:timeoutMs must be a positive whole number of milliseconds; got "soon"',
    );
    expect(emulator.requests).toEqual([]);
    await project.run(["config", "rm", "feishu-helpdesk:timeoutMs"]);
  });

  it("previews three creations, then up creates them; an invoke reads one back", async () => {
    await configureStack(project, emulator.url, credentials);
    // A secret program value: the engine marks the output made from it secret (acceptSecrets=false).
    await project.setConfig("note", "internal-note-7d1f", true);
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/\+ 4 to create/);
    expect(writes()).toEqual([]);

    const up = await project.up();
    expect(up.output).toMatch(/\+ 4 created/);
    expect(up.output).toMatch(/allHands: push campaign \d+ \("All-hands"\) was submitted for review/);
    const outputs = await project.outputs();
    ids.vpn = String(outputs.vpnId);
    ids.allHands = String(outputs.allHandsId);
    ids.onboarding = String(outputs.onboardingId);
    expect(outputs).toMatchObject({ vpnStage: "draft", allHandsStage: "submitted", vpnUsersAsRead: ["ou_a", "ou_b"] });
    expect(campaign("vpn")).toMatchObject({ job_name: "VPN upgrade", status: EmulatorStatus.draft });
    expect(campaign("allHands")).toMatchObject({ job_name: "All-hands", status: EmulatorStatus.inReview });
    expect(campaign("onboarding")).toMatchObject({ push_type: 1, push_scope_type: 3, new_staff_scope_type: 1 });
    expect((await project.preview()).code).toBe(0);
  });

  it("shows an edit as a detailed update of the changed property only, and applies it in place", async () => {
    await project.setConfig("vpnJobName", "VPN upgrade (v2)");
    const preview = await project.run(["preview", "--diff"]);
    expect(preview.code).toBe(0);
    expect(preview.output).toContain('~ jobName: "VPN upgrade" => "VPN upgrade (v2)"');
    expect(preview.output).toMatch(/~ 1 to update/);
    // Only jobName is marked: no other property of vpn, and no other campaign.
    expect(preview.output.match(/^\s+[~+-] \w+:/gm)).toEqual(["      ~ jobName:"]);
    const summary = await project.run(["preview"]);
    expect(summary.output).toMatch(/vpn\s+update\s+\[diff: ~jobName\]/);
    await project.up();
    expect(campaign("vpn")).toMatchObject({ job_name: "VPN upgrade (v2)", status: EmulatorStatus.draft });
    expect(emulator.notifications()).toHaveLength(3);
  });

  it("refresh picks up what changed in Feishu; the next preview shows the program's value coming back", async () => {
    emulator.approve(ids.allHands);
    const vpn = campaign("vpn");
    await client.patchNotification(ids.vpn, {
      job_name: "Renamed in the console",
      push_content: vpn.push_content!,
      push_type: 0,
      push_scope_type: 2,
      user_list: [{ user_id: "ou_a" }, { user_id: "ou_b" }],
      ext: vpn.ext,
    });
    const refresh = await project.refresh();
    expect(refresh.output).toMatch(/vpn\s+updated .*\[diff: ~jobName\]/);
    const state = await project.notificationsInState(NOTIFICATION);
    const named = (name: string) => state.find((r) => r.urn.endsWith(`::${name}`))!;
    expect(named("allHands").outputs).toMatchObject({ status: EmulatorStatus.approved, isDraft: false });
    expect(named("vpn").outputs).toMatchObject({ jobName: "Renamed in the console" });
    const preview = await project.run(["preview", "--diff"]);
    expect(preview.output).toContain('~ jobName: "Renamed in the console" => "VPN upgrade (v2)"');
    await project.up();
    expect(campaign("vpn").job_name).toBe("VPN upgrade (v2)");
  });

  it("refuses at preview an edit of a campaign past draft, naming it, its status and the fix", async () => {
    emulator.clearRequests();
    await project.setConfig("allHandsJobName", "All-hands (moved)");
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      `allHands: Cannot update push campaign ${ids.allHands} ("All-hands"): Feishu reports status ` +
        `${EmulatorStatus.approved}, and only drafts (status 0) can be edited.`,
    );
    expect(preview.output).toContain("set `cancelToEdit: true`");
    expect(preview.output).toContain("revert this change in code");
    expect(writes()).toEqual([]);
    const up = await project.run(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(writes()).toEqual([]);
    expect(campaign("allHands")).toMatchObject({ job_name: "All-hands", status: EmulatorStatus.approved });
    await project.run(["config", "rm", "allHandsJobName"]);
    const back = await project.preview();
    expect(back.output).toMatch(/4 unchanged/);
  });

  it("keeps credentials out of the state and output; a secret input's output is stored encrypted", async () => {
    const { text, deployment } = await project.exportStack();
    const vpn = (deployment.resources ?? []).find((r) => r.urn.endsWith("::vpn"))!;
    expect(vpn.outputs?.ext).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
    const provider = (deployment.resources ?? []).find((r) => r.type === "pulumi:providers:feishu-helpdesk")!;
    for (const key of ["helpdeskToken", "appSecret"])
      expect(provider.inputs?.[key]).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
    const everything = [text, ...project.transcript].join("\n");
    expect(everything).not.toContain("internal-note-7d1f");
    for (const secret of secretValues(credentials)) expect(everything).not.toContain(secret);
  });

  it("destroy follows each onDelete: the review withdrawn, a draft and a retained one left", async () => {
    emulator.clearRequests();
    const destroy = await project.destroy();
    expect(destroy.output).toMatch(/- 4 deleted/);
    expect(destroy.output).toMatch(
      /allHands: push campaign \d+ \("All-hands"\) was removed from the stack: its review was withdrawn/,
    );
    expect(destroy.output).toMatch(
      /vpn: push campaign \d+ \("VPN upgrade \(v2\)"\) was removed from the stack\. Feishu has no API/,
    );
    expect(destroy.output).toMatch(/onboarding: push campaign \d+ \("New staff welcome"\) was removed from the stack/);
    // Feishu cannot delete a campaign: all three stay; the one under review is a draft again.
    expect(emulator.notifications()).toHaveLength(3);
    expect(campaign("allHands").status).toBe(EmulatorStatus.draft);
    // onDelete "retain" made no call about the onboarding campaign.
    expect(emulator.requests.filter((r) => r.path.includes(ids.onboarding))).toEqual([]);
  });
});
