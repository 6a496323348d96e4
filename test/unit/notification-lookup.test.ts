import * as pulumi from "@pulumi/pulumi";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider/client/helpdesk-client";
import { NotificationGoneError } from "../../provider/notification/errors/gone-error";
import { getNotification, getNotificationOutput } from "../../provider/notification/lookup";
import { toWireBody } from "../../provider/notification/mapping";
import { checkNotificationInputs } from "../../provider/notification/check-inputs";
import { FeishuConfigError } from "../../provider/client/errors/feishu-config-error";
import { randomCredentials, sampleCard } from "../harness/feishu-fixture";

// getNotification / getNotificationOutput against the emulator, without an engine.
describe("getNotification", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let id: string;
  const settings = () => ({
    baseUrl: emulator.url,
    helpdeskId: credentials.helpdeskId,
    helpdeskToken: pulumi.secret(credentials.helpdeskToken),
    appId: credentials.appId,
    appSecret: pulumi.secret(credentials.appSecret),
  });
  const saved = { ...process.env };

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    const direct = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials,
    });
    const checked = checkNotificationInputs({
      jobName: "Looked up",
      pushContent: sampleCard,
      pushType: "scheduled",
      pushScopeType: "someMembers",
      users: ["ou_a"],
    });
    if (!checked.ok) throw new Error("the sample campaign is invalid");
    ({ notificationId: id } = await direct.createNotification(toWireBody(checked.inputs)));
  });
  afterAll(async () => {
    process.env = saved;
    await emulator.close();
  });

  it("gives the outputs a HelpdeskNotification would have, with no credential in them", async () => {
    const found = await getNotification(id, { settings: settings() });
    expect(found).toMatchObject({
      notificationId: id,
      jobName: "Looked up",
      pushType: "scheduled",
      pushScopeType: "someMembers",
      users: ["ou_a"],
      status: 0,
      isDraft: true,
      stage: "draft",
    });
    expect(JSON.parse(found.pushContent)).toEqual(sampleCard);
    const text = JSON.stringify(found);
    for (const secret of [credentials.appSecret, credentials.helpdeskToken]) expect(text).not.toContain(secret);
  });

  it("reads the FEISHU_* variables when the stack config has no setting", async () => {
    process.env.FEISHU_BASE_URL = emulator.url;
    process.env.FEISHU_HELPDESK_ID = credentials.helpdeskId;
    process.env.FEISHU_HELPDESK_TOKEN = credentials.helpdeskToken;
    process.env.FEISHU_APP_ID = credentials.appId;
    process.env.FEISHU_APP_SECRET = credentials.appSecret;
    try {
      expect((await getNotification(id)).jobName).toBe("Looked up");
    } finally {
      process.env = { ...saved };
    }
  });

  it("rejects a missing setting with the provider's message", async () => {
    const error = await getNotification(id).catch((e: unknown) => e);
    expect(FeishuConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Feishu Helpdesk settings:\n- feishu-helpdesk:helpdeskId is not set/);
    const { appSecret: _, ...noSecret } = settings();
    const given = await getNotification(id, { settings: noSecret }).catch((e: unknown) => e);
    expect((given as Error).message).toBe(
      "The settings given to getNotification (which never come from FEISHU_* variables): appSecret is not set " +
        "(appId is, and needs it for a tenant access token). " +
        "Set it: settings.appSecret in the options of getNotification",
    );
  });

  it("rejects a campaign that does not exist with NotificationGoneError", async () => {
    const error = await getNotification("7000000000000000001", { settings: settings() }).catch((e: unknown) => e);
    expect(NotificationGoneError.isInstance(error)).toBe(true);
    expect((error as NotificationGoneError).notificationId).toBe("7000000000000000001");
    expect((error as Error).message).toMatch(/^Push campaign 7000000000000000001 does not exist in Feishu/);
  });

  it("as an Output: read once the id is known, and not secret", async () => {
    const output = getNotificationOutput(pulumi.output(id), { settings: settings() });
    const jobName = await new Promise((resolve) => output.jobName.apply(resolve));
    expect(jobName).toBe("Looked up");
    expect(await pulumi.isSecret(output)).toBe(false);
  });
});
