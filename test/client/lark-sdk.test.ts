import * as lark from "@larksuiteoapi/node-sdk";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials } from "../harness/feishu-fixture";

// The official Lark Node SDK as an independent client: the emulator speaks the real API
// (tenant token, `Bearer base64(id:token)` helpdesk header, envelopes), not only our dialect.
describe("the official Lark Node SDK against the emulator", () => {
  let emulator: RunningEmulator;
  const credentials = randomCredentials();

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
  });
  afterAll(() => emulator.close());

  const larkClient = () =>
    new lark.Client({
      appId: credentials.appId,
      appSecret: credentials.appSecret,
      helpDeskId: credentials.helpdeskId,
      helpDeskToken: credentials.helpdeskToken,
      domain: emulator.url,
      loggerLevel: lark.LoggerLevel.error,
    });

  it("creates, patches and gets a campaign", async () => {
    const client = larkClient();
    const data = {
      job_name: "From the Lark SDK",
      push_content: JSON.stringify({ config: { wide_screen_mode: true }, elements: [] }),
      push_type: 0,
      push_scope_type: 1,
      chat_list: [{ chat_id: "oc_sdk" }],
    };
    const created = await client.helpdesk.v1.notification.create(
      { data, params: { user_id_type: "open_id" } },
      lark.withHelpDeskCredential(),
    );
    expect(created.code).toBe(0);
    const id = created.data?.notification_id as string;
    expect(id).toMatch(/^\d{19}$/);

    const patched = await client.helpdesk.v1.notification.patch(
      { path: { notification_id: id }, data: { ...data, job_name: "Patched by the Lark SDK" } },
      lark.withHelpDeskCredential(),
    );
    expect(patched.code).toBe(0);

    const got = await client.helpdesk.v1.notification.get(
      { path: { notification_id: id } },
      lark.withHelpDeskCredential(),
    );
    expect(got.code).toBe(0);
    expect(got.data?.notification).toMatchObject({ id, job_name: "Patched by the Lark SDK", status: 0 });
    expect(emulator.requests.map((r) => `${r.method} ${r.path.replace(id, ":id")} ${r.code}`)).toEqual([
      "POST /open-apis/auth/v3/tenant_access_token/internal 0",
      "POST /open-apis/helpdesk/v1/notifications 0",
      "PATCH /open-apis/helpdesk/v1/notifications/:id 0",
      "GET /open-apis/helpdesk/v1/notifications/:id 0",
    ]);
  });

  it("sends a helpdesk bot message", async () => {
    const client = larkClient();
    const reply = await client.helpdesk.v1.botMessage.create(
      {
        data: {
          msg_type: "text",
          content: JSON.stringify({ text: "Welcome!" }),
          receiver_id: "ou_sdk",
          receive_type: "chat",
        },
      },
      lark.withHelpDeskCredential(),
    );
    expect(reply.code).toBe(0);
    expect(emulator.botMessages().ou_sdk).toEqual([
      expect.objectContaining({ message_id: reply.data?.message_id, msg_type: "text" }),
    ]);
  });
});
