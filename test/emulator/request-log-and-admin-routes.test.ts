import * as net from "node:net";
import type { RecordedRequest } from "../../emulator";
import { emulatorWithCredentials, notificationsApi as api, postCampaign, rawRequest } from "./raw-http";

// The emulator's own surface under abuse: its request log stays bounded, its admin routes refuse what a web
// page could send, and odd request targets and slow clients are answered or closed.

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);

describe("the request log is bounded", () => {
  it("keeps only the latest maxRecordedRequests, with long paths cut to 512 characters", async () => {
    const { emulator } = await emulatorWithCredentials({ maxRecordedRequests: 50 });
    try {
      const longId = "9".repeat(15_000);
      for (let i = 0; i < 120; i++) {
        const reply = await rawRequest(emulator.url, { method: "GET", target: `${api}/${i}-${longId}` });
        expect(reply.status).toBe(400);
      }
      expect(emulator.requests).toHaveLength(50);
      expect(emulator.requests[0].path.startsWith(`${api}/70-`)).toBe(true);
      expect(emulator.requests.at(-1)!.path.startsWith(`${api}/119-`)).toBe(true);
      for (const r of emulator.requests) expect(r.path.length).toBeLessThanOrEqual(512);
      const log = await rawRequest(emulator.url, { method: "GET", target: "/__emulator/requests" });
      expect(log.status).toBe(200);
      expect((log.json as unknown as { requests: unknown[] }).requests).toHaveLength(50);
    } finally {
      await emulator.close();
    }
  });

  it("keeps 10,000 by default", async () => {
    const { emulator } = await emulatorWithCredentials();
    try {
      const log = emulator.requests as RecordedRequest[];
      // Fill it through the same path a request takes, without 10,000 round trips.
      for (let i = 0; i < 10_005; i++) await rawRequestOrRecord(emulator.url, i, log);
      expect(log).toHaveLength(10_000);
    } finally {
      await emulator.close();
    }
  });

  it("answers a request log it cannot serialize with 500, never leaving the response open", async () => {
    const { emulator } = await emulatorWithCredentials();
    try {
      const cyclic: Record<string, unknown> = { at: 0, method: "GET", path: "/", status: 200, code: 0 };
      cyclic.self = cyclic;
      (emulator.requests as unknown[]).push(cyclic);
      const reply = await within(5000, rawRequest(emulator.url, { method: "GET", target: "/__emulator/requests" }));
      expect(reply.status).toBe(500);
      (emulator.requests as unknown[]).length = 0;
      expect((await rawRequest(emulator.url, { method: "GET", target: "/__emulator/requests" })).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

/** Sends a real request for the first and last few, and records the rest directly (same shape). */
async function rawRequestOrRecord(url: string, i: number, log: RecordedRequest[]) {
  if (i < 3 || i > 10_000) {
    await rawRequest(url, { method: "GET", target: `${api}/${i}` });
  } else {
    log.push({ at: i, method: "GET", path: `${api}/${i}`, status: 400, code: 99991661 });
  }
}

describe("admin routes refuse what a web page could send", () => {
  let setup: Awaited<ReturnType<typeof emulatorWithCredentials>>;
  let id: string;
  beforeEach(async () => {
    setup = await emulatorWithCredentials();
    const created = await postCampaign(setup.emulator.url, setup.authHeaders, {
      job_name: "x",
      push_content: '{"elements":[]}',
      push_type: 0,
      push_scope_type: 0,
    });
    id = (created.json as { data: { notification_id: string } }).data.notification_id;
  });
  afterEach(() => setup.emulator.close());
  const status = () => setup.emulator.notifications()[0].status;
  const post = (headers: Record<string, string>) =>
    rawRequest(setup.emulator.url, {
      method: "POST",
      target: `/__emulator/notifications/${id}/status`,
      headers,
      body: '{"status":6}',
    });

  it("refuses a Host that is not a loopback name (DNS rebinding): 403", async () => {
    const port = new URL(setup.emulator.url).port;
    const reply = await post({ Host: `attacker.example:${port}`, "Content-Type": "application/json" });
    expect([reply.status, reply.json?.error]).toEqual([403, expect.stringMatching(/Host/)]);
    expect(status()).toBe(0);
  });

  it("refuses any request with an Origin header: 403", async () => {
    const reply = await post({ Origin: "http://attacker.example", "Content-Type": "application/json" });
    expect([reply.status, reply.json?.error]).toEqual([403, expect.stringMatching(/Origin/)]);
    const get = await rawRequest(setup.emulator.url, {
      method: "GET",
      target: "/__emulator/notifications",
      headers: { Origin: "null" },
    });
    expect(get.status).toBe(403);
    expect(status()).toBe(0);
  });

  it("refuses a POST body not declared as JSON (text/plain, a form, none): 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
      const reply = await post(type ? { "Content-Type": type } : {});
      expect([type, reply.status]).toEqual([type, 415]);
    }
    expect(status()).toBe(0);
  });

  it("answers the review's curl only with a loopback Host and a JSON content type", async () => {
    for (const host of ["127.0.0.1", "localhost", "[::1]"]) {
      const port = new URL(setup.emulator.url).port;
      for (const h of [host, `${host}:${port}`]) {
        const reply = await post({ Host: h, "Content-Type": "application/json; charset=utf-8" });
        expect([h, reply.status]).toEqual([h, 200]);
      }
    }
    expect(status()).toBe(6);
  });

  it("lets any Host in with allowRemoteAdmin, but still refuses Origin", async () => {
    const { emulator } = await emulatorWithCredentials({ allowRemoteAdmin: true });
    try {
      const list = (headers: Record<string, string>) =>
        rawRequest(emulator.url, { method: "GET", target: "/__emulator/notifications", headers });
      expect((await list({ Host: "emulator.internal:1" })).status).toBe(200);
      expect((await list({ Host: "emulator.internal:1", Origin: "http://x" })).status).toBe(403);
    } finally {
      await emulator.close();
    }
  });
});

describe("request targets and slow clients", () => {
  it("reads a target starting with // as a path, not a host", async () => {
    const { emulator, authHeaders } = await emulatorWithCredentials();
    try {
      await rawRequest(emulator.url, { method: "GET", target: `/${api}/1`, headers: authHeaders });
      expect(emulator.requests.at(-1)?.path).toBe(`/${api}/1`);
    } finally {
      await emulator.close();
    }
  });

  it("closes a request whose body never ends once requestTimeoutMs has passed", async () => {
    const { emulator } = await emulatorWithCredentials({ requestTimeoutMs: 400 });
    try {
      const { hostname, port } = new URL(emulator.url);
      const started = Date.now();
      const answer = await within(
        5000,
        new Promise<string>((resolve) => {
          const socket = net.connect(Number(port), hostname, () => {
            socket.write(`POST ${api} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"a":`);
          });
          let text = "";
          socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
          socket.on("close", () => resolve(text));
          socket.on("error", () => undefined);
        }),
      );
      expect(answer.startsWith("HTTP/1.1 408")).toBe(true);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await emulator.close();
    }
  });
});
