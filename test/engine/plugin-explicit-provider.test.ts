import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials, secretValues } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";

// An explicit `pulumi:providers:feishu-helpdesk` in a YAML program: typed properties, checked by
// CheckConfig in its own words, never falling back to the FEISHU_* variables (which here hold
// another helpdesk's credentials), its secrets encrypted in the state.
describe("the native plugin: an explicit provider resource in a YAML program", () => {
  const a = randomCredentials();
  const b = randomCredentials();
  let emulatorA: RunningEmulator;
  let emulatorB: RunningEmulator;
  let project: PulumiProject;
  let archiveDir: string;

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    const archive = buildPluginArchive(archiveDir);
    emulatorA = await startEmulator({ credentials: a });
    emulatorB = await startEmulator({ credentials: b });
    project = await PulumiProject.create("test/programs/yaml-explicit-provider", {
      FEISHU_BASE_URL: emulatorA.url,
      FEISHU_HELPDESK_ID: a.helpdeskId,
      FEISHU_HELPDESK_TOKEN: a.helpdeskToken,
      FEISHU_APP_ID: a.appId,
      FEISHU_APP_SECRET: a.appSecret,
    });
    await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    await project.setConfig("tenantBaseUrl", emulatorB.url);
    await project.setConfig("tenantHelpdeskId", b.helpdeskId);
    await project.setConfig("tenantHelpdeskToken", b.helpdeskToken, true);
    await project.setConfig("tenantAppId", b.appId);
  });
  afterAll(async () => {
    if (project) keepTranscript("plugin-explicit-provider", project.transcript);
    await project?.dispose();
    await Promise.all([emulatorA?.close(), emulatorB?.close()]);
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  it("fails preview naming the provider's missing property, without falling back to the environment", async () => {
    await project.setConfig("tenantAppSecret", "", true); // given, but empty: not set
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      'Provider "tenantB" (pulumi:providers:feishu-helpdesk; its settings never come from FEISHU_* variables): ' +
        "appSecret is not set (appId is, and needs it for a tenant access token). " +
        'Set it: the appSecret property of provider resource "tenantB"',
    );
    expect([...emulatorA.requests, ...emulatorB.requests]).toEqual([]);
  });

  it("creates in its own helpdesk, reads back through the same provider, keeps secrets encrypted", async () => {
    await project.setConfig("tenantAppSecret", b.appSecret, true);
    await project.up();
    expect(emulatorB.notifications().map((n) => n.job_name)).toEqual(["New staff welcome"]);
    expect(emulatorA.requests).toEqual([]);
    expect(await project.outputs()).toMatchObject({ welcomeJobName: "New staff welcome" });
    const { text, deployment } = await project.exportStack();
    const provider = (deployment.resources ?? []).find((r) =>
      r.urn.endsWith("pulumi:providers:feishu-helpdesk::tenantB"),
    )!;
    expect(provider.inputs).toMatchObject({ timeoutMs: 20000, rateLimits: { create: 5 }, helpdeskId: b.helpdeskId });
    for (const key of ["helpdeskToken", "appSecret"])
      expect(provider.inputs?.[key]).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
    for (const secret of [...secretValues(a), ...secretValues(b)])
      expect([text, ...project.transcript].join("\n")).not.toContain(secret);
    expect((await project.preview()).code).toBe(0);
    await project.destroy();
  });
});
