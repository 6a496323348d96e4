import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import {
  FeishuApiError,
  FeishuHelpdeskError,
  FeishuNetworkError,
  FeishuRedirectError,
  FeishuResponseError,
  HelpdeskClient,
  type HelpdeskClientOptions,
  type WireNotificationBody,
} from "../../provider/client";

// The issue-10 cases, each against a real local server that misbehaves in one way.

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Server {
  url: string;
  seen: Seen[];
  /** Resolves when every socket the server accepted has closed. */
  allSocketsClosed(): Promise<void>;
  openSockets(): number;
  close(): Promise<void>;
}

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const result: Server = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    openSockets: () => sockets.size,
    allSocketsClosed: async () => {
      for (let i = 0; i < 200 && sockets.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return result;
}

const credentials = {
  helpdeskId: "hd-7f3a9c2e",
  helpdeskToken: "hdtoken-0c9e1b7a5d3f4e2a",
  appId: "cli_a1b2c3d4e5f6",
  appSecret: "appsecret-9d8c7b6a5f4e3d2c",
};
const secrets = [
  credentials.helpdeskToken,
  credentials.appSecret,
  Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString("base64"),
  Buffer.from(credentials.appSecret).toString("base64").replace(/=+$/, ""),
];
const body: WireNotificationBody = { job_name: "Hostile", push_content: "{}", push_type: 0, push_scope_type: 0 };
const token = (res: http.ServerResponse) =>
  res.end(JSON.stringify({ code: 0, tenant_access_token: "t-0123456789abcdef0123", expire: 7200 }));

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function start(handler: Parameters<typeof serve>[0]): Promise<Server> {
  const server = await serve(handler);
  servers.push(server);
  return server;
}
const client = (server: Server, options: Partial<HelpdeskClientOptions> = {}) =>
  new HelpdeskClient({ baseUrl: server.url, credentials, retryBaseDelayMs: 10, retryDeadlineMs: 500, ...options });

describe("redirects", () => {
  it("does not follow a 307 on the token request: the app secret goes nowhere else, and no retry", async () => {
    const elsewhere = await start((_req, res) => token(res));
    const server = await start((req, res) => res.writeHead(307, { location: `${elsewhere.url}${req.url}` }).end());
    const error = await client(server)
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuRedirectError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 307,
      endpoint: "POST /open-apis/auth/v3/tenant_access_token/internal",
      targetHost: new URL(elsewhere.url).host,
    });
    expect((error as Error).message.split("\n")[0]).toContain(
      `redirected (HTTP 307) to ${new URL(elsewhere.url).host}`,
    );
    expect(elsewhere.seen).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("does not follow a 307 on create: no campaign is created at the target, and nothing is repeated", async () => {
    const elsewhere = await start((req, res) =>
      res.end(JSON.stringify({ code: 0, data: { notification_id: "7000000000000000001", status: 0 } })),
    );
    const server = await start((req, res) => {
      if (req.url?.includes("tenant_access_token")) return token(res);
      res.writeHead(308, { location: `${elsewhere.url}${req.url}` }).end();
    });
    const error = await client(server)
      .createNotification(body)
      .catch((e: unknown) => e);
    expect(FeishuRedirectError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 308, endpoint: "POST /open-apis/helpdesk/v1/notifications" });
    expect(elsewhere.seen).toEqual([]);
    expect(server.seen.filter((s) => s.url.startsWith("/open-apis/helpdesk"))).toHaveLength(1);
  });
});

describe("throttling with pacing off", () => {
  it("waits the gateway's reset time between attempts", async () => {
    const server = await start((req, res) => {
      if (req.url?.includes("tenant_access_token")) return token(res);
      res.writeHead(429, { "x-ogw-ratelimit-reset": "1" }).end(JSON.stringify({ code: 99991400, msg: "limited" }));
    });
    const started = Date.now();
    const error = await client(server, { pacing: false, retryDeadlineMs: 2500 })
      .getNotification("1")
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(FeishuApiError.isInstance(error) && error.code).toBe(99991400);
    const reads = server.seen.filter((s) => s.url.startsWith("/open-apis/helpdesk"));
    // Attempts at 0, ≥1 s and ≥2 s; the next would start past the 2.5 s deadline.
    expect(reads).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe("response bodies", () => {
  const endless = (res: http.ServerResponse, chunk: string, everyMs: number) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"code":0,"data":"');
    const timer = setInterval(() => res.write(chunk), everyMs);
    res.on("close", () => clearInterval(timer));
  };

  it("stops reading an endless body at the cap and closes its connection", async () => {
    const server = await start((req, res) =>
      req.url?.includes("tenant_access_token") ? token(res) : endless(res, "a".repeat(64 * 1024), 1),
    );
    const rss = process.memoryUsage().rss;
    const error = await client(server, { maxResponseBytes: 1024 * 1024, retryDeadlineMs: 1 })
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("larger than the 1048576-byte cap");
    await server.allSocketsClosed();
    expect(server.openSockets()).toBe(0);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a body whose Content-Length is over the cap without reading it", async () => {
    const huge = JSON.stringify({ code: 0, data: { notification: { status: 0, job_name: "x".repeat(2_000_000) } } });
    const server = await start((req, res) => (req.url?.includes("tenant_access_token") ? token(res) : res.end(huge)));
    const error = await client(server, { maxResponseBytes: 1_000_000, retryDeadlineMs: 1 })
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`its Content-Length is ${huge.length}`);
  });

  it("on a body timeout, closes the connection instead of leaving it streaming", async () => {
    const server = await start((req, res) =>
      req.url?.includes("tenant_access_token") ? token(res) : endless(res, "a", 20),
    );
    const started = Date.now();
    const error = await client(server, { timeoutMs: 300, retryDeadlineMs: 1 })
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuNetworkError.isInstance(error) && error.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    await server.allSocketsClosed();
    expect(server.openSockets()).toBe(0);
  });

  it("counts the timeout over the reply's headers and body together", async () => {
    const server = await start((req, res) => {
      if (req.url?.includes("tenant_access_token")) return token(res);
      // Headers after 200 ms, the body's end 200 ms later: each within the timeout, together not.
      setTimeout(() => {
        res.writeHead(200).write('{"code":0,');
        setTimeout(() => res.end('"data":{}}'), 200);
      }, 200);
    });
    const error = await client(server, { timeoutMs: 300, retryDeadlineMs: 1 })
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuNetworkError.isInstance(error) && error.timedOut).toBe(true);
  });
});

/** The token request body the client sends for `appSecret`. */
const tokenBody = (appSecret: string) => JSON.stringify({ app_id: credentials.appId, app_secret: appSecret });

describe("credentials echoed by the server", () => {
  const echo = (req: http.IncomingMessage, res: http.ServerResponse, received: string) => {
    const echoed = `you sent ${received} with ${JSON.stringify(req.headers)}`;
    res
      .writeHead(400, { "x-tt-logid": String(req.headers["x-lark-helpdesk-authorization"] ?? credentials.appSecret) })
      .end(JSON.stringify({ code: 10003, msg: echoed }));
  };
  const leaks = (error: unknown, extra: string[] = []) => {
    const e = error as Error & Record<string, unknown>;
    const text = [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join("\n");
    return [...secrets, ...extra].filter((secret) => text.includes(secret));
  };

  it("quotes nothing a token endpoint says (msg, request id): only its status, code and hint", async () => {
    const server = await start(echo);
    const error = await client(server)
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: 10003, logId: undefined });
    expect((error as FeishuApiError).feishuMessage).not.toContain("app_secret");
    expect((error as Error).message.split("\n")[0]).toContain(
      "Feishu refused POST /open-apis/auth/v3/tenant_access_token/internal: HTTP 400, code 10003",
    );
    expect(leaks(error)).toEqual([]);
  });

  // The review's b64leak.js: the base64 of the whole request body, where the secret starts at any
  // byte alignment; and the URL-encoded body in the request id.
  it.each([
    ["base64", (t: string) => Buffer.from(t).toString("base64")],
    ["base64url", (t: string) => Buffer.from(t).toString("base64url")],
    ["URL-encoded", (t: string) => encodeURIComponent(t)],
    ["form-encoded", (t: string) => new URLSearchParams({ q: t }).toString()],
  ])("leaks no secret that a token endpoint echoes %s, in msg or request id", async (_name, encode) => {
    const awkward = "Xy7k+Q2m/N9p=Lr4&sT8?vW1 zA3bC5dE6fG0h";
    for (const lead of ["", "a", "ab"]) {
      const server = await start((_req, res, received) =>
        res
          .writeHead(200, { "x-tt-logid": encode(lead + received).slice(0, 4000) })
          .end(JSON.stringify({ code: 10014, msg: `bad request: ${encode(lead + received)}` })),
      );
      const error = await client(server, { credentials: { ...credentials, appSecret: awkward } })
        .getNotification("1")
        .catch((e: unknown) => e);
      expect(FeishuApiError.isInstance(error)).toBe(true);
      expect((error as FeishuApiError).code).toBe(10014);
      const e = error as Error;
      const text = [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join("\n");
      expect(text).not.toContain(encode(lead + tokenBody(awkward)).slice(8, 40));
      expect(leaks(error, [awkward, encodeURIComponent(awkward)])).toEqual([]);
    }
  });

  it("redacts the user token, the helpdesk header and the tenant token that an API endpoint echoes", async () => {
    const tenantToken = "t-0123456789abcdef0123";
    const server = await start((req, res, received) =>
      req.url?.includes("tenant_access_token") ? token(res) : echo(req, res, received),
    );
    const tenantError = await client(server)
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(FeishuApiError.isInstance(tenantError)).toBe(true);
    expect(leaks(tenantError, [tenantToken])).toEqual([]);
    const userToken = "u-5e4d3c2b1a0f9e8d7c6b";
    const userError = await client(server, { credentials: { ...credentials, userAccessToken: userToken } })
      .getNotification("1")
      .catch((e: unknown) => e);
    expect(leaks(userError, [userToken])).toEqual([]);
    expect((userError as FeishuApiError).logId).toBe("[REDACTED]");
  });

  it("redacts what a non-JSON body echoes into the body excerpt", async () => {
    const server = await start((req, res, received) =>
      req.url?.includes("tenant_access_token")
        ? token(res)
        : res.writeHead(502).end(`<html>${received} ${req.headers["x-lark-helpdesk-authorization"]}</html>`),
    );
    const error = await client(server, { retryDeadlineMs: 1 })
      .patchNotification("1", { ...body, job_name: credentials.helpdeskToken })
      .catch((e: unknown) => e);
    expect(FeishuResponseError.isInstance(error)).toBe(true);
    expect((error as FeishuResponseError).bodyExcerpt).toContain("[REDACTED]");
    expect(leaks(error)).toEqual([]);
    expect(FeishuHelpdeskError.isInstance(error)).toBe(true);
  });
});
