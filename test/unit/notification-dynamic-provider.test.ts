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

  async function configured(): Promise<NotificationDynamicProvider> {
    const provider = new NotificationDynamicProvider();
    await provider.configure({
      config: config({
        "feishu-helpdesk:baseUrl": emulator.url,
        "feishu-helpdesk:helpdeskId": credentials.helpdeskId,
        "feishu-helpdesk:helpdeskToken": credentials.helpdeskToken,
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

  it("names a bad setting instead of calling Feishu", async () => {
    const provider = new NotificationDynamicProvider();
    await expect(provider.configure({ config: config({ "feishu-helpdesk:timeoutMs": "soon" }) })).rejects.toThrow(
      'feishu-helpdesk:timeoutMs (FEISHU_TIMEOUT_MS) must be a positive whole number of milliseconds; got "soon"',
    );
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
