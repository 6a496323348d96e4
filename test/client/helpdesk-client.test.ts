import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningEmulator, startEmulator } from "../../emulator";
import {
  FeishuApiError,
  FeishuArgumentError,
  FeishuConfigError,
  FeishuErrorCode,
  FeishuHelpdeskError,
  FeishuNetworkError,
  FeishuResponseError,
  HelpdeskClient,
  type WireNotificationBody,
} from "../../provider/client";
import { randomCredentials, secretValues } from "../harness/feishu-fixture";

const body: WireNotificationBody = {
  job_name: "Client test",
  push_content: JSON.stringify({ elements: [] }),
  push_type: 0,
  push_scope_type: 2,
  user_list: [{ user_id: "ou_a" }],
  chat_list: [{ chat_id: "oc_a" }],
};

describe("HelpdeskClient against the emulator over HTTP", () => {
  let emulator: RunningEmulator;
  const credentials = randomCredentials();

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
  });
  afterAll(() => emulator.close());

  it.each([
    ["a tenant token from the app id and secret", { appId: credentials.appId, appSecret: credentials.appSecret }],
    ["a user access token", { userAccessToken: credentials.userAccessTokens[0] }],
  ])("creates, patches and reads a campaign with %s", async (_, token) => {
    const client = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials: { helpdeskId: credentials.helpdeskId, helpdeskToken: credentials.helpdeskToken, ...token },
    });
    const created = await client.createNotification(body);
    expect(created).toMatchObject({
      status: 0,
      notificationId: expect.stringMatching(/^\d{19}$/),
      logId: expect.any(String),
    });
    await client.patchNotification(created.notificationId, { ...body, job_name: "Renamed" });
    const fetched = await client.getNotification(created.notificationId);
    expect(fetched.notification).toMatchObject({
      id: created.notificationId,
      job_name: "Renamed",
      status: 0,
      target_user_count: 1,
    });
    expect(fetched.approvalAppLink).toContain(created.notificationId);
  });

  it("fetches the tenant token once and reuses it", async () => {
    emulator.clearRequests();
    const client = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials: { ...credentials, userAccessToken: undefined },
    });
    await Promise.all([
      client.createNotification(body),
      client.createNotification(body),
      client.createNotification(body),
    ]);
    expect(emulator.requests.filter((r) => r.path.includes("tenant_access_token"))).toHaveLength(1);
  });

  it("throws FeishuApiError with status, code, request id and hint, and redacts both credentials", async () => {
    const client = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials: {
        helpdeskId: credentials.helpdeskId,
        helpdeskToken: "wrong-token",
        userAccessToken: credentials.userAccessTokens[0],
      },
    });
    const error = await client.createNotification(body).catch((e: unknown) => e);
    expect(FeishuApiError.isInstance(error)).toBe(true);
    if (!FeishuApiError.isInstance(error)) return;
    expect(error).toMatchObject({ status: 401, code: 154001, endpoint: "POST /open-apis/helpdesk/v1/notifications" });
    expect(error.logId).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(error.message).toContain(`request id ${error.logId}`);
    expect(error.message).toContain("X-Lark-Helpdesk-Authorization");
    expect(error.request.headers).toMatchObject({
      Authorization: "[REDACTED]",
      "X-Lark-Helpdesk-Authorization": "[REDACTED]",
    });
    const serialized = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    for (const secret of [...secretValues(credentials), "wrong-token"]) expect(serialized).not.toContain(secret);
  });

  it("reports a missing campaign as code 154004 and a non-draft PATCH as refused", async () => {
    const client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    const missing = await client.getNotification("1234567890123456789").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 154004, status: 404 });
    const { notificationId } = await client.createNotification(body);
    emulator.setStatus(notificationId, 5);
    const refused = await client.patchNotification(notificationId, body).catch((e: unknown) => e);
    expect(FeishuApiError.isInstance(refused) && refused.code).toBe(154005);
  });

  it("finds a campaign, gives undefined for a missing one, and throws any other failure", async () => {
    const client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    const { notificationId } = await client.createNotification(body);
    expect((await client.findNotification(notificationId))?.notification).toMatchObject({
      id: notificationId,
      job_name: body.job_name,
    });
    expect(await client.findNotification("1234567890123456789")).toBeUndefined();
    const refused = await new HelpdeskClient({
      baseUrl: emulator.url,
      credentials: { ...credentials, helpdeskToken: "x" },
    })
      .findNotification(notificationId)
      .catch((e: unknown) => e);
    expect(FeishuApiError.isInstance(refused) && refused.code).toBe(FeishuErrorCode.unauthorized);
  });

  it("refuses arguments it cannot send, without calling Feishu", async () => {
    emulator.clearRequests();
    const client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    for (const attempt of [
      client.getNotification(""),
      client.findNotification("\ud800"),
      client.executeSend("1", Number.NaN),
      client.createNotification({ ...body, ext: 1n as unknown as string }),
    ]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(FeishuArgumentError.isInstance(error)).toBe(true);
    }
    expect(emulator.requests.filter((r) => !r.path.includes("tenant_access_token"))).toEqual([]);
    expect(() => new HelpdeskClient({ baseUrl: "open.feishu.cn", credentials })).toThrow(/not a URL/);
  });

  it("names the missing configuration instead of calling Feishu", async () => {
    expect(
      () => new HelpdeskClient({ baseUrl: emulator.url, credentials: { helpdeskId: "", helpdeskToken: "" } }),
    ).toThrow(/credentials.helpdeskId and credentials.helpdeskToken/);
    const client = new HelpdeskClient({ baseUrl: emulator.url, credentials: { helpdeskId: "h", helpdeskToken: "t" } });
    const error = await client.getNotification("1").catch((e: unknown) => e);
    expect(FeishuConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      settings: ["credentials.userAccessToken", "credentials.appId", "credentials.appSecret"],
    });
    // Client errors name the client's options; a caller with its own configuration maps them to its keys.
    expect((error as Error).message).not.toMatch(/FEISHU_|feishu-helpdesk:|pulumi/i);
  });
});

describe("HelpdeskClient against a server that does not speak the API", () => {
  // A gateway answering HTML or JSON without a code: no emulator mode stands in for it yet.
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.setHeader("x-tt-logid", "LOGID-1");
      if (req.url?.includes("html")) {
        res.writeHead(502, { "Content-Type": "text/html" }).end("<html>Bad Gateway</html>");
      } else {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ code: 0, data: {} }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // A short deadline: these replies are retried (for reads) until it passes.
  const client = (id = "1") => ({
    client: new HelpdeskClient({
      baseUrl: url,
      credentials: { helpdeskId: "h", helpdeskToken: "t", userAccessToken: "u" },
      retryDeadlineMs: 300,
      retryBaseDelayMs: 10,
    }),
    id,
  });

  it("turns a non-JSON body into FeishuResponseError naming the endpoint", async () => {
    const { client: c } = client();
    const error = await c.getNotification("html").catch((e: unknown) => e);
    expect(FeishuResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 502,
      logId: "LOGID-1",
      endpoint: "GET /open-apis/helpdesk/v1/notifications/html",
    });
  });

  it("turns a reply lacking the documented data into FeishuResponseError, or an unknown outcome", async () => {
    const { client: c } = client();
    await expect(c.createNotification(body)).rejects.toThrow(/may have succeeded: .*no data.notification_id/);
    await expect(c.getNotification("x")).rejects.toThrow(/no data.notification with a numeric status/);
  });

  it("turns a refused connection into FeishuNetworkError", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const c = new HelpdeskClient({
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: { helpdeskId: "h", helpdeskToken: "t", userAccessToken: "u" },
      retryDeadlineMs: 300,
      retryBaseDelayMs: 10,
    });
    const error = await c.getNotification("1").catch((e: unknown) => e);
    expect(FeishuNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "ECONNREFUSED", requestSent: false });
    // What happened, on one line, naming the endpoint and the reason once.
    const origin = `http://127.0.0.1:${port}`;
    expect((error as Error).message.split("\n")[0]).toBe(
      `GET /open-apis/helpdesk/v1/notifications/1 to ${origin} failed: connect ECONNREFUSED 127.0.0.1:${port}.`,
    );
    expect(FeishuHelpdeskError.isInstance(error)).toBe(true);
    expect(FeishuApiError.isInstance(error)).toBe(false);
  });
});
