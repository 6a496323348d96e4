import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { pluginVersion } from "../harness/plugin-archive";
import { findRepoRoot } from "../harness/pulumi-project";

const run = promisify(execFile);
const repo = findRepoRoot(__dirname);
const workflowFile = path.join(repo, ".github", "workflows", "release.yml");
// What a runner provides is provided here instead: the installed dependencies (this repo's
// node_modules), the toolchains (set up by `uses:` steps) and the engine (scripts/ensure-pulumi).
const providedByTheTest = new Set(["install-dependencies"]);

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
}
interface Workflow {
  readonly env: Record<string, string>;
  readonly jobs: Record<string, { readonly needs?: string | string[]; readonly steps: Step[] }>;
}
const workflow = parse(fs.readFileSync(workflowFile, "utf8")) as Workflow;

/** Runs a job's `run` steps as written, in `cwd`, with the workflow's env evaluated for tag `tag`. */
async function runJob(job: string, cwd: string, tag: string, extra: Record<string, string> = {}) {
  const outputs: string[] = [];
  const env = {
    ...process.env,
    RELEASE_TAG: tag,
    RELEASE_DIR: extra.RELEASE_DIR ?? "dist/release",
    GITHUB_STEP_SUMMARY: path.join(cwd, "summary.md"),
    ...extra,
  };
  for (const step of workflow.jobs[job].steps) {
    if (step.run === undefined || providedByTheTest.has(step.id ?? "")) continue;
    // Expressions in scripts are a script-injection risk; the workflow keeps them in env.
    expect(step.run).not.toContain("${{");
    const { stdout, stderr } = await run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    outputs.push(`$ ${step.run.trim()}\n${stdout}${stderr}`);
  }
  return outputs.join("\n");
}

// .github/workflows/release.yml: linted, its job graph as documented, and its build job's
// commands run as written: every artefact of a release, all at package.json's version.
describe("the release workflow", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-release-run-"));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("passes actionlint", () => {
    const actionlint = execFileSync("bash", [path.join(repo, "scripts", "ensure-actionlint")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    expect(execFileSync(actionlint, ["-no-color", workflowFile], { encoding: "utf8" })).toBe("");
  });

  it("tests first, builds once, and publishes only what the build made", () => {
    const needs = Object.fromEntries(Object.entries(workflow.jobs).map(([name, job]) => [name, job.needs ?? []]));
    expect(needs).toEqual({
      test: [],
      build: "test",
      "github-release": "build",
      npm: "build",
      pypi: "build",
      nuget: "build",
      "go-sdk": "build",
    });
    expect(JSON.stringify(workflow.jobs.npm)).toContain("npm publish --provenance");
  });

  it("refuses a tag that is not package.json's version", async () => {
    await expect(runJob("test", repo, "v9.9.9")).rejects.toThrow(/Command failed/);
  });

  it("build job as written: every artefact at package.json's version; a stray version fails the check", async () => {
    const out = path.join(scratch, "release");
    // In a clone of the committed tree: the job's `npm run build` empties dist/, which the engine
    // tests running beside this one load (they failed with "Cannot find module" when it ran in the repo).
    const checkout = path.join(scratch, "build-checkout");
    execFileSync("git", ["clone", "--quiet", "--depth", "1", `file://${repo}`, checkout]);
    fs.symlinkSync(path.join(repo, "node_modules"), path.join(checkout, "node_modules"));
    const started = Date.now();
    const transcript = await runJob("build", checkout, `v${pluginVersion}`, { RELEASE_DIR: out });
    const listing = fs
      .readdirSync(out)
      .map(
        (name) =>
          `${name} ${fs.statSync(path.join(out, name)).isFile() ? fs.statSync(path.join(out, name)).size : "(dir)"}`,
      );
    console.log(`release build in ${Date.now() - started} ms:\n${listing.join("\n")}\n${transcript.slice(-3000)}`);
    const names = fs.readdirSync(out);
    for (const platform of [
      "linux-amd64",
      "linux-arm64",
      "darwin-amd64",
      "darwin-arm64",
      "windows-amd64",
      "windows-arm64",
    ]) {
      expect(names).toContain(`pulumi-resource-feishu-helpdesk-v${pluginVersion}-${platform}.tar.gz`);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        `pulumi-resource-feishu-helpdesk-v${pluginVersion}-checksums.txt`,
        `pulumi-feishu-helpdesk-${pluginVersion}.tgz`,
        `pulumi-feishu-helpdesk-feishu-helpdesk-${pluginVersion}.tgz`,
        `feishu-helpdesk-${pluginVersion}.yaml`,
      ]),
    );
    expect(fs.readdirSync(path.join(out, "python")).sort()).toEqual([
      `pulumi_feishu_helpdesk-${pluginVersion}-py3-none-any.whl`,
      `pulumi_feishu_helpdesk-${pluginVersion}.tar.gz`,
    ]);
    expect(fs.readFileSync(path.join(checkout, "summary.md"), "utf8")).toContain("linux-amd64.tar.gz");
    fs.rmSync(path.join(checkout, "summary.md"));
    const windows = execFileSync(
      "tar",
      ["-tzf", path.join(out, `pulumi-resource-feishu-helpdesk-v${pluginVersion}-windows-arm64.tar.gz`)],
      { encoding: "utf8" },
    );
    expect(windows).toContain("pulumi-resource-feishu-helpdesk.cmd");

    // One artefact of another version: the check names it.
    fs.copyFileSync(
      path.join(out, `feishu-helpdesk-${pluginVersion}.yaml`),
      path.join(out, "feishu-helpdesk-9.9.9.yaml"),
    );
    const check = await run("bash", [path.join(repo, "scripts", "check-release-versions"), out]).catch((e) => e);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("feishu-helpdesk-9.9.9.yaml: file name is 9.9.9");
    fs.rmSync(path.join(out, "feishu-helpdesk-9.9.9.yaml"));

    // The go-sdk job's tag, in a clone: Go finds the SDK at sdk/v<version> with this version.
    const clone = path.join(scratch, "clone");
    execFileSync("git", ["clone", "--quiet", "--depth", "1", `file://${repo}`, clone]);
    fs.symlinkSync(path.join(repo, "node_modules"), path.join(clone, "node_modules"));
    const tag = `sdk/v${pluginVersion}`;
    await run("bash", ["-c", workflow.jobs["go-sdk"].steps.find((s) => s.id === "tag")!.run!], {
      cwd: clone,
      env: { ...process.env, RELEASE_TAG: `v${pluginVersion}`, RELEASE_DIR: out },
    });
    const plugin = execFileSync("git", ["show", `${tag}:sdk/go/feishuhelpdesk/pulumi-plugin.json`], {
      cwd: clone,
      encoding: "utf8",
    });
    expect(JSON.parse(plugin)).toMatchObject({ name: "feishu-helpdesk", version: pluginVersion });
    expect(execFileSync("git", ["show", `${tag}:sdk/go.mod`], { cwd: clone, encoding: "utf8" })).toContain(
      "module github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk/sdk",
    );
  }, 1_200_000);
});
