import { type ChildProcess, execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The repo: the nearest folder above `from` whose package.json is this package's (copies live
 * elsewhere, and the benchmarks run compiled under .pulumi-local/bench-dist).
 */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "pulumi-feishu-helpdesk")
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pulumi-feishu-helpdesk package.json above ${from}`);
  }
}

const repoRoot = findRepoRoot(__dirname);

/** What one CLI run printed. */
export interface PulumiRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for assertions on the whole engine output. */
  readonly output: string;
}

/**
 * A copy of a program from test/programs (or examples/) with its own stack, local file backend
 * and PULUMI_HOME, driven through the real `pulumi` CLI. The copy lives inside the repo so that
 * it resolves `@pulumi/pulumi` and `pulumi-feishu-helpdesk` from the repo's node_modules.
 */
export class PulumiProject {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;
  /** Every run's output, so tests can check that no secret was ever printed. */
  readonly transcript: string[] = [];

  private constructor(dir: string, env: NodeJS.ProcessEnv) {
    this.dir = dir;
    this.env = env;
  }

  /** Copies `program` (a folder under the repo) and creates a stack `test` for it. */
  static async create(program: string, extraEnv: Record<string, string> = {}): Promise<PulumiProject> {
    const base = path.join(
      repoRoot,
      ".pulumi-local",
      "test-runs",
      `${path.basename(program)}-${randomBytes(4).toString("hex")}`,
    );
    const dir = path.join(base, "program");
    const from = path.join(repoRoot, program);
    fs.cpSync(from, dir, {
      recursive: true,
      // Not the program's installed modules nor its stack settings: a clean copy, as in a fresh clone.
      filter: (source) => {
        const relative = path.relative(from, source);
        return !relative.split(path.sep).includes("node_modules") && !/^Pulumi\.[^/]+\.yaml$/.test(relative);
      },
    });
    return PulumiProject.at(dir, extraEnv);
  }

  /**
   * Uses the program in `dir` where it is (for example one installed from the npm tarball),
   * with its backend and PULUMI_HOME beside it, and creates a stack `test` for it.
   */
  static async at(dir: string, extraEnv: Record<string, string> = {}): Promise<PulumiProject> {
    const bin = process.env.PULUMI_FEISHU_ENGINE_BIN;
    if (!bin) throw new Error("PULUMI_FEISHU_ENGINE_BIN is not set: run the tests with `bash scripts/test`.");
    const base = path.dirname(dir);
    fs.mkdirSync(path.join(base, "backend"), { recursive: true });
    fs.mkdirSync(path.join(base, "home"), { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(process.env),
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      PULUMI_HOME: path.join(base, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(base, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
      ...extraEnv,
    };
    const project = new PulumiProject(dir, env);
    await project.ok(["stack", "init", "test"]);
    return project;
  }

  /** Runs `pulumi <args>` in the program's folder; never throws for a non-zero exit. */
  run(args: readonly string[]): Promise<PulumiRun> {
    return this.start(args).done;
  }

  /**
   * Starts `pulumi <args>` and returns at once: the process, to signal it as a CI runner would
   * (`child.kill("SIGTERM")` reaches `pulumi` alone, as `timeout` sends it), and its outcome.
   */
  start(args: readonly string[]): { readonly child: ChildProcess; readonly done: Promise<PulumiRun> } {
    return this.exec("pulumi", [...args, "--non-interactive"], this.env);
  }

  /**
   * Runs a bash script in the program's folder, as a CI job would (`bash -eo pipefail`), with the
   * project's environment (engine on PATH, backend, PULUMI_HOME) under `env`; never throws.
   */
  shell(script: string, env: Record<string, string> = {}): Promise<PulumiRun> {
    return this.exec("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { ...this.env, ...env }).done;
  }

  /** Runs a command in the program's folder, keeping its output in the transcript. */
  private exec(
    file: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
  ): { readonly child: ChildProcess; readonly done: Promise<PulumiRun> } {
    let child!: ChildProcess;
    const done = new Promise<PulumiRun>((resolve) => {
      child = execFile(file, args, { cwd: this.dir, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const run = { code, stdout, stderr, output: `${stdout}\n${stderr}` };
        this.transcript.push(run.output);
        resolve(run);
      });
    });
    return { child, done };
  }

  /** The project's file backend, as `PULUMI_BACKEND_URL` gives it. */
  get backendUrl(): string {
    return String(this.env.PULUMI_BACKEND_URL);
  }

  /** Runs `pulumi <args>` and throws, with the output, unless it succeeds. */
  async ok(args: readonly string[]): Promise<PulumiRun> {
    const run = await this.run(args);
    if (run.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${run.code}:\n${run.output}`);
    return run;
  }

  /** Sets a config value; `secret` stores it encrypted. */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.ok(["config", "set", key, value, ...(secret ? ["--secret"] : ["--plaintext"])]);
  }

  /**
   * Installs a plugin archive into this project's own PULUMI_HOME, as a user would
   * (`pulumi plugin install resource <name> <version> --file <archive>`): no PATH involved.
   */
  async installPlugin(name: string, version: string, archive: string): Promise<PulumiRun> {
    return this.ok(["plugin", "install", "resource", name, version, "--file", archive]);
  }

  /** Sets the program's `campaigns` config object. */
  async setCampaigns(campaigns: Record<string, unknown>): Promise<void> {
    await this.setConfig("campaigns", JSON.stringify(campaigns));
  }

  up = () => this.ok(["up", "--yes", "--skip-preview"]);
  preview = () => this.run(["preview", "--expect-no-changes"]);
  refresh = () => this.ok(["refresh", "--yes", "--skip-preview"]);
  destroy = () => this.ok(["destroy", "--yes", "--skip-preview"]);

  /** `pulumi stack export`, parsed, and as text. */
  async exportStack(): Promise<{ readonly text: string; readonly deployment: StackDeployment }> {
    const run = await this.ok(["stack", "export"]);
    return { text: run.stdout, deployment: JSON.parse(run.stdout).deployment as StackDeployment };
  }

  /** The stack outputs, parsed. */
  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.ok(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
  }

  /** The state's HelpdeskNotification resources (the dynamic ones; or, with `type`, of that type). */
  async notificationsInState(
    type = "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification",
  ): Promise<StateResource[]> {
    const { deployment } = await this.exportStack();
    return (deployment.resources ?? []).filter((r) => r.type === type);
  }

  /** Removes the stack and the copy. */
  async dispose(): Promise<void> {
    await this.run(["stack", "rm", "--yes", "--force"]);
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

/** A resource in `pulumi stack export`. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

/** The `deployment` of `pulumi stack export`. */
export interface StackDeployment {
  readonly resources?: StateResource[];
}

// Credentials of the shell running the tests must not leak into test stacks.
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith("FEISHU_") && !key.startsWith("PULUMI_")),
  );
}
