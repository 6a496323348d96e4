import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { emulatedStack } from "../harness/emulated-stack";
import type { PulumiProject, PulumiRun } from "../harness/pulumi-project";

// The pipelines in examples/ci/, run as written against the emulator: every command of the
// preview and up jobs, in order, in a copy of examples/scheduled-campaign. What a runner
// provides is provided here instead: the Pulumi CLI (the engine on PATH) and the installed
// dependencies (the repo's node_modules), so the steps that install them are the only ones left out.
const repo = path.resolve(__dirname, "..", "..");
const github = path.join(repo, "examples", "ci", "github", "feishu-helpdesk.yml");
const gitlab = path.join(repo, "examples", "ci", "gitlab", ".gitlab-ci.yml");
const providedByTheTest = new Set(["install-pulumi", "install-dependencies"]);

interface GitHubStep {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
}
interface GitHubWorkflow {
  readonly env: Record<string, string>;
  readonly jobs: Record<string, { readonly env?: Record<string, string>; readonly steps: GitHubStep[] }>;
}
interface GitLabJob {
  readonly extends?: string;
  readonly script?: string[];
  readonly after_script?: string[];
}

/** `${{ secrets.X }}` and `${{ vars.X }}` from the given tables; any other expression fails the test. */
function evaluate(value: string, context: { secrets: Record<string, string>; vars: Record<string, string> }): string {
  return value.replace(/\$\{\{\s*(secrets|vars)\.(\w+)\s*\}\}/g, (_, table: "secrets" | "vars", name: string) => {
    return context[table][name] ?? "";
  });
}

describe("the CI pipelines in examples/ci", () => {
  const stack = emulatedStack("examples/scheduled-campaign");
  let context: { secrets: Record<string, string>; vars: Record<string, string> };
  let scratch: string;

  beforeAll(async () => {
    const { credentials, emulator, project } = stack;
    // The workflows pass credentials as FEISHU_* variables, not stack config: start from none.
    for (const key of ["baseUrl", "appId", "appSecret", "helpdeskId", "helpdeskToken"]) {
      await project.ok(["config", "rm", `feishu-helpdesk:${key}`]);
    }
    context = {
      secrets: {
        FEISHU_APP_SECRET: credentials.appSecret,
        FEISHU_HELPDESK_TOKEN: credentials.helpdeskToken,
        PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      },
      vars: {
        PULUMI_STACK: "test",
        PULUMI_BACKEND_URL: project.backendUrl,
        FEISHU_BASE_URL: emulator.url,
        FEISHU_APP_ID: credentials.appId,
        FEISHU_HELPDESK_ID: credentials.helpdeskId,
      },
    };
    scratch = fs.mkdtempSync(path.join(project.dir, "..", "runner-"));
  });

  it("the GitHub Actions workflow passes actionlint", () => {
    const actionlint = execFileSync("bash", [path.join(repo, "scripts", "ensure-actionlint")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    // actionlint exits non-zero, printing each finding, on any problem.
    expect(execFileSync(actionlint, ["-no-color", github], { encoding: "utf8" })).toBe("");
  });

  describe("GitHub Actions", () => {
    const workflow = parse(fs.readFileSync(github, "utf8")) as GitHubWorkflow;

    /** Runs a job's `run` steps as written, as the runner would; stops at the first failure. */
    async function runJob(project: PulumiProject, job: string): Promise<PulumiRun[]> {
      const { env = {}, steps } = workflow.jobs[job];
      const jobEnv = Object.fromEntries(
        Object.entries({ ...workflow.env, ...env }).map(([key, value]) => [key, evaluate(String(value), context)]),
      );
      const runnerEnv = {
        GITHUB_STEP_SUMMARY: path.join(scratch, "summary.md"),
        GITHUB_PATH: path.join(scratch, "path"),
        GITHUB_OUTPUT: path.join(scratch, "output"),
      };
      const runs: PulumiRun[] = [];
      for (const step of steps) {
        if (step.run === undefined || providedByTheTest.has(step.id ?? "")) continue;
        // Expressions in scripts are a script-injection risk; the workflow keeps them in env.
        expect(step.run).not.toContain("${{");
        const run = await project.shell(step.run, { ...jobEnv, ...runnerEnv });
        runs.push(run);
        if (run.code !== 0) throw new Error(`step ${step.id ?? step.run} exited ${run.code}:\n${run.output}`);
      }
      return runs;
    }

    it("previews on a pull request (posting the output), applies on main, then previews no change", async () => {
      const { emulator, project } = stack;
      emulator.clearRequests();
      await runJob(project, "preview");
      const comment = fs.readFileSync(path.join(project.dir, "preview.md"), "utf8");
      expect(comment).toContain("`pulumi preview` of stack `test`");
      expect(comment).toMatch(
        /\+ pulumi-nodejs:dynamic\/feishu-helpdesk:HelpdeskNotification: \(create\)\s+\[urn=\S+::q3-vpn-reminder\]/,
      );
      expect(comment).toMatch(/2 to create/);
      // The guardrails ran: the example's job name has no change-ticket prefix, an advisory finding.
      expect(comment).toMatch(/feishu-helpdesk-guardrails[^]*\[advisory\] {2}job-name-pattern/);
      expect(fs.readFileSync(path.join(scratch, "summary.md"), "utf8")).toContain(comment);
      expect(emulator.notifications()).toEqual([]); // a preview changes nothing

      await runJob(project, "up");
      expect(emulator.notifications()).toEqual([
        expect.objectContaining({ job_name: "Q3 VPN client upgrade reminder", status: 0 }),
      ]);

      await runJob(project, "preview");
      expect(fs.readFileSync(path.join(project.dir, "preview.md"), "utf8")).toMatch(/2 unchanged/);

      // The nightly audit: the state against the pack, no call to Feishu.
      emulator.clearRequests();
      const [audit] = await runJob(project, "audit");
      expect(audit.output).toMatch(/feishu-helpdesk-guardrails[^]*job-name-pattern/);
      expect(emulator.requests).toEqual([]);
      // Five engine runs, each starting the policy pack: longer than the default on a loaded 2-core runner.
    }, 600_000);
  });

  describe("GitLab CI", () => {
    const pipeline = parse(fs.readFileSync(gitlab, "utf8")) as Record<string, GitLabJob>;

    it("has a merge-request preview and a default-branch up, both from the shared install template", () => {
      expect(pipeline.preview.extends).toBe(".pulumi");
      expect(pipeline.up.extends).toBe(".pulumi");
      expect(JSON.stringify(pipeline.preview)).toContain("merge_request_event");
      expect(JSON.stringify(pipeline.up)).toContain("$CI_DEFAULT_BRANCH");
      expect(pipeline.audit.extends).toBe(".pulumi");
      expect(JSON.stringify(pipeline.audit)).toContain('$CI_PIPELINE_SOURCE == \\"schedule\\"');
    });

    it("runs the preview and up scripts as written", async () => {
      const { emulator, project } = stack;
      const env: Record<string, string> = {
        ...Object.fromEntries(Object.entries(context.secrets)),
        ...Object.fromEntries(Object.entries(context.vars)),
      };
      // The template's before_script only installs the CLI and the dependencies (provided here).
      const job = async (name: string) => {
        const { script = [], after_script = [] } = pipeline[name];
        const run = await project.shell([...script, ...after_script].join("\n"), env);
        if (run.code !== 0) throw new Error(`job ${name} exited ${run.code}:\n${run.output}`);
        return run;
      };
      const before = emulator.notifications().length;
      const preview = await job("preview");
      expect(preview.output).toMatch(/1 unchanged|2 unchanged/);
      expect(fs.readFileSync(path.join(project.dir, "preview.txt"), "utf8")).toMatch(/unchanged/);
      await job("up");
      expect(emulator.notifications()).toHaveLength(before);
      const audit = await job("audit");
      expect(audit.output).toMatch(/feishu-helpdesk-guardrails[^]*job-name-pattern/);
    }, 600_000);
  });
});
