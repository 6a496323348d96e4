import fc from "fast-check";
import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { inspect } from "node:util";
import { FeishuHelpdeskError, HelpdeskClient, type HelpdeskCredentials } from "../../provider/client";

/*
 * Property-based: a real local server whose every answer is drawn at random (status, body,
 * headers, delay, echoes of the request, dropped connections), and a client with random
 * credentials and short deadlines. Every call must end in time, with a valid result or a
 * FeishuHelpdeskError quoting no credential, and leave no request running on the server.
 *
 * FUZZ_RUNS=2000 npx jest test/client/hostile-server-fuzz.test.ts   for a longer run;
 * FUZZ_SEED=<n> to replay one.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 40);
const seed = Number(process.env.FUZZ_SEED ?? 20261122);
const maxResponseBytes = 64 * 1024;

type BodyKind =
  | "valid"
  | "envelope"
  | "notJson"
  | "noCode"
  | "empty"
  | "echoJson"
  | "echoText"
  | "truncated"
  | "huge"
  | "hugeDeclared"
  | "endless"
  | "drop"
  | "dropMidBody"
  | "silent";

interface Answer {
  status: number;
  body: BodyKind;
  code: number;
  delayMs: number;
  reset: string | undefined;
  logId: "none" | "plain" | "echo";
  location: "none" | "elsewhere" | "echo" | "garbage";
  /** How an echo of the request is encoded, as a server might quote it. */
  echoAs: Encoding;
}

type Encoding = "raw" | "base64" | "base64url" | "uri" | "form";
function encode(text: string, as: Encoding): string {
  switch (as) {
    case "raw":
      return text;
    case "base64":
      return Buffer.from(text).toString("base64");
    case "base64url":
      return Buffer.from(text).toString("base64url");
    case "uri":
      return encodeURIComponent(text);
    case "form":
      return new URLSearchParams({ q: text }).toString().slice(2);
  }
}

const answer: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(
    { weight: 6, arbitrary: fc.constant(200) },
    { weight: 4, arbitrary: fc.constantFrom(201, 204, 301, 302, 307, 308, 400, 401, 404, 429, 500, 502, 503) },
  ),
  body: fc.constantFrom<BodyKind>(
    "valid",
    "valid",
    "valid",
    "envelope",
    "notJson",
    "noCode",
    "empty",
    "echoJson",
    "echoText",
    "truncated",
    "huge",
    "hugeDeclared",
    "endless",
    "drop",
    "dropMidBody",
    "silent",
  ),
  code: fc.constantFrom(0, 154000, 154004, 155000, 99991400, 99991661, 99991663, 1, -1),
  delayMs: fc.constantFrom(0, 0, 0, 5, 20, 60),
  reset: fc.constantFrom(undefined, "0", "0.05", "0.1", "1", "-3", "abc", "1e9"),
  logId: fc.constantFrom("none", "plain", "echo"),
  location: fc.constantFrom("none", "elsewhere", "echo", "garbage"),
  echoAs: fc.constantFrom<Encoding>("raw", "raw", "base64", "base64url", "uri", "form"),
});

// Printable ASCII, so some credentials hold characters JSON escapes (" and \).
const secret = fc.stringMatching(/^[!-~]{12,28}$/);
const credentials: fc.Arbitrary<HelpdeskCredentials> = fc.record({
  helpdeskId: fc.stringMatching(/^[0-9a-z]{8,16}$/),
  helpdeskToken: secret,
  appId: fc.stringMatching(/^cli_[0-9a-f]{8,16}$/),
  appSecret: secret,
  userAccessToken: fc.option(secret, { nil: undefined }),
});

type Operation = "get" | "find" | "patch" | "create" | "submit" | "executeSend" | "cancelSend" | "botMessage";
const operation = fc.constantFrom<Operation>(
  "get",
  "find",
  "patch",
  "create",
  "submit",
  "executeSend",
  "cancelSend",
  "botMessage",
);

/** Credential values and the forms a server might quote them in. */
function forbidden(c: HelpdeskCredentials, tenantTokens: string[]): string[] {
  const values = [c.helpdeskToken, c.appSecret, c.userAccessToken, ...tenantTokens].filter(
    (v): v is string => v !== undefined,
  );
  const forms = values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1), Buffer.from(v).toString("base64")]);
  forms.push(Buffer.from(`${c.helpdeskId}:${c.helpdeskToken}`).toString("base64"));
  return forms.map((f) => f.replace(/=+$/, ""));
}

/**
 * `text` followed by every decoding of it a reader could apply: each run of base64 or base64url
 * characters decoded at each of its four alignments, and each run of percent-escapes decoded
 * (with `+` read as a space too). A credential a server quoted in any of these encodings shows
 * up in the result as one of the forms {@link forbidden} lists.
 */
function decodedViews(text: string): string {
  const views = [text];
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    for (let skip = 0; skip < 4; skip++) {
      const part = run.slice(skip);
      views.push(Buffer.from(part, "base64").toString("latin1"), Buffer.from(part, "base64").toString("utf8"));
      views.push(Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8"));
    }
  }
  const percent = (t: string) =>
    t.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  views.push(percent(text), percent(text.replace(/\+/g, " ")));
  return views.join("\n");
}

/** Every text an error shows: message, stack, JSON, inspect (causes and hidden fields included). */
function textsOf(error: unknown): string {
  const e = error as Error;
  return [String(e?.message), String(e?.stack), safeJson(e), inspect(e, { depth: 8, showHidden: true })].join("\n");
}
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return "";
  }
}

interface HostileServer {
  url: string;
  requests: number;
  tenantTokens: string[];
  /** Responses started and neither finished nor closed. */
  running(): number;
  close(): Promise<void>;
}

async function hostileServer(answers: Answer[], elsewhere: string): Promise<HostileServer> {
  const running = new Set<http.ServerResponse>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const state = { requests: 0, tenantTokens: [] as string[] };
  const server = http.createServer((req, res) => {
    running.add(res);
    res.on("close", () => running.delete(res));
    res.on("finish", () => running.delete(res));
    res.on("error", () => undefined);
    let received = "";
    req.on("data", (chunk: Buffer) => (received += chunk.toString()));
    req.on("end", () => {
      const a = answers[state.requests++ % answers.length];
      later(() => respond(req, res, a, received), a.delayMs);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  });

  function respond(req: http.IncomingMessage, res: http.ServerResponse, a: Answer, received: string): void {
    if (res.destroyed || res.writableEnded) return;
    const echo = encode(`${received} ${JSON.stringify(req.headers)}`, a.echoAs);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (a.reset !== undefined) headers["x-ogw-ratelimit-reset"] = a.reset;
    if (a.logId === "plain") headers["x-tt-logid"] = "20261122000000ABCDEF";
    if (a.logId === "echo")
      headers["x-tt-logid"] = encode(String(req.headers.authorization ?? received), a.echoAs).slice(0, 400);
    if (a.location === "elsewhere") headers.location = `${elsewhere}${req.url}`;
    if (a.location === "echo") headers.location = `http://${encodeURIComponent(received.slice(0, 60))}.example/`;
    if (a.location === "garbage") headers.location = "http://[::1";
    const send = (status: number, text: string) => {
      try {
        res.writeHead(status, headers).end(text);
      } catch {
        res.destroy();
      }
    };
    switch (a.body) {
      case "valid": {
        const path = req.url ?? "";
        let data: unknown = {};
        if (path.includes("tenant_access_token")) {
          const token = `t-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
          state.tenantTokens.push(token);
          return send(a.status, JSON.stringify({ code: 0, tenant_access_token: token, expire: 7200 }));
        }
        if (req.method === "GET") {
          data = {
            notification: { id: "7000000000000000001", status: 0, job_name: "j", push_content: "{}" },
            approval_app_link: "https://applink.feishu.cn/x",
          };
        } else if (path.endsWith("/notifications?user_id_type=open_id") || path.includes("/notifications?")) {
          data = { notification_id: "7000000000000000001", status: 0 };
        } else if (path.includes("/message")) {
          data = { message_id: "om_1" };
        }
        return send(a.status, JSON.stringify({ code: 0, msg: "success", data }));
      }
      case "envelope":
        return send(a.status, JSON.stringify({ code: a.code, msg: "refused" }));
      case "notJson":
        return send(a.status, "<html>Bad Gateway</html>");
      case "noCode":
        return send(a.status, JSON.stringify({ message: echo }));
      case "empty":
        return send(a.status, "");
      case "echoJson":
        return send(a.status, JSON.stringify({ code: a.code || 400, msg: `you sent ${echo}` }));
      case "echoText":
        return send(a.status, `you sent ${echo}`);
      case "truncated":
        res.writeHead(a.status, { ...headers, "content-length": "500" });
        res.write(JSON.stringify({ code: 0, msg: echo }).slice(0, 100));
        return later(() => res.destroy(), 5);
      case "huge":
        res.writeHead(a.status, headers);
        res.write(`{"code":0,"msg":"${"x".repeat(maxResponseBytes)}`);
        return void res.end(`${"y".repeat(1000)}"}`);
      case "hugeDeclared":
        return send(a.status, JSON.stringify({ code: 0, msg: "z".repeat(maxResponseBytes * 2) }));
      case "endless": {
        res.writeHead(a.status, headers);
        res.write('{"code":0,"msg":"');
        const pump = () => {
          if (res.destroyed || res.writableEnded) return;
          res.write("a".repeat(4096));
          later(pump, 2);
        };
        return pump();
      }
      case "drop":
        return void req.socket.destroy();
      case "dropMidBody":
        res.writeHead(a.status, headers);
        res.write('{"code":0,');
        return later(() => req.socket.destroy(), 5);
      case "silent":
        // Never answers; the client's timeout must end the call.
        return;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    tenantTokens: state.tenantTokens,
    running: () => running.size,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function call(client: HelpdeskClient, op: Operation): Promise<unknown> {
  const body = { job_name: "Fuzz", push_content: "{}", push_type: 0, push_scope_type: 0 };
  switch (op) {
    case "get":
      return (await client.getNotification("7000000000000000001")).notification.status;
    case "find":
      return (await client.findNotification("7000000000000000001"))?.notification.status ?? "none";
    case "patch":
      return client.patchNotification("7000000000000000001", body);
    case "create":
      return (await client.createNotification(body)).notificationId;
    case "submit":
      return client.submitApproval("7000000000000000001", "fuzz");
    case "executeSend":
      return client.executeSend("7000000000000000001", 1_900_000_000_000);
    case "cancelSend":
      return client.cancelSend("7000000000000000001", true);
    case "botMessage":
      return (await client.sendBotMessage({ msg_type: "text", content: "{}", receiver_id: "ou_1" })).messageId;
  }
}

describe("HelpdeskClient against hostile servers (property-based)", () => {
  let elsewhere: http.Server;
  let elsewhereUrl: string;
  let elsewhereHits = 0;
  beforeAll(async () => {
    // Where redirects point: it must never be called.
    elsewhere = http.createServer((req, res) => {
      elsewhereHits++;
      res.end("{}");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => elsewhere.close(resolve)));

  it(
    `ends every call in time, with a result or a FeishuHelpdeskError, leaking nothing (${runs} cases)`,
    async () => {
      const tally = { cases: 0, results: 0, errors: {} as Record<string, number>, requests: 0, failures: 0, leaks: 0 };
      await fc.assert(
        fc.asyncProperty(
          credentials,
          operation,
          fc.array(answer, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 20, max: 150 }),
          fc.integer({ min: 0, max: 200 }),
          fc.boolean(),
          async (creds, op, answers, timeoutMs, retryDeadlineMs, pacing) => {
            const server = await hostileServer(answers, elsewhereUrl);
            try {
              const client = new HelpdeskClient({
                baseUrl: server.url,
                credentials: creds,
                timeoutMs,
                retryDeadlineMs,
                retryBaseDelayMs: 5,
                retryMaxDelayMs: 50,
                maxResponseBytes,
                pacing,
                rateLimits: { create: 1000, patch: 1000, get: 1000, botMessage: 1000, executeSend: 1000 },
                rateLimitWindowMs: 1000,
              });
              const started = Date.now();
              let outcome: unknown;
              let failed = false;
              try {
                outcome = await call(client, op);
              } catch (error) {
                failed = true;
                outcome = error;
              }
              const elapsed = Date.now() - started;
              tally.cases++;
              tally.requests += server.requests;

              // In time: a token fetch, the call, and one more of each after a rejected token, each
              // within its retry deadline plus one last attempt's timeout; plus slack for a busy machine.
              const rounds = creds.userAccessToken === undefined || op === "botMessage" ? 4 : 2;
              expect(elapsed).toBeLessThanOrEqual(rounds * (retryDeadlineMs + timeoutMs) + 1500);

              if (failed) {
                expect(FeishuHelpdeskError.isInstance(outcome)).toBe(true);
                const name = (outcome as Error).name;
                tally.errors[name] = (tally.errors[name] ?? 0) + 1;
                const text = decodedViews(textsOf(outcome));
                const leaked = forbidden(creds, server.tenantTokens).filter((f) => text.includes(f));
                if (leaked.length > 0) tally.leaks++;
                expect(leaked).toEqual([]);
              } else {
                tally.results++;
                expect(outcome).toBeDefined();
              }

              // Nothing still running on the server once the call is over (closing can take a moment).
              for (let i = 0; i < 100 && server.running() > 0; i++) await new Promise((r) => setTimeout(r, 5));
              expect(server.running()).toBe(0);
            } catch (assertion) {
              tally.failures++;
              throw assertion;
            } finally {
              await server.close();
            }
          },
        ),
        { numRuns: runs, seed, endOnFailure: true },
      );
      expect(elsewhereHits).toBe(0);
      console.log(`hostile-server fuzz: ${JSON.stringify({ seed, ...tally })}`);
      // A case takes ~60 ms on average and at most a few seconds.
    },
    Math.max(60_000, runs * 1000),
  );
});
