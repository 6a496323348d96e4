import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials, secretValues } from "../harness/feishu-fixture";
import { type GeneratedSdks, generateSdks, requireTool } from "../harness/generated-sdks";
import { buildPluginArchive } from "../harness/plugin-archive";
import { startReleaseMirror } from "../harness/release-mirror";

const run = promisify(execFile);
const repoRoot = path.join(__dirname, "..", "..");
const version: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
const sdkModule = "github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk/sdk";
// As scripts/ensure-pulumi builds: every module is pinned in go.sum, so no checksum database.
const goEnv = { ...process.env, GOFLAGS: "-mod=readonly -buildvcs=false" };

// The Go side of the native plugin: the generated Go SDK compiles, and a Go program (the
// Automation API's inline program, which hosts the Go language runtime in-process, so no
// pulumi-language-go) creates a campaign through the plugin, which the engine downloads and
// installs by itself, and destroys it.
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

  it("installs the plugin by itself (the SDK's pluginDownloadURL), creates a campaign and destroys it", async () => {
    const engine = process.env.PULUMI_FEISHU_ENGINE_BIN!;
    // An empty PULUMI_HOME: the engine downloads the plugin the Go SDK names, from a loopback
    // mirror of the release (PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES), as a user's first run does.
    const assets = path.join(runDir, "release");
    const archive = path.basename(buildPluginArchive(assets));
    const mirror = await startReleaseMirror(assets, version);
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(FEISHU|PULUMI)_/.test(k))),
      PATH: `${engine}${path.delimiter}${process.env.PATH}`,
      PULUMI_HOME: home,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: mirror.overrides,
    };
    expect(fs.existsSync(path.join(home, "plugins"))).toBe(false);

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
    expect(mirror.requests).toContainEqual({ path: `/releases/download/v${version}/${archive}`, status: 200 });
    expect(fs.existsSync(path.join(home, "plugins", `resource-feishu-helpdesk-v${version}`))).toBe(true);
    console.log(
      `the engine's install lines:\n${stderr
        .split("\n")
        .filter((l) => /plugin|download/i.test(l))
        .join("\n")}`,
    );
    await mirror.close();
  }, 300_000);
});
