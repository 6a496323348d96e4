import { spawn } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { exposureWarning } from "../../emulator";
import { FeishuErrorCode } from "../../provider/client/api/error-codes";
import { draftBody, emulatorWithCredentials, notificationsApi as api, postCampaign, rawRequest } from "./raw-http";

// Issue 10: requests that used to crash the emulator, pollute Object.prototype or answer 500.
// Each runs against a real emulator over real HTTP, then checks that it still answers.
describe("the emulator against hostile requests", () => {
  let setup: Awaited<ReturnType<typeof emulatorWithCredentials>>;
  beforeEach(async () => {
    setup = await emulatorWithCredentials();
  });
  afterEach(() => setup.emulator.close());
  const alive = async () =>
    expect((await rawRequest(setup.emulator.url, { method: "GET", target: "/__emulator/requests" })).status).toBe(200);

  it.each([
    ["DELETE", "/__emulator/notifications/%E0"],
    ["POST", "/__emulator/notifications/%E0/status"],
    ["POST", "/__emulator/notifications/%E0/approve"],
    ["POST", "/__emulator/tickets/%E0"],
  ])("answers 400 to %s %s (bad percent-encoding in an admin id)", async (method, target) => {
    const reply = await rawRequest(setup.emulator.url, { method, target, body: '{"status":1}' });
    expect([reply.status, reply.json]).toEqual([400, { error: "the path has broken percent-encoding" }]);
    await alive();
  });

  it("answers 400 / 154000 to bad percent-encoding in an API id", async () => {
    const reply = await rawRequest(setup.emulator.url, {
      method: "GET",
      target: `${api}/%E0`,
      headers: setup.authHeaders,
    });
    expect([reply.status, reply.json?.code]).toEqual([400, FeishuErrorCode.badRequest]);
    expect(setup.emulator.requests.at(-1)?.problem).toBe("the path has broken percent-encoding");
  });

  it("answers 400 to an absolute request target with a bad port", async () => {
    const reply = await rawRequest(setup.emulator.url, { method: "GET", target: "http://a:99999/" });
    expect([reply.status, reply.json?.code]).toEqual([400, FeishuErrorCode.badRequest]);
    await alive();
  });

  it("answers 413 in Feishu's envelope to a body over the cap, declared or streamed, and stores nothing", async () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, "a");
    const declared = await rawRequest(setup.emulator.url, {
      method: "POST",
      target: api,
      headers: setup.authHeaders,
      body: big,
    });
    expect([declared.status, declared.json?.code]).toEqual([413, FeishuErrorCode.badRequest]);
    expect(declared.json?.msg).toMatch(/too large/);
    const streamed = await rawRequest(setup.emulator.url, {
      method: "POST",
      target: api,
      headers: { ...setup.authHeaders, "Transfer-Encoding": "chunked" },
      body: big,
    });
    expect(streamed.status).toBe(413);
    expect(setup.emulator.notifications()).toEqual([]);
    await alive();
  });

  it("refuses a body nested 5000 levels deep with 400 / 154000, and keeps saving and listing", async () => {
    const deep = "[".repeat(5000) + '"x"' + "]".repeat(5000);
    const body = JSON.stringify({
      ...draftBody,
      push_scope_type: 2,
      department_list: [{ department_id: "d", deep: 0 }],
    });
    const reply = await rawRequest(setup.emulator.url, {
      method: "POST",
      target: api,
      headers: setup.authHeaders,
      body: body.replace('"deep":0', `"deep":${deep}`),
    });
    expect([reply.status, reply.json?.code]).toEqual([400, FeishuErrorCode.badRequest]);
    expect(setup.emulator.requests.at(-1)?.problem).toBe("the body is nested deeper than 32 levels");
    const list = await rawRequest(setup.emulator.url, { method: "GET", target: "/__emulator/notifications" });
    expect(list.json).toEqual({ notifications: [] });
  });

  it("stores only the documented keys of list items", async () => {
    const body = { ...draftBody, push_scope_type: 2, department_list: [{ department_id: "d", extra: { a: [1] } }] };
    const created = await postCampaign(setup.emulator.url, setup.authHeaders, body);
    expect(created.json?.code).toBe(0);
    expect(setup.emulator.notifications()[0].department_list).toEqual([{ department_id: "d" }]);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "treats a campaign id %s as unknown (404 / 154004) and leaves Object.prototype alone",
    async (id) => {
      for (const [method, target, body] of [
        ["GET", `${api}/${id}`, undefined],
        ["PATCH", `${api}/${id}`, JSON.stringify(draftBody)],
        ["POST", `${api}/${id}/preview`, "{}"],
        ["POST", `${api}/${id}/cancel_send`, '{"is_recall":true}'],
      ] as const) {
        const reply = await rawRequest(setup.emulator.url, { method, target, headers: setup.authHeaders, body });
        expect([method, target, reply.status, reply.json?.code]).toEqual([
          method,
          target,
          404,
          FeishuErrorCode.notFound,
        ]);
      }
      const status = await rawRequest(setup.emulator.url, {
        method: "POST",
        target: `/__emulator/notifications/${id}/status`,
        headers: { "Content-Type": "application/json" },
        body: '{"status":3}',
      });
      expect(status.status).toBe(404);
      expect(setup.emulator.notifications()).toEqual([]);
      expect(Object.prototype).not.toHaveProperty("previews");
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
        Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
      );
      expect(({} as Record<string, unknown>).previews).toBeUndefined();
    },
  );

  it("takes a bot message to a receiver called constructor or __proto__", async () => {
    const headers = await setup.tenantHeaders();
    for (const receiver of ["constructor", "__proto__"]) {
      const reply = await rawRequest(setup.emulator.url, {
        method: "POST",
        target: "/open-apis/helpdesk/v1/message",
        headers,
        body: JSON.stringify({ msg_type: "text", receiver_id: receiver, content: '{"text":"hi"}' }),
      });
      expect([receiver, reply.status, reply.json?.code]).toEqual([receiver, 200, 0]);
    }
    const messages = setup.emulator.botMessages();
    expect(Object.keys(messages).sort()).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).message_id).toBeUndefined();
  });

  it("does not count unauthenticated calls against the app's rate limit", async () => {
    for (let i = 0; i < 12; i++) {
      const stranger = await rawRequest(setup.emulator.url, { method: "POST", target: api, body: "{}" });
      expect(stranger.status).toBe(400); // 99991661: no token
    }
    const created = await postCampaign(setup.emulator.url, setup.authHeaders);
    expect([created.status, created.json?.code]).toEqual([200, 0]);
  });

  it("answers admin routes to loopback peers only unless allowed; warns when listening beyond loopback", async () => {
    // A real non-loopback peer: this machine's own network address, connecting to itself.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (!external) throw new Error("this test needs a non-loopback IPv4 address on the machine");
    // NODE_NO_WARNINGS=1 silences process warnings: the CLI's warning must not depend on them.
    const cli = spawn(process.execPath, [path.join(__dirname, "../../dist/emulator/cli.js"), "--host", external], {
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    });
    try {
      let stderr = "";
      cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        cli.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n")[0]));
        cli.once("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      const admin = await rawRequest(url, { method: "GET", target: "/__emulator/notifications" });
      expect([admin.status, admin.json?.error]).toEqual([403, expect.stringMatching(/loopback peers only/)]);
      for (let i = 0; i < 100 && !/beyond loopback/.test(stderr); i++) await new Promise((r) => setTimeout(r, 20));
      expect(stderr).toMatch(/warning: .*beyond loopback: its admin routes still answer loopback/);
    } finally {
      cli.kill("SIGTERM");
    }
    const { emulator } = await emulatorWithCredentials({ host: external, allowRemoteAdmin: true });
    try {
      expect((await rawRequest(emulator.url, { method: "GET", target: "/__emulator/notifications" })).status).toBe(200);
    } finally {
      await emulator.close();
    }
    expect(exposureWarning("0.0.0.0", true)).toMatch(/answer anyone who can reach it/);
    expect(exposureWarning("127.0.0.1", false)).toBeUndefined();
    expect(exposureWarning("::1", true)).toBeUndefined();
    await alive();
  });
});
