import * as http from "node:http";
import type { AddressInfo } from "node:net";
import {
  FeishuCancelledError,
  FeishuOutcomeUnknownError,
  HelpdeskClient,
  type WireNotificationBody,
} from "../../provider/client";
import { NotificationOutcomeUnknownError } from "../../provider";

// Ctrl-C while a create is under way: the run is cancelled, but a POST Feishu may have received
// is not "nothing sent". Each case against a real local server that holds the create's reply
// until the run is cancelled, then answers it one way.

type Answer = "drop" | "500" | "timeout" | "429" | "200";

const credentials = {
  helpdeskId: "hd-7f3a9c2e",
  helpdeskToken: "hdtoken-0c9e1b7a5d3f4e2a",
  appId: "cli_a1b2c3d4e5f6",
  appSecret: "appsecret-9d8c7b6a5f4e3d2c",
};
const body: WireNotificationBody = { job_name: "Q3 reminder", push_content: "{}", push_type: 0, push_scope_type: 0 };

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Serves tokens; calls `onCreate` with each create's response, which it answers when it likes. */
async function serve(onCreate: (res: http.ServerResponse) => void): Promise<{ url: string; creates: () => number }> {
  let creates = 0;
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.includes("tenant_access_token"))
        return res.end(JSON.stringify({ code: 0, tenant_access_token: "t-0123456789abcdef0123", expire: 7200 }));
      creates++;
      onCreate(res);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, creates: () => creates };
}

/** Creates a campaign; once the server holds the POST, cancels the run, then the server answers. */
async function cancelledCreate(answer: Answer) {
  const cancel = new AbortController();
  const { url, creates } = await serve((res) => {
    cancel.abort();
    if (answer === "drop") res.socket?.destroy();
    else if (answer === "500") res.writeHead(500).end(JSON.stringify({ code: 1, msg: "internal error" }));
    else if (answer === "429")
      res.writeHead(429, { "x-ogw-ratelimit-reset": "0" }).end(JSON.stringify({ code: 99991400, msg: "limited" }));
    else if (answer === "200")
      res.end(JSON.stringify({ code: 0, data: { notification_id: "7000000000000000001", status: 0 } }));
    // "timeout": no reply at all; the client's timeoutMs runs out.
  });
  const client = new HelpdeskClient({
    baseUrl: url,
    credentials,
    signal: cancel.signal,
    timeoutMs: 300,
    retryBaseDelayMs: 10,
    pacing: false,
  });
  const outcome = await client.createNotification(body).catch((error: unknown) => error);
  return { outcome, creates: creates() };
}

describe("a create under way when the run is cancelled", () => {
  it.each(["drop", "500", "timeout"] as const)(
    "whose outcome is unknown (%s) says so, with the adopt advice, not that nothing was sent",
    async (answer) => {
      const { outcome, creates } = await cancelledCreate(answer);
      expect(FeishuCancelledError.isInstance(outcome)).toBe(false);
      expect(FeishuOutcomeUnknownError.isInstance(outcome)).toBe(true);
      const error = outcome as FeishuOutcomeUnknownError;
      expect(error).toMatchObject({ endpoint: "POST /open-apis/helpdesk/v1/notifications", cancelled: true });
      expect(error.message).toContain('Creating push campaign "Q3 reminder" may have succeeded');
      expect(error.message).toContain("The run was cancelled while the request was under way");
      expect(creates).toBe(1);

      // What the provider makes of it: the adopt advice, and the cancellation.
      const provider = new NotificationOutcomeUnknownError({ call: "create", jobName: "Q3 reminder", cause: error });
      expect(provider.message).toContain("set `adoptId:");
      expect(provider.message).toContain("The run was cancelled while the request was under way");
      expect(provider.message).not.toContain("Nothing more was sent; run the command again");
    },
  );

  it("throttled by the gateway (so not processed) is given up as cancelled, and not sent again", async () => {
    const { outcome, creates } = await cancelledCreate("429");
    expect(FeishuCancelledError.isInstance(outcome)).toBe(true);
    expect(creates).toBe(1);
  });

  it("that is answered still returns the campaign", async () => {
    const { outcome } = await cancelledCreate("200");
    expect(outcome).toMatchObject({ notificationId: "7000000000000000001" });
  });

  it("not yet sent is given up as cancelled, and never sent", async () => {
    const cancel = new AbortController();
    cancel.abort();
    const { url, creates } = await serve((res) => res.end("{}"));
    const outcome = await new HelpdeskClient({ baseUrl: url, credentials, signal: cancel.signal, pacing: false })
      .createNotification(body)
      .catch((error: unknown) => error);
    expect(FeishuCancelledError.isInstance(outcome)).toBe(true);
    expect(creates()).toBe(0);
  });
});
