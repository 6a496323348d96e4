import { type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials, sampleCard, secretValues } from "../harness/feishu-fixture";
import { PulumiProject } from "../harness/pulumi-project";
import { type RecordingProxy, startRecordingProxy } from "../harness/recording-proxy";

// Two helpdesks (tenants) in one program, each through its own FeishuHelpdeskProvider, through
// the real engine: each campaign lands in its own emulator, no credential of one tenant reaches
// the other's server, nothing falls back to the FEISHU_* environment, and the secrets are
// encrypted in the state.
describe("FeishuHelpdeskProvider: two tenants in one program", () => {
  const a = randomCredentials();
  const b = randomCredentials();
  let emulatorA: RunningEmulator;
  let emulatorB: RunningEmulator;
  let proxyA: RecordingProxy;
  let proxyB: RecordingProxy;
  let project: PulumiProject;

  beforeAll(async () => {
    emulatorA = await startEmulator({ credentials: a });
    emulatorB = await startEmulator({ credentials: b });
    proxyA = await startRecordingProxy(emulatorA.url);
    proxyB = await startRecordingProxy(emulatorB.url);
    // The runner's environment holds tenant A's credentials, as a CI job's might: provider b must
    // never fall back to them.
    project = await PulumiProject.create("test/programs/two-tenants", {
      FEISHU_BASE_URL: proxyA.url,
      FEISHU_HELPDESK_ID: a.helpdeskId,
      FEISHU_HELPDESK_TOKEN: a.helpdeskToken,
      FEISHU_APP_ID: a.appId,
      FEISHU_APP_SECRET: a.appSecret,
    });
    await project.setConfig(
      "tenants",
      JSON.stringify({
        a: { baseUrl: proxyA.url, helpdeskId: a.helpdeskId, appId: a.appId },
        b: { baseUrl: proxyB.url, helpdeskId: b.helpdeskId, appId: b.appId, timeoutMs: 20000 },
      }),
    );
  });
  afterAll(async () => {
    await project?.dispose();
    await Promise.all([proxyA?.close(), proxyB?.close(), emulatorA?.close(), emulatorB?.close()]);
  });

  const campaign = (jobName: string) => ({
    jobName,
    pushType: "scheduled",
    pushScopeType: "chatsOnly",
    chats: ["oc_1"],
    pushContent: sampleCard,
  });

  it("fails preview naming the provider's missing argument, without falling back to the environment", async () => {
    await project.setConfig(
      "tenantSecrets",
      JSON.stringify({
        a: { helpdeskToken: a.helpdeskToken, appSecret: a.appSecret },
        b: { helpdeskToken: b.helpdeskToken },
      }),
      true,
    );
    await project.setConfig("campaigns", JSON.stringify({ b1: { tenant: "b", args: campaign("B one") } }));
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      'FeishuHelpdeskProvider "b" (whose settings never come from FEISHU_* variables): ' +
        "appSecret is not set (appId is, and needs it for a tenant access token). " +
        'Set it: the appSecret argument of new FeishuHelpdeskProvider("b", …)',
    );
    expect(proxyB.seen).toEqual([]);
    expect(proxyA.seen).toEqual([]);
  });

  it("creates each campaign in its own helpdesk, with that helpdesk's credentials only", async () => {
    await project.setConfig(
      "tenantSecrets",
      JSON.stringify({
        a: { helpdeskToken: a.helpdeskToken, appSecret: a.appSecret },
        b: { helpdeskToken: b.helpdeskToken, appSecret: b.appSecret },
      }),
      true,
    );
    await project.setConfig(
      "campaigns",
      JSON.stringify({ a1: { tenant: "a", args: campaign("A one") }, b1: { tenant: "b", args: campaign("B one") } }),
    );
    expect((await project.run(["preview"])).code).toBe(0);
    await project.up();
    expect(emulatorA.notifications().map((n) => n.job_name)).toEqual(["A one"]);
    expect(emulatorB.notifications().map((n) => n.job_name)).toEqual(["B one"]);
    // Every call succeeded (the probe of campaign 0 is "not found", 154004) with the right credentials.
    for (const emulator of [emulatorA, emulatorB])
      expect(emulator.requests.filter((r) => r.code !== 0 && r.code !== 154004)).toEqual([]);
    const seenA = proxyA.seen.join("\n");
    const seenB = proxyB.seen.join("\n");
    expect(seenA).toContain(a.appSecret); // the search below is not vacuous
    expect(seenB).toContain(b.appSecret);
    for (const secret of [...secretValues(b), b.appId, b.helpdeskId]) expect(seenA).not.toContain(secret);
    for (const secret of [...secretValues(a), a.appId, a.helpdeskId]) expect(seenB).not.toContain(secret);
  });

  it("keeps the providers' arguments in the state, the secrets encrypted, and never prints them", async () => {
    const { text, deployment } = await project.exportStack();
    const providers = (deployment.resources ?? []).filter(
      (r) => r.type === "pulumi:providers:pulumi-nodejs" && !r.urn.endsWith("::default"),
    );
    const named = (name: string) => providers.find((p) => p.urn.endsWith(`::${name}`));
    expect(providers.map((p) => p.urn.split("::").pop()).sort()).toEqual(["a", "b"]);
    console.log(
      `provider b in the state: ${JSON.stringify({ inputs: named("b")?.inputs, outputs: named("b")?.outputs })}`,
    );
    const inputs = named("b")!.inputs!;
    expect(inputs["feishu-helpdesk:helpdeskId"]).toBe(b.helpdeskId);
    expect(inputs["feishu-helpdesk:timeoutMs"]).toBe("20000");
    expect(inputs["feishu-helpdesk:explicitProvider"]).toBe("b");
    for (const key of ["feishu-helpdesk:helpdeskToken", "feishu-helpdesk:appSecret"])
      expect(inputs[key]).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
    const everything = [text, ...project.transcript].join("\n");
    for (const secret of [...secretValues(a), ...secretValues(b)]) expect(everything).not.toContain(secret);
    // Each campaign records its own provider.
    const b1 = (deployment.resources ?? []).find((r) => r.urn.endsWith("::b1")) as { provider?: string };
    expect(b1.provider).toContain("pulumi:providers:pulumi-nodejs::b::");
  });

  it("previews no change without a call, and a changed provider setting replaces nothing", async () => {
    proxyA.seen.length = 0;
    proxyB.seen.length = 0;
    expect((await project.preview()).code).toBe(0);
    expect([...proxyA.seen, ...proxyB.seen]).toEqual([]);

    const before = emulatorB.notifications().map((n) => n.id);
    await project.setConfig(
      "tenants",
      JSON.stringify({
        a: { baseUrl: proxyA.url, helpdeskId: a.helpdeskId, appId: a.appId },
        b: { baseUrl: proxyB.url, helpdeskId: b.helpdeskId, appId: b.appId, timeoutMs: 25000 },
      }),
    );
    const preview = await project.run(["preview", "--diff"]);
    expect(preview.code).toBe(0);
    expect(preview.output).not.toMatch(/replace/);
    await project.up();
    expect(emulatorB.notifications().map((n) => n.id)).toEqual(before);
    await project.destroy();
  });
});
