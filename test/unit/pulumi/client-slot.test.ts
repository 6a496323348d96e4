import { type RunningEmulator, startEmulator } from "../../../emulator";
import { ClientSlot } from "../../../provider/pulumi/client-slot";
import { gatherSettings } from "../../../provider/pulumi/settings";
import { randomCredentials } from "../../harness/feishu-fixture";

// The preview-time credential check verifies the token each resource will actually use, over
// real HTTP against the emulator: a campaign's (the user token when set), a bot message's (always
// the tenant token from appId and appSecret, seed 004).
describe("ClientSlot.verifyCredentials", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
  });
  afterAll(async () => emulator?.close());
  beforeEach(() => emulator.clearRequests());

  const slotWith = (values: Record<string, string>): ClientSlot => {
    const slot = new ClientSlot();
    const config: Record<string, string> = { baseUrl: emulator.url, helpdeskId: credentials.helpdeskId, ...values };
    slot.configure(gatherSettings({ get: (key) => config[key.replace("feishu-helpdesk:", "")] }, {}));
    return slot;
  };
  const calls = () => emulator.requests.map((r) => `${r.method} ${r.path} → ${r.code}`);
  const token = "POST /open-apis/auth/v3/tenant_access_token/internal";
  const probe = "GET /open-apis/helpdesk/v1/notifications/0 → 154004";

  it("valid user token, wrong app secret: a campaign passes, a bot message is refused (10014)", async () => {
    const slot = slotWith({
      helpdeskToken: credentials.helpdeskToken,
      userAccessToken: credentials.userAccessTokens[0],
      appId: credentials.appId,
      appSecret: "secret-wrong",
    });
    await expect(slot.verifyCredentials("configured")).resolves.toBeUndefined();
    expect(calls()).toEqual([probe]);
    const refused = await slot.verifyCredentials("tenant");
    expect(refused).toContain("Feishu refused the credentials (checked at preview, before anything changes)");
    expect(refused).toContain("code 10014");
    expect(refused).not.toContain("secret-wrong");
    expect(calls()).toEqual([probe, `${token} → 10014`]);
    // Once per process and use: asking again calls nothing.
    await slot.verifyCredentials("tenant");
    expect(calls()).toHaveLength(2);
  });

  it("a bot message's probe carries the tenant token and the helpdesk header (wrong token: 154001)", async () => {
    const slot = slotWith({
      helpdeskToken: "hdtoken-wrong",
      userAccessToken: credentials.userAccessTokens[0],
      appId: credentials.appId,
      appSecret: credentials.appSecret,
    });
    expect(await slot.verifyCredentials("tenant")).toContain("code 154001");
    expect(calls()).toEqual([`${token} → 0`, "GET /open-apis/helpdesk/v1/notifications/0 → 154001"]);
  });

  it("a user token alone is no credential for a bot message: said before any call, naming them", async () => {
    const slot = slotWith({
      helpdeskToken: credentials.helpdeskToken,
      userAccessToken: credentials.userAccessTokens[0],
    });
    const refused = await slot.verifyCredentials("tenant");
    expect(refused).toContain("A helpdesk bot message is sent with a tenant access token");
    expect(refused).toContain("appId and appSecret are not both set");
    expect(calls()).toEqual([]);
  });

  it("with app credentials alone, one probe proves both uses (they carry the same tenant token)", async () => {
    const slot = slotWith({
      helpdeskToken: credentials.helpdeskToken,
      appId: credentials.appId,
      appSecret: credentials.appSecret,
    });
    await expect(slot.verifyCredentials("configured")).resolves.toBeUndefined();
    await expect(slot.verifyCredentials("tenant")).resolves.toBeUndefined();
    expect(calls()).toEqual([`${token} → 0`, probe]);
  });
});
