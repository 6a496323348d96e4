import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

// The README's main job, as written: `bash scripts/demo` starts the emulator, runs `pulumi up` on
// the repository root's project (Pulumi.yaml, whose program is examples/scheduled-campaign),
// prints the outputs, and shows that `pulumi preview` at the root sees no change.
describe("bash scripts/demo", () => {
  const root = path.resolve(__dirname, "..", "..");
  const stack = `demo-test-${randomBytes(4).toString("hex")}`;
  const dir = path.join(root, ".pulumi-local", "test-runs", stack);

  afterAll(() => {
    fs.rmSync(path.join(root, `Pulumi.${stack}.yaml`), { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates the demo campaign at the root project and previews it with no change", async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        "bash",
        ["scripts/demo"],
        {
          cwd: root,
          env: {
            ...process.env,
            FEISHU_DEMO_DIR: dir,
            FEISHU_DEMO_STACK: stack,
            FEISHU_EMULATOR_PORT: "0",
            // The test run has built dist/ and found the engine already (test/harness/global-setup.ts).
            FEISHU_HELPDESK_SETUP_DONE: "1",
          },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect({ code, tail: code === 0 ? "" : output.slice(-3000) }).toEqual({ code: 0, tail: "" });
    expect(output).toContain("feishu-helpdesk-demo"); // the root project's name
    expect(output).toMatch(/console: http:\/\/127\.0\.0\.1:\d+\/ /); // the web console's URL
    expect(output).toMatch(/notificationId\s+\S+/);
    expect(output).toMatch(/Previewing update[\s\S]*2 unchanged/); // the stack and the campaign
    expect(fs.readFileSync(path.join(dir, "emulator.json"), "utf8")).toContain("Q3 VPN client upgrade reminder");
  });
});
