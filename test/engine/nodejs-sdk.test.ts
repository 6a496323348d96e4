import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials, secretValues } from "../harness/feishu-fixture";
import { buildNodejsSdk, linkNodejsSdk } from "../harness/nodejs-sdk";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";
import { PLUGIN_NOTIFICATION } from "../harness/yaml-program";

const run = promisify(execFile);
const repoRoot = path.join(__dirname, "..", "..");
const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");

// The generated Node.js SDK run for real: a TypeScript program (test/programs/nodejs-sdk) that
// imports @pulumi-feishu-helpdesk/feishu-helpdesk, not the dynamic resource, run by this repo's
// engine and Node.js language host, creates a campaign through the installed plugin and destroys it.
describe("the generated Node.js SDK", () => {
  const credentials = randomCredentials();
  let sdks: Awaited<ReturnType<typeof buildNodejsSdk>>;
  let emulator: RunningEmulator;
  let project: PulumiProject;

  beforeAll(async () => {
    sdks = await buildNodejsSdk("nodejs-sdk");
    console.log(sdks.report);
    project = await PulumiProject.create("test/programs/nodejs-sdk");
    linkNodejsSdk(project.dir, sdks.packageDir);
    await project.installPlugin("feishu-helpdesk", pluginVersion, buildPluginArchive(path.join(sdks.dir, "plugin")));
    emulator = await startEmulator({ credentials });
    await configureStack(project, emulator.url, credentials);
  }, 600_000);
  afterAll(async () => {
    if (project) {
      keepTranscript("nodejs-sdk", project.transcript);
      await project.dispose();
    }
    await emulator?.close();
    if (sdks) fs.rmSync(sdks.dir, { recursive: true, force: true });
  });

  it("type-checks the program against the SDK (tsc --noEmit)", async () => {
    const program = path.join(project.dir, "index.ts");
    await expect(
      run(tsc, ["--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "--types", "node", program], {
        cwd: project.dir,
      }),
    ).resolves.toBeDefined();
  });

  it("creates a campaign through the plugin and destroys it", async () => {
    const up = await project.up();
    expect(up.output).toMatch(/\+ 2 created/);
    const [campaign] = emulator.notifications();
    expect(campaign).toMatchObject({ job_name: "Node.js SDK: password rotation reminder" });
    expect(await project.outputs()).toMatchObject({ notificationId: campaign.id, stage: "submitted" });
    // The state holds the plugin's resource type, not the dynamic resource's.
    expect(await project.notificationsInState(PLUGIN_NOTIFICATION)).toHaveLength(1);

    await project.destroy();
    const calls = emulator.requests
      .filter((r) => r.method !== "GET" && r.path.includes("/helpdesk/"))
      .map((r) => `${r.method} ${r.path.replace(campaign.id, ":id")}`);
    expect(calls).toEqual([
      "POST /open-apis/helpdesk/v1/notifications",
      "POST /open-apis/helpdesk/v1/notifications/:id/submit_approve",
      "POST /open-apis/helpdesk/v1/notifications/:id/cancel_approve",
    ]);
    for (const secret of secretValues(credentials)) expect(project.transcript.join("\n")).not.toContain(secret);
  });
});
