import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { PulumiProject } from "../harness/pulumi-project";

const repoRoot = path.join(__dirname, "..", "..");

// What a user gets from npm: the packed tarball, installed into an empty folder outside the
// repo beside its own Pulumi program, works with the engine (the __provider requires it there).
describe("the npm tarball in a separate project", () => {
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
        dependencies: { "@pulumi/pulumi": "3.248.0", "pulumi-feishu-helpdesk": `file:../${tarball}` },
      }),
    );
    fs.copyFileSync(path.join(repoRoot, "examples", "scheduled-campaign", "index.ts"), path.join(dir, "index.ts"));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      stdio: "inherit",
    });
    expect(fs.lstatSync(path.join(dir, "node_modules", "pulumi-feishu-helpdesk")).isSymbolicLink()).toBe(false);

    emulator = await startEmulator({ credentials });
    project = await PulumiProject.at(dir);
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("previews, creates and destroys from the installed tarball", async () => {
    const preview = await project.ok(["preview"]);
    expect(preview.output).toMatch(/\+ .*HelpdeskNotification q3-vpn-reminder create/);
    expect(emulator.notifications()).toEqual([]);
    await project.up();
    expect(emulator.notifications()).toHaveLength(1);
    expect((await project.outputs()).isDraft).toBe(true);
    await project.destroy();
  });
});
