import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { EmulatorStatus, type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials, secretValues } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { pythonEnv, venvPython } from "../harness/python-venv";

const run = promisify(execFile);
const repoRoot = path.join(__dirname, "..", "..");
const programDir = path.join(repoRoot, "test", "programs", "python-inline");

// Python for real: campaigns declared with the generated Python SDK (test/programs/python-inline)
// go through a whole life via the Automation API's inline program (the Python runtime in-process,
// so no pulumi-language-python), the plugin installed from its archive, against two emulators.
describe("the generated Python SDK", () => {
  const first = randomCredentials();
  const second = randomCredentials();
  let emulators: RunningEmulator[];
  let stateDir: string;
  let python: string;

  beforeAll(async () => {
    python = venvPython();
    emulators = [await startEmulator({ credentials: first }), await startEmulator({ credentials: second })];
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-python-"));
  });
  afterAll(async () => {
    for (const emulator of emulators ?? []) await emulator.close();
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it("is the program the README's Python section shows", () => {
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const program = fs.readFileSync(path.join(programDir, "campaigns.py"), "utf8");
    expect(readme).toContain("```python\n" + program + "```");
  });

  it("type-checks the program against the SDK (mypy --strict)", async () => {
    // Its cache outside the program's folder, so the run leaves the checkout as it was.
    const cache = path.join(stateDir, "mypy-cache");
    const { stdout } = await run(python, ["-m", "mypy", "--strict", "--cache-dir", cache, "."], { cwd: programDir });
    console.log(`mypy: ${stdout.trim()}`);
    expect(stdout).toMatch(/^Success: no issues found in \d+ source files$/m);
  });

  it("previews, creates, edits, is refused, refreshes, schedules and destroys, with each onDelete", async () => {
    const env = pythonEnv(stateDir);
    const archive = buildPluginArchive(path.join(stateDir, "plugin"));
    await run("pulumi", ["plugin", "install", "resource", "feishu-helpdesk", pluginVersion, "--file", archive], {
      env,
    });
    const helpdesk = (emulator: RunningEmulator, credentials: typeof first) => ({
      baseUrl: emulator.url,
      helpdeskId: credentials.helpdeskId,
      helpdeskToken: credentials.helpdeskToken,
      appId: credentials.appId,
      appSecret: credentials.appSecret,
    });
    const settings = { stateDir, first: helpdesk(emulators[0], first), second: helpdesk(emulators[1], second) };

    const started = Date.now();
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      const child = execFile(
        python,
        ["run_scenario.py"],
        { cwd: programDir, env, maxBuffer: 64 * 1024 * 1024 },
        (error, out, err) =>
          error ? reject(new Error(`run_scenario.py failed:\n${out}\n${err}`)) : resolve({ stdout: out, stderr: err }),
      );
      child.stdin!.end(JSON.stringify(settings));
    });
    console.log(`run_scenario.py (${Date.now() - started} ms):\n${stdout}`);
    keepTranscript("python-sdk", [stdout, stderr]);

    const ids = new Map(emulators[0].notifications().map((n) => [n.id, n.job_name]));
    const training = [...ids].find(([, name]) => name === "Security training")![0];
    expect(stdout.trim().split("\n")).toEqual([
      "stack dev (file backend, passphrase secrets)",
      "preview: 7 create",
      expect.stringMatching(/^up: 7 create; getNotification: jobName='VPN client upgrade' status=1 id=\d+$/),
      "preview of the draft's edit: 1 update, 6 same",
      "up of the draft's edit: 1 update, 6 same",
      `approved out of band: security-training (${training})`,
      expect.stringContaining(`Cannot update push campaign ${training} ("Security training"): Feishu reports status`),
      expect.stringContaining(`Cannot update push campaign ${training} ("Security training"): Feishu reports status`),
      expect.stringMatching(/^refresh: 7 same; statuses \{.*'security-training': 2, 'vpn-reminder': 1\}$/),
      "up with a send time: 1 update, 6 same",
      "destroy: 7 delete",
      "stack removed",
    ]);

    // Each step's writes, in order, per campaign: the refused edit wrote nothing, and destroy did
    // what each onDelete says (the draft and the retained campaign: no call).
    const writes = (emulator: RunningEmulator) =>
      emulator.requests
        .filter((r) => r.method !== "GET" && r.path.includes("/helpdesk/"))
        .map((r) => `${r.method} ${r.path.replace(/\/notifications\/(\d+)/, (_, id: string) => `/{${ids.get(id)}}`)}`);
    const byCampaign = (calls: string[]) => calls.filter((c) => c.includes("{Security training}"));
    expect(byCampaign(writes(emulators[0]))).toEqual([
      "POST /open-apis/helpdesk/v1/{Security training}/submit_approve",
      "POST /open-apis/helpdesk/v1/{Security training}/execute_send",
      "POST /open-apis/helpdesk/v1/{Security training}/cancel_send",
    ]);
    expect(
      writes(emulators[0])
        .filter((c) => !c.includes("{Security training}"))
        .sort(),
    ).toEqual(
      [
        ...Array(4).fill("POST /open-apis/helpdesk/v1/notifications"),
        "POST /open-apis/helpdesk/v1/{VPN client upgrade}/submit_approve",
        "POST /open-apis/helpdesk/v1/{Office move notice}/submit_approve",
        "PATCH /open-apis/helpdesk/v1/{Onboarding checklist (v2)}",
        "POST /open-apis/helpdesk/v1/{VPN client upgrade}/cancel_approve",
      ].sort(),
    );
    expect(emulators[0].notifications().find((n) => n.id === training)).toMatchObject({
      job_name: "Security training",
    });
    expect(emulators[0].notifications().find((n) => n.job_name === "Office move notice")).toMatchObject({
      status: EmulatorStatus.inReview,
    });
    // The explicit provider's campaign went to the second helpdesk alone.
    expect(emulators[1].notifications().map((n) => n.job_name)).toEqual(["Welcome to the second helpdesk"]);
    for (const secret of [...secretValues(first), ...secretValues(second)])
      expect(stdout + stderr).not.toContain(secret);
  }, 600_000);
});
