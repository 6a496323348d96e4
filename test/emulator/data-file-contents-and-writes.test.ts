import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DataFileError, EmulatorStatus, ManualClock, startEmulator } from "../../emulator";
import { FeishuErrorCode } from "../../provider/client/api/error-codes";
import { draftBody, emulatorWithCredentials, notificationsApi as api, postCampaign, rawRequest } from "./raw-http";

// The emulator's data file: what it accepts, and when (and whether) it is written.

const campaign = (id: string) => ({
  id,
  status: 0,
  job_name: "a",
  push_content: "{}",
  push_type: 0,
  push_scope_type: 0,
});

let dir: string;
let dataFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-review-"));
  dataFile = path.join(dir, "data.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The data file's inode and text: every write renames a new file over it, so the inode changes. */
const fileState = () => ({ ino: fs.statSync(dataFile).ino, text: fs.readFileSync(dataFile, "utf8") });

describe("writes of the data file", () => {
  it("does not write on previews, API reads or admin lists", async () => {
    const { emulator, authHeaders } = await emulatorWithCredentials({ dataFile, rateLimits: false });
    try {
      const created = await postCampaign(emulator.url, authHeaders);
      const id = (created.json as { data: { notification_id: string } }).data.notification_id;
      const before = fileState();
      for (let i = 0; i < 5; i++) {
        const preview = await rawRequest(emulator.url, {
          method: "POST",
          target: `${api}/${id}/preview`,
          headers: authHeaders,
          body: "{}",
        });
        expect(preview.json?.code).toBe(0);
        await rawRequest(emulator.url, { method: "GET", target: `${api}/${id}`, headers: authHeaders });
        await rawRequest(emulator.url, { method: "GET", target: "/__emulator/notifications" });
      }
      expect(fileState()).toEqual(before);
      expect(emulator.extras(id).previews).toBe(5);
      // The preview count is written with the next real change.
      emulator.setStatus(id, EmulatorStatus.inReview);
      expect(JSON.parse(fs.readFileSync(dataFile, "utf8")).campaigns[0].extras.previews).toBe(5);
    } finally {
      await emulator.close();
    }
  });

  it("moves a scheduled campaign to sent on reads, writing nothing; a restart derives the same", async () => {
    const clock = new ManualClock({ start: Date.parse("2026-11-22T00:00:00Z") });
    const sendAt = clock.now() + 1000;
    fs.writeFileSync(
      dataFile,
      JSON.stringify({
        version: 2,
        sequence: 1,
        campaigns: [
          {
            notification: {
              ...campaign("7000000000000000001"),
              status: 3,
              send_at: String(sendAt),
              target_user_count: 10,
            },
            extras: { delivered: 0, recalled: false, previews: 0 },
          },
        ],
        messages: [],
        openTickets: [],
      }),
    );
    const { emulator } = await emulatorWithCredentials({ dataFile, clock, sendDurationMs: 2000 });
    const before = fileState();
    try {
      clock.advance(2000);
      expect(emulator.notifications()[0]).toMatchObject({ status: EmulatorStatus.sending, sent_user_count: 5 });
      expect((await rawRequest(emulator.url, { method: "GET", target: "/__emulator/notifications" })).status).toBe(200);
      clock.advance(5000);
      expect(emulator.notifications()[0]).toMatchObject({ status: EmulatorStatus.sent, sent_user_count: 10 });
      expect(fileState()).toEqual(before);
    } finally {
      await emulator.close();
    }
    const again = await emulatorWithCredentials({ dataFile, clock, sendDurationMs: 2000 });
    try {
      expect(again.emulator.notifications()[0]).toMatchObject({ status: EmulatorStatus.sent, sent_user_count: 10 });
    } finally {
      await again.emulator.close();
    }
  });
});

describe("a failed write changes nothing", () => {
  it("answers 500 / 155000 and keeps no campaign when the data file has become a directory", async () => {
    const { emulator, authHeaders } = await emulatorWithCredentials({ dataFile });
    try {
      const first = await postCampaign(emulator.url, authHeaders);
      expect(first.json?.code).toBe(0);
      fs.rmSync(dataFile);
      fs.mkdirSync(dataFile);
      const second = await postCampaign(emulator.url, authHeaders);
      expect([second.status, second.json?.code]).toEqual([500, FeishuErrorCode.internalError]);
      expect(emulator.notifications()).toHaveLength(1);
      const list = await rawRequest(emulator.url, { method: "GET", target: "/__emulator/notifications" });
      expect((list.json as unknown as { notifications: unknown[] }).notifications).toHaveLength(1);
      // An admin change and a programmatic one are rolled back too.
      const id = emulator.notifications()[0].id;
      const moved = await rawRequest(emulator.url, {
        method: "POST",
        target: `/__emulator/notifications/${id}/status`,
        headers: { "Content-Type": "application/json" },
        body: '{"status":6}',
      });
      expect(moved.status).toBe(500);
      expect(() => emulator.setStatus(id, 6)).toThrow();
      expect(emulator.notifications()[0].status).toBe(0);
      // Once the file can be written again, so can changes.
      fs.rmdirSync(dataFile);
      const third = await postCampaign(emulator.url, authHeaders);
      expect(third.json?.code).toBe(0);
      expect(emulator.notifications()).toHaveLength(2);
    } finally {
      await emulator.close();
    }
  });
});

describe("what a data file may hold", () => {
  const start = () => startEmulator({ dataFile });

  it("refuses a symbolic link, naming it, and leaves its target's mode alone", async () => {
    const target = path.join(dir, "target.json");
    fs.writeFileSync(
      target,
      JSON.stringify({ version: 2, sequence: 0, campaigns: [], messages: [], openTickets: [] }),
      {
        mode: 0o644,
      },
    );
    fs.chmodSync(target, 0o644);
    fs.symlinkSync(target, dataFile);
    await expect(start()).rejects.toThrow(
      new DataFileError(dataFile, "is a symbolic link; give the path of the file itself"),
    );
    expect(fs.statSync(target).mode & 0o777).toBe(0o644);
    expect(fs.lstatSync(dataFile).isSymbolicLink()).toBe(true);
  });

  it("does not chmod a file that fails validation", async () => {
    fs.writeFileSync(dataFile, '{"version":7}');
    fs.chmodSync(dataFile, 0o644);
    await expect(start()).rejects.toThrow(DataFileError);
    expect(fs.statSync(dataFile).mode & 0o777).toBe(0o644);
  });

  it("refuses duplicate campaign ids", async () => {
    const extras = { delivered: 0, recalled: false, previews: 0 };
    fs.writeFileSync(
      dataFile,
      JSON.stringify({
        version: 2,
        sequence: 0,
        campaigns: [
          { notification: campaign("1"), extras },
          { notification: campaign("1"), extras },
        ],
        messages: [],
        openTickets: [],
      }),
    );
    await expect(start()).rejects.toThrow(/campaign id "1" appears more than once/);
  });

  it("keeps a v1 campaign keyed __proto__, and rewrites a v1 file at start so its tokens leave the disk", async () => {
    fs.writeFileSync(
      dataFile,
      '{"version":1,"notifications":{"__proto__":' +
        JSON.stringify(campaign("x")) +
        '},"tenantTokens":{"t-emu-oldsecret1234":9999999999999}}',
    );
    const emulator = await start();
    try {
      expect(emulator.notifications().map((n) => n.id)).toEqual(["x"]);
      const text = fs.readFileSync(dataFile, "utf8");
      expect(text).not.toContain("t-emu-oldsecret1234");
      expect(JSON.parse(text)).toMatchObject({ version: 2, campaigns: [{ notification: { id: "x" } }] });
      expect(fs.statSync(dataFile).mode & 0o777).toBe(0o600);
    } finally {
      await emulator.close();
    }
  });
});

describe("push_content nesting", () => {
  it("refuses a card nested deeper than maxJsonDepth inside the string: 400 / 154000, nothing stored", async () => {
    const { emulator, authHeaders } = await emulatorWithCredentials();
    try {
      const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
      for (const push_content of [deep, `{"a":${"[".repeat(40)}${"]".repeat(40)}}`]) {
        const reply = await postCampaign(emulator.url, authHeaders, { ...draftBody, push_content });
        expect([reply.status, reply.json?.code]).toEqual([400, FeishuErrorCode.badRequest]);
        expect(emulator.requests.at(-1)?.problem).toMatch(/push_content is nested deeper than 32 levels/);
      }
      expect(emulator.notifications()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
