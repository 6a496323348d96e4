import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { PulumiProject } from "../harness/pulumi-project";

const repoRoot = path.join(__dirname, "..", "..");
const peerRange: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).peerDependencies[
  "@pulumi/pulumi"
];

/** The runtimes users have: the SDK this package is developed with, the lowest it declares, and the newest. */
const runtimes = [
  { name: "Node 20, @pulumi/pulumi 3.248.0 (developed with)", node: "20", sdk: "3.248.0" },
  {
    name: "Node 20, the lowest @pulumi/pulumi the peer range allows",
    node: "20",
    sdk: peerRange.match(/>=\s*([\d.]+)/)![1],
  },
  // The newest SDK on the registry when this was written; it needs Node 22.
  { name: "Node 22, the newest @pulumi/pulumi", node: "22", sdk: "3.276.0" },
];

/** The folder holding `node` for a runtime: this process's for Node 20, scripts/ensure-node22's for 22. */
function nodeFolder(major: string): string {
  if (process.version.startsWith(`v${major}.`)) return path.dirname(process.execPath);
  return execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-node22")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

const program = `
import * as pulumi from "@pulumi/pulumi";
import { HelpdeskNotification } from "pulumi-feishu-helpdesk";

const config = new pulumi.Config();
const reason = config.get("reason");
const reminder = new HelpdeskNotification("reminder", {
  jobName: "Runtime check",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a"],
  pushContent: { elements: [{ tag: "div", text: { tag: "lark_md", content: "Hello" } }] },
  approval: reason === undefined ? undefined : { reason },
  sendAt: config.get("sendAt"),
});
export const stage = reminder.stage;
export const runtime = process.version;
`;

// What a user gets from npm: the packed tarball, installed into an empty folder outside the repo
// beside its own Pulumi program, on each runtime: the engine runs it (the __provider requires it
// there), through a campaign's whole lifecycle.
describe.each(runtimes)("the npm tarball in a separate project: $name", ({ node, sdk }) => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let work: string;
  const credentials = randomCredentials();

  beforeAll(async () => {
    if (!fs.existsSync(path.join(repoRoot, "dist", "provider", "index.js"))) {
      throw new Error("dist/ is missing: run `npm run build` (bash scripts/test does) before this test.");
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-helpdesk-tarball-"));
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], {
      cwd: repoRoot,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop()!;
    const dir = path.join(work, "program");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: from-tarball\nruntime: nodejs\n");
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({
        name: "from-tarball",
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": sdk, "pulumi-feishu-helpdesk": `file:../${tarball}` },
      }),
    );
    fs.writeFileSync(path.join(dir, "index.ts"), program);
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      stdio: "inherit",
    });
    expect(fs.lstatSync(path.join(dir, "node_modules", "pulumi-feishu-helpdesk")).isSymbolicLink()).toBe(false);
    expect(
      JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")),
    ).toMatchObject({ version: sdk });

    emulator = await startEmulator({ credentials, autoApprove: true });
    const engine = process.env.PULUMI_FEISHU_ENGINE_BIN!;
    // The engine first, then this runtime's node, for the language host and the dynamic provider alike.
    project = await PulumiProject.at(dir, { PATH: [engine, nodeFolder(node), process.env.PATH].join(path.delimiter) });
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("previews, creates, submits and schedules, refreshes, and cancels the send on destroy", async () => {
    const preview = await project.ok(["preview"]);
    expect(preview.output).toMatch(/\+ .*HelpdeskNotification reminder create/);
    expect(emulator.notifications()).toEqual([]);

    await project.up();
    expect(emulator.notifications()).toEqual([expect.objectContaining({ job_name: "Runtime check", status: 0 })]);
    expect(await project.outputs()).toMatchObject({ stage: "draft", runtime: expect.stringMatching(`^v${node}\\.`) });

    await project.setConfig("reason", "runtime check");
    await project.setConfig("sendAt", String(Date.now() + 24 * 3600 * 1000));
    emulator.clearRequests();
    await project.up();
    const lifecycle = () => emulator.requests.map((r) => `${r.method} ${r.path.replace(/\d{10,}/, ":id")}`);
    expect(lifecycle()).toEqual(
      expect.arrayContaining([
        "POST /open-apis/helpdesk/v1/notifications/:id/submit_approve",
        "POST /open-apis/helpdesk/v1/notifications/:id/execute_send",
      ]),
    );
    await project.refresh();
    expect((await project.outputs()).stage).toBe("scheduled");
    expect((await project.preview()).code).toBe(0);

    emulator.clearRequests();
    await project.destroy();
    expect(lifecycle()).toContain("POST /open-apis/helpdesk/v1/notifications/:id/cancel_send");
  });
});
