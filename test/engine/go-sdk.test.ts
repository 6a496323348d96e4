import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials, secretValues } from "../harness/feishu-fixture";
import { type GeneratedSdks, generateSdks, requireTool } from "../harness/generated-sdks";

const run = promisify(execFile);
const repoRoot = path.join(__dirname, "..", "..");
const version: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
const sdkModule = "github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk/sdk";
// As scripts/ensure-pulumi builds: every module is pinned in go.sum, so no checksum database.
const goEnv = { ...process.env, GOFLAGS: "-mod=readonly -buildvcs=false" };

// The Go side of the native plugin: the generated Go SDK compiles, and a Go program (the
// Automation API's inline program, which hosts the Go language runtime in-process, so no
// pulumi-language-go) creates a campaign through the installed plugin and destroys it.
describe("the generated Go SDK", () => {
  const credentials = randomCredentials();
  let sdks: GeneratedSdks;
  let emulator: RunningEmulator;
  let runDir: string;
  let program: string;
  let home: string;

  beforeAll(async () => {
    requireTool("go", "install Go 1.25.11 or later (https://go.dev/dl/); scripts/ensure-pulumi needs it too");
    sdks = await generateSdks(["go"], "go-sdk");
    console.log(sdks.report);
    runDir = path.join(sdks.dir, "run");
    program = path.join(runDir, "program");
    home = path.join(runDir, "state", "home");
    fs.cpSync(path.join(repoRoot, "test", "programs", "go-inline"), program, { recursive: true });
    // The program's go.mod points at sdk/; this copy at the SDK generated for this test.
    await run("go", ["mod", "edit", `-replace=${sdkModule}=${sdks.dir}`], { cwd: program, env: goEnv });
    emulator = await startEmulator({ credentials });
  });
  afterAll(async () => {
    await emulator?.close();
    if (sdks) fs.rmSync(sdks.dir, { recursive: true, force: true });
  });

  it("builds, with the program that uses it (go build)", async () => {
    const started = Date.now();
    await run("go", ["build", `${sdkModule}/go/feishuhelpdesk/...`], { cwd: program, env: goEnv });
    await run("go", ["build", "-o", path.join(runDir, "go-inline"), "."], { cwd: program, env: goEnv });
    console.log(`go build of the Go SDK and the inline program: ${Date.now() - started} ms`);
  }, 900_000);

  it("creates a campaign through the installed plugin and destroys it, from a Go inline program", async () => {
    const engine = process.env.PULUMI_FEISHU_ENGINE_BIN!;
    // The plugin as a user installs it: the archive of `npm run build:plugin`, into PULUMI_HOME.
    const buildPlugin = path.join(repoRoot, "scripts", "build-plugin");
    if (!fs.existsSync(buildPlugin)) {
      throw new Error("scripts/build-plugin is missing: this test installs the native plugin from its archive");
    }
    const built = await run("bash", [buildPlugin], { cwd: repoRoot, env: { ...process.env, PLUGIN_OUT: runDir } });
    const archive = built.stdout.trim().split("\n").pop()!.split(" ")[0];
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(FEISHU|PULUMI)_/.test(k))),
      PATH: `${engine}${path.delimiter}${process.env.PATH}`,
      PULUMI_HOME: home,
      PULUMI_SKIP_UPDATE_CHECK: "true",
    };
    await run("pulumi", ["plugin", "install", "resource", "feishu-helpdesk", version, "--file", archive], { env });

    const started = Date.now();
    const settings = {
      stateDir: path.dirname(home),
      baseUrl: emulator.url,
      helpdeskId: credentials.helpdeskId,
      helpdeskToken: credentials.helpdeskToken,
      appId: credentials.appId,
      appSecret: credentials.appSecret,
      user: "ou_go_inline",
    };
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      const child = execFile(path.join(runDir, "go-inline"), [], { env, maxBuffer: 16 * 1024 * 1024 }, (e, out, err) =>
        e ? reject(new Error(`go-inline failed:\n${out}\n${err}`)) : resolve({ stdout: out, stderr: err }),
      );
      child.stdin!.end(JSON.stringify(settings));
    });
    console.log(`go-inline (${Date.now() - started} ms):\n${stdout}`);

    const [campaign] = emulator.notifications();
    expect(stdout).toMatch(
      /^up: 2 create; notificationId=\d+ stage=submitted jobName="Go SDK: VPN client upgrade reminder"$/m,
    );
    expect(stdout).toContain(`notificationId=${campaign.id} `);
    expect(stdout).toMatch(/^destroy: 2 delete$/m);
    // Create (a draft, then submitted for review), then removal with onDelete "cancel": the
    // review is withdrawn. Reads left out: how many there are is the provider's business.
    const calls = emulator.requests
      .filter((r) => r.method !== "GET" && r.path.includes("/helpdesk/"))
      .map((r) => `${r.method} ${r.path.replace(campaign.id, ":id")}`);
    expect(calls).toEqual([
      "POST /open-apis/helpdesk/v1/notifications",
      "POST /open-apis/helpdesk/v1/notifications/:id/submit_approve",
      "POST /open-apis/helpdesk/v1/notifications/:id/cancel_approve",
    ]);
    expect(campaign).toMatchObject({ job_name: "Go SDK: VPN client upgrade reminder", status: 0 });
    for (const secret of secretValues(credentials)) expect(stdout + stderr).not.toContain(secret);
  }, 300_000);
});
