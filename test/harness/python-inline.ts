import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EmulatorCredentials } from "../../emulator";
import { findRepoRoot, type PulumiRun, type StateResource } from "./pulumi-project";
import { pythonEnv, venvPython } from "./python-venv";

const repoRoot = findRepoRoot(__dirname);
const programDir = path.join(repoRoot, "test", "programs", "python-inline");

/**
 * A stack driven from Python (test/programs/python-inline/parity_step.py: the Automation API, an
 * inline program with the generated SDK), one process per step, with the same verbs as
 * PulumiProject's, so the parity test can run the same steps on it. The plugin is installed from
 * its archive into the stack's own PULUMI_HOME.
 */
export class PythonInlineStack {
  /** Every step's output, so tests can check that no secret was ever printed. */
  readonly transcript: string[] = [];
  private campaigns: Record<string, unknown> = {};

  private constructor(
    private readonly stateDir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly settings: Record<string, unknown>,
  ) {}

  /** A stack `dev` against `baseUrl`, with the plugin installed from `archive` and the settings as config. */
  static async create(
    archive: string,
    version: string,
    baseUrl: string,
    credentials: EmulatorCredentials,
  ): Promise<PythonInlineStack> {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-python-parity-"));
    const env = pythonEnv(stateDir);
    const first = { baseUrl, ...credentials };
    const stack = new PythonInlineStack(stateDir, env, { stateDir, first });
    await stack.exec("pulumi", ["plugin", "install", "resource", "feishu-helpdesk", version, "--file", archive]);
    await stack.ok("init");
    return stack;
  }

  /** What the next steps' program declares (name → the other sides' camelCase args). */
  declare(campaigns: Record<string, unknown>): void {
    this.campaigns = campaigns;
  }

  /** Runs one step; never throws for a failed step. */
  async step(op: string): Promise<PulumiRun> {
    const input = JSON.stringify({ ...this.settings, campaigns: this.campaigns, op });
    const { stdout, stderr } = await this.exec(venvPython(), [path.join(programDir, "parity_step.py")], input);
    const { code, output } = JSON.parse(stdout.trim().split("\n").pop()!) as { code: number; output: string };
    const run = { code, stdout: output, stderr, output: `${output}\n${stderr}` };
    this.transcript.push(run.output);
    return run;
  }

  /** Runs one step and throws, with the output, unless it succeeds. */
  async ok(op: string): Promise<PulumiRun> {
    const run = await this.step(op);
    if (run.code !== 0) throw new Error(`parity_step.py ${op} failed:\n${run.output}`);
    return run;
  }

  /** The state's resources of `type`. */
  async notificationsInState(type: string): Promise<StateResource[]> {
    const { resources } = JSON.parse((await this.ok("export")).stdout) as { resources?: StateResource[] };
    return (resources ?? []).filter((r) => r.type === type);
  }

  async dispose(): Promise<void> {
    await this.step("remove");
    fs.rmSync(this.stateDir, { recursive: true, force: true });
  }

  private exec(file: string, args: readonly string[], input = ""): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        file,
        args,
        { cwd: programDir, env: this.env, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`${file} ${args.join(" ")} failed:\n${stdout}\n${stderr}`))
            : resolve({ stdout, stderr }),
      );
      child.stdin!.end(input);
    });
  }
}
