import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fetch from "node-fetch";
import { startEmulator } from "../../emulator";
import { randomCredentials } from "../harness/feishu-fixture";
import type { JsonReply } from "./raw-http";

const credentials = randomCredentials();
const helpdesk = Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString("base64");
const body = {
  job_name: "Emulator test",
  push_content: '{"elements":[]}',
  push_type: 0,
  push_scope_type: 0,
};

async function call(url: string, method: string, route: string, headers: Record<string, string>, payload?: unknown) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  return {
    status: response.status,
    logId: response.headers.get("x-tt-logid"),
    body: (await response.json()) as JsonReply,
  };
}

const auth = (helpdeskHeader: string) => ({
  Authorization: `Bearer ${credentials.userAccessTokens[0]}`,
  "X-Lark-Helpdesk-Authorization": helpdeskHeader,
});

describe("emulator", () => {
  it("accepts the helpdesk header with and without `Bearer `, and refuses a wrong or missing one", async () => {
    const emulator = await startEmulator({ credentials });
    try {
      const plain = await call(emulator.url, "POST", "/open-apis/helpdesk/v1/notifications", auth(helpdesk), body);
      const bearer = await call(
        emulator.url,
        "POST",
        "/open-apis/helpdesk/v1/notifications",
        auth(`Bearer ${helpdesk}`),
        body,
      );
      expect([plain.body.code, bearer.body.code]).toEqual([0, 0]);
      expect(plain.logId).toBeTruthy();
      const wrong = await call(
        emulator.url,
        "POST",
        "/open-apis/helpdesk/v1/notifications",
        auth("bm9wZTpub3Bl"),
        body,
      );
      expect([wrong.status, wrong.body.code]).toEqual([401, 154001]);
      const noToken = await call(
        emulator.url,
        "POST",
        "/open-apis/helpdesk/v1/notifications",
        { "X-Lark-Helpdesk-Authorization": helpdesk },
        body,
      );
      expect(noToken.body.code).toBe(99991661);
      const badToken = await call(emulator.url, "GET", "/open-apis/helpdesk/v1/notifications/1", {
        ...auth(helpdesk),
        Authorization: "Bearer u-unknown",
      });
      expect([badToken.status, badToken.body.code]).toEqual([401, 99991663]);
    } finally {
      await emulator.close();
    }
  });

  it.each([
    ["a missing job_name", { ...body, job_name: undefined }],
    ["push_content that is not a JSON object", { ...body, push_content: "[]" }],
    ["push_type 0 with push_scope_type 3", { ...body, push_scope_type: 3 }],
    [
      "push_type 1 with push_scope_type 2",
      { ...body, push_type: 1, push_scope_type: 2, new_staff_scope_type: 0, user_list: [{ user_id: "u" }] },
    ],
    ["push_type 1 without new_staff_scope_type", { ...body, push_type: 1, push_scope_type: 3 }],
    [
      "new_staff_scope_type 1 without departments",
      { ...body, push_type: 1, push_scope_type: 3, new_staff_scope_type: 1 },
    ],
    ["push_scope_type 0 with users", { ...body, user_list: [{ user_id: "u" }] }],
    ["push_scope_type 1 without chats", { ...body, push_scope_type: 1 }],
    ["push_scope_type 2 without users or departments", { ...body, push_scope_type: 2 }],
  ])("answers 400 / 154000 to %s", async (_, invalid) => {
    const emulator = await startEmulator({ credentials });
    try {
      const reply = await call(emulator.url, "POST", "/open-apis/helpdesk/v1/notifications", auth(helpdesk), invalid);
      expect([reply.status, reply.body.code, reply.body.msg]).toEqual([
        400,
        154000,
        "Bad request, please check your request body",
      ]);
      expect(emulator.notifications()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("keeps campaigns in its data file across restarts, written atomically", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-"));
    const dataFile = path.join(dir, "data.json");
    const first = await startEmulator({ credentials, dataFile });
    const created = await call(first.url, "POST", "/open-apis/helpdesk/v1/notifications", auth(helpdesk), body);
    await first.close();
    expect(fs.readdirSync(dir)).toEqual(["data.json"]);

    const second = await startEmulator({ credentials, dataFile });
    try {
      const id = created.body.data.notification_id;
      const read = await call(second.url, "GET", `/open-apis/helpdesk/v1/notifications/${id}`, auth(helpdesk));
      expect(read.body.data.notification).toMatchObject({ id, job_name: "Emulator test", status: 0 });
    } finally {
      await second.close();
      fs.rmSync(dir, { recursive: true });
    }
  });

  it("moves a campaign past draft through its admin route, after which PATCH is refused", async () => {
    const emulator = await startEmulator({ credentials });
    try {
      const created = await call(emulator.url, "POST", "/open-apis/helpdesk/v1/notifications", auth(helpdesk), body);
      const id = created.body.data.notification_id;
      const moved = await call(emulator.url, "POST", `/__emulator/notifications/${id}/status`, {}, { status: 1 });
      expect(moved.body.notification.status).toBe(1);
      const patch = await call(
        emulator.url,
        "PATCH",
        `/open-apis/helpdesk/v1/notifications/${id}`,
        auth(helpdesk),
        body,
      );
      expect([patch.status, patch.body.code]).toEqual([405, 154005]);
      const log = await call(emulator.url, "GET", "/__emulator/requests", {});
      expect(log.body.requests.map((r: { method: string }) => r.method)).toEqual(["POST", "PATCH"]);
    } finally {
      await emulator.close();
    }
  });

  it("runs as the feishu-helpdesk-emulator command and prints its base URL when ready", async () => {
    const cli = path.join(__dirname, "..", "..", "dist", "emulator", "cli.js");
    const child = spawn(process.execPath, [cli, "--port", "0"], {
      env: {
        ...process.env,
        FEISHU_EMULATOR_HELPDESK_ID: credentials.helpdeskId,
        FEISHU_EMULATOR_HELPDESK_TOKEN: credentials.helpdeskToken,
        FEISHU_EMULATOR_USER_TOKENS: credentials.userAccessTokens[0],
      },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n")[0]));
        child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const created = await call(url, "POST", "/open-apis/helpdesk/v1/notifications", auth(helpdesk), body);
      expect(created.body.code).toBe(0);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
