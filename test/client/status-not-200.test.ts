import * as http from "node:http";
import * as net from "node:net";
import { FeishuOutcomeUnknownError, FeishuResponseError, HelpdeskClient } from "../../provider/client";
import { randomCredentials } from "../harness/feishu-fixture";

// Issue 24: the client took any HTTP status as Feishu's answer when the body said `code: 0`. A
// proxy that refuses CONNECT with a 403 whose body is `{"code":0,...}` (https-proxy-agent hands
// that response through) made a create "succeed" with an id the proxy made up. This file sets
// process.env, so it runs alone in its jest worker.

const madeUp = JSON.stringify({ code: 0, msg: "ok", data: { notification_id: "id-the-proxy-made-up" } });
const body = { job_name: "Through a proxy", push_content: "{}", push_type: 0, push_scope_type: 0 } as const;
const { helpdeskId, helpdeskToken, userAccessTokens } = randomCredentials();
const credentials = { helpdeskId, helpdeskToken, userAccessToken: userAccessTokens[0] };

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

describe("a reply whose HTTP status is not 200", () => {
  const saved = { ...process.env };
  afterEach(() => (process.env = { ...saved }));

  it("is no success, even with code 0: a proxy's refused CONNECT", async () => {
    const connects: string[] = [];
    const proxy = net.createServer((socket) => {
      socket.once("data", (chunk) => {
        connects.push(chunk.toString().split("\r\n")[0]);
        socket.end(
          "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n" +
            `Content-Length: ${Buffer.byteLength(madeUp)}\r\nConnection: close\r\n\r\n${madeUp}`,
        );
      });
    });
    try {
      process.env.HTTPS_PROXY = await listen(proxy);
      delete process.env.NO_PROXY;
      delete process.env.no_proxy;
      const client = new HelpdeskClient({ baseUrl: "https://open.feishu.cn", credentials, retryDeadlineMs: 1 });
      const outcome = await client.createNotification(body).then(
        (created) => created,
        (error: unknown) => error,
      );
      expect(connects).toEqual(["CONNECT open.feishu.cn:443 HTTP/1.1"]);
      // A create that got no answer from Feishu: its outcome is unknown, never a success.
      expect(FeishuOutcomeUnknownError.isInstance(outcome)).toBe(true);
      expect(String(outcome)).toContain("HTTP 403, `code` is 0 but Feishu answers a success with HTTP 200");
      expect(String(outcome)).not.toContain("id-the-proxy-made-up");
    } finally {
      proxy.close();
    }
  });

  it("is no success from the server itself either: 500 or 202 with code 0", async () => {
    for (const status of [500, 202]) {
      const server = http.createServer((_req, res) => res.writeHead(status).end(madeUp));
      try {
        const client = new HelpdeskClient({ baseUrl: await listen(server), credentials, retryDeadlineMs: 1 });
        const error = await client.createNotification(body).catch((caught: unknown) => caught);
        expect(String(error)).toContain(`HTTP ${status}`);
        expect(FeishuResponseError.isInstance((error as { cause?: unknown }).cause)).toBe(true);
      } finally {
        server.close();
      }
    }
  });

  it("with HTTP 200 and code 0 is the answer", async () => {
    const server = http.createServer((_req, res) => res.writeHead(200).end(madeUp));
    try {
      const client = new HelpdeskClient({ baseUrl: await listen(server), credentials });
      await expect(client.createNotification(body)).resolves.toMatchObject({ notificationId: "id-the-proxy-made-up" });
    } finally {
      server.close();
    }
  });
});
