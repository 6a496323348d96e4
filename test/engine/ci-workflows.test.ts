import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { EmulatorStatus } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { type RecordedRequest, startCommentApi } from "../harness/comment-api";
import { emulatedStack } from "../harness/emulated-stack";
import type { PulumiRun } from "../harness/pulumi-project";

// The pipelines in examples/ci/, run as written against the emulator: every command of the
// preview, up, audit and drift jobs, in order, in a copy of examples/scheduled-campaign. What a
// runner provides is provided here instead: the Pulumi CLI (the engine on PATH), the installed
// dependencies (the repo's node_modules, and the review command's bin as `npm ci` links it) and
// the comment APIs (a loopback stand-in that records what it is sent).
const repo = path.resolve(__dirname, "..", "..");
const github = path.join(repo, "examples", "ci", "github", "feishu-helpdesk.yml");
const gitlab = path.join(repo, "examples", "ci", "gitlab", ".gitlab-ci.yml");
const providedByTheTest = new Set(["install-pulumi", "install-dependencies"]);

interface GitHubStep {
  readonly id?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
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

type Context = Record<"secrets" | "vars" | "github", Record<string, string>>;

/** `${{ secrets.X }}`, `${{ vars.X }}` and `${{ github.x.y }}` from the given tables; any other expression fails. */
function evaluate(value: string, context: Context): string {
  const out = value.replace(/\$\{\{\s*(secrets|vars|github)\.([\w.]+)\s*\}\}/g, (_, table: keyof Context, name) => {
    return context[table][name] ?? "";
  });
  expect(out).not.toContain("${{");
  return out;
}

/**
 * A step's `if:` as the runner decides it, for the forms the workflow uses: none (run while the
 * job succeeds), or `always()` and'ed with `steps.<id>.outcome ==|!= '<value>'`.
 */
function shouldRun(condition: string | undefined, failed: boolean, outcomes: Map<string, string>): boolean {
  if (condition === undefined) return !failed;
  const parts = condition.split("&&").map((p) => p.trim());
  return parts.every((part) => {
    if (part === "always()") return true;
    const m = part.match(/^steps\.([\w-]+)\.outcome (==|!=) '(\w+)'$/);
    if (!m) throw new Error(`the test does not know the condition ${part}`);
    const outcome = outcomes.get(m[1]) ?? "skipped";
    return m[2] === "==" ? outcome === m[3] : outcome !== m[3];
  });
}

/** The comment bodies the stand-in was sent, by method. */
const sent = (requests: readonly RecordedRequest[], method: string) =>
  requests.filter((r) => r.method === method).map((r) => r.body);

describe("the CI pipelines in examples/ci", () => {
  const stack = emulatedStack("examples/scheduled-campaign");
  const workflow = parse(fs.readFileSync(github, "utf8")) as GitHubWorkflow;
  const pipeline = parse(fs.readFileSync(gitlab, "utf8")) as Record<string, GitLabJob>;
  let context: Context;
  let scratch: string;
  let api: Awaited<ReturnType<typeof startCommentApi>>;

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
      github: { token: "ghs_test-token", "event.pull_request.number": "7" },
    };
    scratch = fs.mkdtempSync(path.join(project.dir, "..", "runner-"));
    // What `npm ci` links in a repository that depends on pulumi-feishu-helpdesk.
    const bin = path.join(project.dir, "node_modules", ".bin");
    fs.mkdirSync(bin, { recursive: true });
    const cli = path.join(repo, "dist", "provider", "review", "cli.js");
    fs.writeFileSync(path.join(bin, "feishu-helpdesk-review"), `#!/bin/sh\nexec node ${cli} "$@"\n`, { mode: 0o755 });
    api = await startCommentApi();
  });
  afterAll(() => api?.close());

  /** Runs a GitHub job's `run` steps as written, as the runner would: after a failure, only `always()` steps. */
  async function runGitHubJob(job: string): Promise<{ failed: boolean; runs: PulumiRun[] }> {
    const { env = {}, steps } = workflow.jobs[job];
    const jobEnv = Object.fromEntries(
      Object.entries({ ...workflow.env, ...env }).map(([key, value]) => [key, evaluate(String(value), context)]),
    );
    const runnerEnv = {
      GITHUB_STEP_SUMMARY: path.join(scratch, "summary.md"),
      GITHUB_PATH: path.join(scratch, "path"),
      GITHUB_OUTPUT: path.join(scratch, "output"),
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: "https://github.example",
      GITHUB_REPOSITORY: "acme/campaigns",
      GITHUB_RUN_ID: "101",
    };
    const outcomes = new Map<string, string>();
    const runs: PulumiRun[] = [];
    let failed = false;
    for (const step of steps) {
      if (step.run === undefined || providedByTheTest.has(step.id ?? "")) continue;
      if (!shouldRun(step.if, failed, outcomes)) continue;
      // Expressions in scripts are a script-injection risk; the workflow keeps them in env.
      expect(step.run).not.toContain("${{");
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, context)]));
      const run = await project().shell(step.run, { ...jobEnv, ...runnerEnv, ...stepEnv });
      runs.push(run);
      if (step.id) outcomes.set(step.id, run.code === 0 ? "success" : "failure");
      failed ||= run.code !== 0;
    }
    return { failed, runs };
  }
  const project = () => stack.project;
  /** A job that must succeed: throws with the failed step's output otherwise. */
  const succeeds = async (job: string) => {
    const { failed, runs } = await runGitHubJob(job);
    const bad = runs.find((r) => r.code !== 0);
    if (failed) throw new Error(`job ${job} failed (exit ${bad?.code}):\n${bad?.output}`);
    return runs;
  };
  const file = (name: string) => fs.readFileSync(path.join(stack.project.dir, name), "utf8");

  /** Runs a GitLab job's script then, whatever became of it, its after_script, as the runner would. */
  async function runGitLabJob(name: string, only?: "after_script") {
    const env: Record<string, string> = {
      ...context.secrets,
      ...context.vars,
      GITLAB_API_TOKEN: "glpat-test-token",
      CI_API_V4_URL: `${api.url}/api/v4`,
      CI_PROJECT_ID: "12",
      CI_MERGE_REQUEST_IID: "5",
      CI_JOB_URL: "https://gitlab.example/acme/campaigns/-/jobs/77",
    };
    // The template's before_script only installs the CLI and the dependencies (provided here).
    const { script = [], after_script = [] } = pipeline[name];
    const run = only ? undefined : await project().shell(script.join("\n"), env);
    const after = after_script.length > 0 ? await project().shell(after_script.join("\n"), env) : undefined;
    if (after && after.code !== 0) throw new Error(`after_script of ${name} exited ${after.code}:\n${after.output}`);
    return run;
  }

  it("the GitHub Actions workflow passes actionlint", () => {
    const actionlint = execFileSync("bash", [path.join(repo, "scripts", "ensure-actionlint")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    // actionlint exits non-zero, printing each finding, on any problem.
    expect(execFileSync(actionlint, ["-no-color", github], { encoding: "utf8" })).toBe("");
  });

  it("GitHub: reviews a pull request in one comment, updated on the next push; applies on main; audits", async () => {
    const { emulator } = stack;
    // A person quoting the marker: never the comment the workflow edits.
    api.comments.push({
      id: 1,
      body: "<!-- feishu-helpdesk-review --> quoted by a person",
      userType: "User",
      authorId: 1,
    });
    emulator.clearRequests();
    await succeeds("preview");
    const review = file("review.md");
    expect(review).toMatch(/^<!-- feishu-helpdesk-review -->\n### Feishu Helpdesk campaigns · stack `test`/);
    expect(review).toContain("| `q3-vpn-reminder` Q3 VPN client upgrade reminder | create | new |");
    // The guardrails' advisory finding on the example, which only the engine's event stream carries.
    expect(review).toMatch(
      /\*\*warning\*\* \(feishu\\-helpdesk\\-guardrails: job\\-name\\-pattern\): `q3-vpn-reminder`/,
    );
    expect(file("review.html")).toContain("<!doctype html>"); // the artifact the upload step keeps
    expect(fs.readFileSync(path.join(scratch, "summary.md"), "utf8")).toContain(review);
    expect(sent(api.requests, "POST")).toEqual([review]);
    expect(api.requests.every((r) => r.authorization === "Bearer ghs_test-token")).toBe(true);
    expect(emulator.notifications()).toEqual([]); // a preview changes nothing

    await succeeds("up");
    expect(emulator.notifications()).toEqual([
      expect.objectContaining({ job_name: "Q3 VPN client upgrade reminder", status: 0 }),
    ]);

    api.requests.length = 0;
    await succeeds("preview");
    const again = file("review.md");
    expect(again).toContain("1 unchanged: `q3-vpn-reminder` Q3 VPN client upgrade reminder.");
    // The same comment, edited: no second one, the person's untouched.
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/acme/campaigns/issues/7/comments",
      "PATCH /repos/acme/campaigns/issues/comments/1000",
    ]);
    expect(api.comments.map((c) => [c.id, c.body])).toEqual([
      [1, "<!-- feishu-helpdesk-review --> quoted by a person"],
      [1000, again],
    ]);

    // The nightly audit: the state against the pack, no call to Feishu.
    emulator.clearRequests();
    const runs = await succeeds("audit");
    expect(runs[0].output).toMatch(/feishu-helpdesk-guardrails[^]*job-name-pattern/);
    expect(emulator.requests).toEqual([]);
    // Five engine runs, each starting the policy pack: longer than the default on a loaded 2-core runner.
  }, 600_000);

  it("GitLab: has a merge-request preview, a default-branch up and scheduled audit and drift jobs", () => {
    for (const job of ["preview", "up", "audit", "drift"]) expect(pipeline[job].extends).toBe(".pulumi");
    expect(JSON.stringify(pipeline.preview)).toContain("merge_request_event");
    expect(JSON.stringify(pipeline.up)).toContain("$CI_DEFAULT_BRANCH");
    expect(JSON.stringify(pipeline.audit)).toContain('$CI_PIPELINE_SOURCE == \\"schedule\\"');
    expect(JSON.stringify(pipeline.drift)).toContain('$CI_PIPELINE_SOURCE == \\"schedule\\"');
  });

  it("GitLab: runs the preview (one merge-request note, updated), up and audit scripts as written", async () => {
    const { emulator } = stack;
    api.comments.length = 0;
    api.requests.length = 0;
    const before = emulator.notifications().length;
    const preview = await runGitLabJob("preview");
    expect(preview?.code).toBe(0);
    const review = file("review.md");
    expect(review).toContain("1 unchanged: `q3-vpn-reminder`");
    expect(review).toContain("job\\-name\\-pattern"); // the stream carries the advisory finding here too
    expect(sent(api.requests, "POST")).toEqual([review]);
    expect(api.requests.every((r) => r.privateToken === "glpat-test-token")).toBe(true);
    // The next push's after_script: the same note, updated.
    api.requests.length = 0;
    await runGitLabJob("preview", "after_script");
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/v4/user",
      "GET /api/v4/projects/12/merge_requests/5/notes",
      `PUT /api/v4/projects/12/merge_requests/5/notes/${api.comments[0].id}`,
    ]);
    expect(api.comments).toHaveLength(1);
    expect((await runGitLabJob("up"))?.code).toBe(0);
    expect(emulator.notifications()).toHaveLength(before);
    const audit = await runGitLabJob("audit");
    expect(audit?.output).toMatch(/feishu-helpdesk-guardrails[^]*job-name-pattern/);
  }, 600_000);

  it(
    "the scheduled drift jobs name a campaign changed outside code, and how; " + "an edit to it fails the preview job",
    async () => {
      const { credentials, emulator } = stack;
      // In the Helpdesk console: renamed while a draft.
      const [campaign] = emulator.notifications();
      const client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
      const id = String(campaign.id);
      const { push_content, push_type, push_scope_type, user_list, chat_list, ext } = campaign;
      const edit = { push_content: push_content!, push_type: push_type!, push_scope_type: push_scope_type! };
      await client.patchNotification(id, { ...edit, user_list, chat_list, ext, job_name: "Q3 VPN reminder (edited)" });

      const keep = (name: string) => {
        if (!fs.existsSync(path.join(stack.project.dir, "drift.md")))
          throw new Error(`no drift.md:\n${file("drift.json").slice(-2500)}`);
        // Kept for the closing note and the unit tests' fixtures.
        fs.writeFileSync(path.join(repo, ".pulumi-local", `drift-${name}.md`), file("drift.md"));
        fs.copyFileSync(
          path.join(stack.project.dir, "drift.json"),
          path.join(repo, ".pulumi-local", `drift-${name}.json`),
        );
        return file("drift.md");
      };
      const renamed = await runGitHubJob("drift");
      expect(renamed.failed).toBe(true);
      const draftReport = keep("draft");
      // The refresh read the new name; the program's diff against it names the one input that differs.
      expect(draftReport).toContain("**1 changed outside code**");
      expect(draftReport).toContain("#### `q3-vpn-reminder` Q3 VPN client upgrade reminder: changed outside code");
      expect(draftReport).toContain("Changed: jobName.\n");
      expect(draftReport).toContain("| jobName | Q3 VPN client upgrade reminder | Q3 VPN reminder \\(edited\\) |");
      expect(fs.readFileSync(path.join(scratch, "summary.md"), "utf8")).toContain(draftReport);

      // Then submitted and approved there: the code's version can no longer be restored by an up.
      emulator.setStatus(id, EmulatorStatus.inReview);
      emulator.approve(id);
      const approved = await runGitHubJob("drift");
      expect(approved.failed).toBe(true);
      const approvedReport = keep("approved");
      // The refresh's own diff refuses (the code can no longer be applied to it): the report quotes the
      // engine, which names the campaign, its name in Feishu and its status, and never says "no drift".
      expect(approvedReport).toMatch(
        /q3-vpn-reminder: Cannot update push campaign \d+ \("Q3 VPN reminder \(edited\)"\): Feishu reports status 2/,
      );
      expect(approvedReport).toContain("The run stopped before it could compare every campaign with its code");
      expect(approvedReport).not.toContain("No drift");

      const gitlabRun = await runGitLabJob("drift");
      expect(gitlabRun?.code).not.toBe(0);
      expect(gitlabRun?.stdout).toContain(approvedReport.trim());

      // A pull request that edits the approved campaign: the preview step fails the job, and the
      // comment, still posted, leads with the refusal.
      await stack.project.setConfig("message", "The VPN client 5.3 is out: please upgrade before Friday.");
      api.requests.length = 0;
      const refused = await runGitHubJob("preview");
      expect(refused.failed).toBe(true);
      const review = file("review.md");
      expect(review).toMatch(/### Refused, and checks that failed\n\n- \*\*error\*\*: `q3-vpn-reminder`/);
      expect(review).toContain("| `q3-vpn-reminder` Q3 VPN client upgrade reminder | refused |");
      expect(sent(api.requests, "PATCH")).toEqual([review]);
    },
    600_000,
  );
});
