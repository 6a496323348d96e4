import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { NotificationDynamicProvider } from "../../provider/notification/dynamic-provider";
import { UNKNOWN } from "../../provider/pulumi/unknown";
import { randomCredentials, sampleCard, secretValues } from "../harness/feishu-fixture";

// The dynamic provider's methods called directly, against the emulator over HTTP, for the cases the
// engine tests cannot set up cheaply.
describe("NotificationDynamicProvider", () => {
  let emulator: RunningEmulator;
  const credentials = randomCredentials();
  const config = (values: Record<string, string>) => ({
    get: (key: string) => values[key],
    require: (key: string) => values[key],
  });

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
  });
  afterAll(() => emulator.close());

  /** A provider configured for `baseUrl` (default: the emulator) with the test's credentials, some replaced. */
  async function configured(
    changes: { baseUrl?: string; helpdeskToken?: string } = {},
  ): Promise<NotificationDynamicProvider> {
    const provider = new NotificationDynamicProvider();
    await provider.configure({
      config: config({
        "feishu-helpdesk:baseUrl": changes.baseUrl ?? emulator.url,
        "feishu-helpdesk:helpdeskId": credentials.helpdeskId,
        "feishu-helpdesk:helpdeskToken": changes.helpdeskToken ?? credentials.helpdeskToken,
        "feishu-helpdesk:appId": credentials.appId,
        "feishu-helpdesk:appSecret": credentials.appSecret,
      }),
    });
    return provider;
  }

  it("does not fail a preview when a changed input is only unknown, even past draft", async () => {
    const provider = await configured();
    const checked = await provider.check(
      {},
      { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
    );
    const created = await provider.create(checked.inputs!);
    emulator.setStatus(created.id, 2);
    emulator.clearRequests();
    const diff = await provider.diff(created.id, created.outs!, { ...checked.inputs!, jobName: UNKNOWN });
    expect(diff.changes).toBe(true);
    expect(emulator.requests).toEqual([]);
    await expect(
      provider.diff(created.id, created.outs!, { ...checked.inputs!, jobName: "Known now" }),
    ).rejects.toThrow(/status 2/);
  });

  it("fails check with one message naming a bad setting and a missing one, instead of calling Feishu", async () => {
    const provider = new NotificationDynamicProvider();
    await provider.configure({
      config: config({
        "feishu-helpdesk:baseUrl": emulator.url,
        "feishu-helpdesk:timeoutMs": "soon",
        "feishu-helpdesk:helpdeskId": credentials.helpdeskId,
        "feishu-helpdesk:appId": credentials.appId,
        "feishu-helpdesk:appSecret": credentials.appSecret,
      }),
    });
    emulator.clearRequests();
    const checked = await provider.check(
      {},
      { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
    );
    expect(checked.failures).toHaveLength(1);
    const [failure] = checked.failures!;
    expect(failure.property).toBe("");
    expect(failure.reason).toContain(
      "- feishu-helpdesk:helpdeskToken is not set. Set it: pulumi config set --secret feishu-helpdesk:helpdeskToken",
    );
    expect(failure.reason).toContain(
      '- feishu-helpdesk:timeoutMs must be a positive whole number of milliseconds; got "soon"',
    );
    expect(failure.reason).not.toContain("helpdeskId");
    expect(emulator.requests).toEqual([]);
  });

  it("verifies the credentials once for a create, and makes no call for an existing campaign's check", async () => {
    const provider = await configured();
    emulator.clearRequests();
    const news = { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard };
    const first = await provider.check({}, news);
    expect(first.failures).toBeUndefined();
    const probes = () => emulator.requests.filter((r) => r.path.endsWith("/notifications/0"));
    expect(probes()).toHaveLength(1);
    await provider.check({}, { ...news, jobName: "K" });
    await provider.check(first.inputs!, news);
    expect(probes()).toHaveLength(1);
  });

  it("fails check for a create when Feishu refuses the helpdesk token, and nothing is created", async () => {
    const provider = await configured({ helpdeskToken: "not-the-token" });
    const before = emulator.notifications().length;
    const checked = await provider.check(
      {},
      { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
    );
    expect(checked.failures).toEqual([
      { property: "", reason: expect.stringContaining("Feishu refused the credentials") },
    ]);
    expect(checked.failures![0].reason).toContain("154001");
    expect(checked.failures![0].reason).not.toContain("not-the-token");
    expect(emulator.notifications()).toHaveLength(before);
  });

  it("takes an answer past the credential checks (here 400 / 154000 for the probe's id) as accepted", async () => {
    // A Feishu that refuses id 0 as a bad request rather than an unknown campaign has still
    // accepted both credentials: the preview must not fail on it.
    const server = http.createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url?.includes("tenant_access_token")) {
        res.end(JSON.stringify({ code: 0, msg: "ok", tenant_access_token: "t-probe", expire: 7200 }));
      } else {
        res.statusCode = 400;
        res.end(JSON.stringify({ code: 154000, msg: "Bad request" }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const provider = await configured({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const checked = await provider.check(
        {},
        { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
      );
      expect(checked.failures).toBeUndefined();
    } finally {
      server.close();
    }
  });

  it("verifies the credentials in diff for a change that reads nothing, and not at all for no change", async () => {
    const good = await configured();
    const checked = await good.check(
      {},
      { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
    );
    const created = await good.create(checked.inputs!);
    const wrong = await configured({ helpdeskToken: "not-the-token" });
    emulator.clearRequests();
    expect((await wrong.diff(created.id, created.outs!, checked.inputs!)).changes).toBe(false);
    expect(emulator.requests).toEqual([]);
    await expect(wrong.diff(created.id, created.outs!, { ...checked.inputs!, onDelete: "retain" })).rejects.toThrow(
      "Feishu refused the credentials",
    );
  });

  it("fails a lookup of a campaign Feishu does not have, but drops a managed one that is gone", async () => {
    const provider = await configured();
    await expect(provider.read("7009999999999999999")).rejects.toThrow(
      /does not exist in Feishu[\s\S]*HelpdeskNotification\.get/,
    );
    const checked = await provider.check(
      {},
      { jobName: "J", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
    );
    const created = await provider.create(checked.inputs!);
    emulator.remove(created.id);
    expect(await provider.read(created.id, created.outs)).toEqual({});
  });

  it("shows no credential when a client or a configured provider is printed", async () => {
    const client = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials: { ...credentials, userAccessToken: undefined },
    });
    await client.createNotification({ job_name: "x", push_content: "{}", push_type: 0, push_scope_type: 0 });
    const printed =
      inspect(client, { depth: 10, showHidden: true }) +
      inspect(await configured(), { depth: 10, showHidden: true }) +
      JSON.stringify(client);
    for (const secret of secretValues(credentials)) expect(printed).not.toContain(secret);
  });
});
