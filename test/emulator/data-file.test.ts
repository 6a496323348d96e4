import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DataFileError, startEmulator, validateDataFile } from "../../emulator";
import { draftBody, emulatorWithCredentials, notificationsApi as api, postCampaign, rawRequest } from "./raw-http";

const cliPath = path.join(__dirname, "..", "..", "dist", "emulator", "cli.js");
/** Runs the CLI; resolves with its URL once it listens, or rejects with its stderr if it exits. */
function runCli(args: string[]): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawn(process.execPath, [cliPath, ...args]);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n")[0]));
    child.once("exit", (code) => reject(new Error(`exit ${code}\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

const defaultAuth = {
  Authorization: "Bearer u-emulator-demo-user-token",
  "X-Lark-Helpdesk-Authorization": Buffer.from("emulator-demo-helpdesk:emulator-demo-helpdesk-token").toString(
    "base64",
  ),
};

describe("the emulator's data file", () => {
  let dir: string;
  let dataFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-data-"));
    dataFile = path.join(dir, "data.json");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["truncated JSON", '{"version":1,"notifi', /not JSON/],
    ["notifications: null", '{"version":1,"notifications":null}', /notifications: .*expected record/],
    ["an unknown version", '{"version":9}', /version/],
    [
      "a campaign without an id",
      '{"version":2,"sequence":0,"campaigns":[{"notification":{}}],"messages":[],"openTickets":[]}',
      /campaigns\.0/,
    ],
  ])("refuses %s at start, naming the file, without the usage text", async (_, text, problem) => {
    fs.writeFileSync(dataFile, text);
    await expect(startEmulator({ dataFile })).rejects.toThrow(DataFileError);
    await expect(startEmulator({ dataFile })).rejects.toThrow(new RegExp(`data file ${dataFile}: .*`));
    await expect(startEmulator({ dataFile })).rejects.toThrow(problem);
    const cli = runCli(["--data", dataFile]);
    await expect(cli.url).rejects.toThrow(/exit 2/);
    expect(cli.stderr()).toContain(dataFile);
    expect(cli.stderr()).not.toContain("Usage:");
  });

  it("is private, compact, holds no tenant token, and leaves no temporary file", async () => {
    fs.writeFileSync(`${dataFile}.999999999.tmp`, "left by a killed emulator");
    const { emulator, credentials, authHeaders } = await emulatorWithCredentials({ dataFile });
    try {
      const token = await rawRequest(emulator.url, {
        method: "POST",
        target: "/open-apis/auth/v3/tenant_access_token/internal",
        body: JSON.stringify({ app_id: credentials.appId, app_secret: credentials.appSecret }),
      });
      await postCampaign(emulator.url, authHeaders);
      const text = fs.readFileSync(dataFile, "utf8");
      expect(fs.statSync(dataFile).mode & 0o777).toBe(0o600);
      expect(text).not.toContain("\n");
      expect(text).not.toContain(token.json!.tenant_access_token);
      expect(validateDataFile(JSON.parse(text))).toMatchObject({ data: { version: 2, campaigns: [{}] } });
      expect(fs.readdirSync(dir)).toEqual(["data.json"]);
    } finally {
      await emulator.close();
    }
  });

  it("reads a version 1 file (tokens dropped, made private) and writes it as version 2", async () => {
    const campaign = { id: "7001", status: 0, job_name: "old", push_content: "{}", push_type: 0, push_scope_type: 0 };
    const v1 = { version: 1, notifications: { 7001: campaign }, tenantTokens: { "t-emu-old": 1 }, sequence: 4 };
    fs.writeFileSync(dataFile, JSON.stringify(v1, null, 2), { mode: 0o644 });
    const { emulator, authHeaders } = await emulatorWithCredentials({ dataFile });
    try {
      expect(fs.statSync(dataFile).mode & 0o777).toBe(0o600);
      const read = await rawRequest(emulator.url, { method: "GET", target: `${api}/7001`, headers: authHeaders });
      expect(read.json!.data.notification).toMatchObject(campaign);
      emulator.setStatus("7001", 1);
      expect(JSON.parse(fs.readFileSync(dataFile, "utf8"))).toMatchObject({ version: 2, sequence: 4 });
      expect(fs.readFileSync(dataFile, "utf8")).not.toContain("t-emu-old");
    } finally {
      await emulator.close();
    }
  });

  it("keeps an acknowledged write through kill -9", async () => {
    const first = runCli(["--data", dataFile]);
    const url = await first.url;
    const created = await postCampaign(url, defaultAuth);
    expect(created.json!.code).toBe(0);
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const second = runCli(["--data", dataFile]);
    try {
      const id = created.json!.data.notification_id;
      const read = await rawRequest(await second.url, { method: "GET", target: `${api}/${id}`, headers: defaultAuth });
      expect(read.json!.data.notification).toMatchObject({ id, job_name: draftBody.job_name });
      expect(fs.readdirSync(dir)).toEqual(["data.json"]);
    } finally {
      second.child.kill("SIGTERM");
    }
  });
});

describe("the emulator's --faults", () => {
  it.each([
    ['{"kinds":"internalError"}', /rules: .*expected array/],
    ['{"rules":[{"kinds":"internalError","rate":1}]}', /rules\.0\.kinds: .*expected array/],
    ['{"rules":[{"kinds":["internalErorr"],"rate":1}]}', /rules\.0\.kinds\.0/],
    ['{"rules":[{"kinds":["latency"],"rate":2}]}', /rules\.0\.rate/],
    ["not json", /--faults: /],
  ])("refuses %s, saying what is wrong", async (faults, problem) => {
    const cli = runCli(["--faults", faults]);
    await expect(cli.url).rejects.toThrow(/exit 2/);
    expect(cli.stderr()).toMatch(problem);
  });
});
