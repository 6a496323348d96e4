/**
 * `npm run bench:profile`: where a no-change `pulumi preview` of N campaigns spends its time,
 * against the do-nothing dynamic resource at the same N. Every Node process the engine starts
 * (the program, the dynamic provider host) runs under `--cpu-prof`; the engine runs with
 * `--profiling` and its CPU profile is summarised with `go tool pprof`. Prints a table per
 * process and kind of work, and writes bench/results/profile-latest.{json,md}.
 *
 * Environment: BENCH_PROFILE_N (default 200), BENCH_PROFILE_OP (`preview`, or `up`/`refresh`/`destroy`).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { configureStack, randomCredentials } from "../test/harness/feishu-fixture";
import { PulumiProject } from "../test/harness/pulumi-project";
import { breakdown, type ProcessBreakdown } from "./cpu-profile";
import { timed } from "./stats";

const n = Number(process.env.BENCH_PROFILE_N ?? 200);
const op = (process.env.BENCH_PROFILE_OP ?? "preview") as "preview" | "up" | "refresh" | "destroy";
const credentials = randomCredentials();
const unpaced = JSON.stringify({ create: 1e6, patch: 1e6, get: 1e6, botMessage: 1e6, executeSend: 1e6 });
const log = (message: string) => process.stderr.write(`profile: ${message}\n`);

interface Profiled {
  readonly program: "campaigns" | "noop";
  readonly wallMs: number;
  /** The run's start on the monotonic clock, in ms, to place each process's lifetime in it. */
  readonly startMs: number;
  readonly node: ProcessBreakdown[];
  /** The engine's CPU time from its pprof profile, and its heaviest functions (flat). */
  readonly engine: { readonly cpuMs: number; readonly top: string[] };
}

/** Runs `op` once, profiled, on a stack that already holds the N resources (up first, unprofiled). */
async function profiled(program: "campaigns" | "noop", url?: string): Promise<Profiled> {
  const project = await PulumiProject.create(
    program === "campaigns" ? "bench/programs/campaigns" : "test/programs/noop",
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `profile-${program}-`));
  fs.mkdirSync(path.join(dir, "node"));
  try {
    if (program === "campaigns") {
      await configureStack(project, url!, credentials);
      await project.setConfig("feishu-helpdesk:rateLimits", unpaced);
    }
    await project.setConfig("count", String(n));
    if (op !== "up") await project.up();
    const args = {
      up: "up --yes --skip-preview",
      preview: "preview --expect-no-changes",
      refresh: "refresh --yes --skip-preview",
      destroy: "destroy --yes --skip-preview",
    }[op];
    let run!: Awaited<ReturnType<PulumiProject["shell"]>>;
    const startMs = Number(process.hrtime.bigint()) / 1e6;
    const wallMs = await timed(async () => {
      run = await project.shell(`pulumi ${args} --non-interactive --profiling ${dir}/engine`, {
        NODE_OPTIONS: `--require ${path.join(process.cwd(), "bench", "cpu-profile-hook.js")}`,
        BENCH_CPU_PROFILE_DIR: path.join(dir, "node"),
      });
    });
    if (run.code !== 0) throw new Error(`pulumi ${args} failed:\n${run.output}`);
    const node = fs
      .readdirSync(path.join(dir, "node"))
      .map((f) => breakdown(path.join(dir, "node", f)))
      .filter((b) => b.role !== "other");
    const cpu = fs.readdirSync(dir).find((f) => f.startsWith("engine") && f.endsWith(".cpu"));
    const top = cpu
      ? execFileSync("go", ["tool", "pprof", "-top", "-nodecount=12", path.join(dir, cpu)], { encoding: "utf8" })
      : "";
    const total = /Total samples = ([\d.]+)(ms|s)/.exec(top);
    return {
      program,
      wallMs,
      startMs,
      node,
      engine: {
        cpuMs: total ? Number(total[1]) * (total[2] === "s" ? 1000 : 1) : Number.NaN,
        top: top
          .split("\n")
          .filter((l) => /^\s+[\d.]+m?s/.test(l))
          .slice(0, 12),
      },
    };
  } finally {
    await project.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One row of a markdown table. */
const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;

function markdown(results: Profiled[]): string {
  const f = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : "n/a");
  const lines = [
    `# Profile: \`pulumi ${op}\`, N = ${n}`,
    "",
    `${new Date().toISOString()} · ${os.cpus().length} cores · load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
    "",
    "| | wall ms | engine CPU ms | program CPU ms | provider CPU ms (processes) | alive (ms from the start) |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const cpuOf = (r: Profiled, role: string) =>
    r.node.filter((b) => b.role === role).reduce((sum, b) => sum + b.cpuMs, 0);
  for (const r of results) {
    const providers = r.node.filter((b) => b.role === "provider").length;
    const spans = r.node.map((b) => `${b.role} ${f(b.startMs - r.startMs)}–${f(b.startMs - r.startMs + b.wallMs)}`);
    lines.push(
      row(
        r.program,
        f(r.wallMs),
        f(r.engine.cpuMs),
        f(cpuOf(r, "program")),
        `${f(cpuOf(r, "provider"))} (${providers})`,
        spans.join(", "),
      ),
    );
  }
  for (const r of results) {
    for (const role of ["program", "provider"]) {
      const kinds: Record<string, number> = {};
      for (const b of r.node.filter((x) => x.role === role))
        for (const [k, ms] of Object.entries(b.kinds)) kinds[k] = (kinds[k] ?? 0) + ms;
      if (Object.keys(kinds).length === 0) continue;
      lines.push("", `## ${r.program}: ${role} process, ms by kind of work (per resource in brackets)`, "");
      for (const [k, ms] of Object.entries(kinds).sort(([, a], [, b]) => b - a))
        lines.push(`- ${k}: ${f(ms)} (${(ms / n).toFixed(2)})`);
      lines.push("", "Most self time:", "");
      for (const b of r.node.filter((x) => x.role === role))
        for (const [fn, ms] of Object.entries(b.top)) lines.push(`- ${f(ms)} ms ${fn}`);
    }
    lines.push("", `## ${r.program}: engine, heaviest functions (pprof -top, flat)`, "", "```", ...r.engine.top, "```");
  }
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ credentials, rateLimits: false });
  try {
    log(`${op}, N = ${n}: the campaigns program`);
    const ours = await profiled("campaigns", emulator.url);
    log(`${op}, N = ${n}: the do-nothing floor`);
    const floor = await profiled("noop");
    const md = markdown([ours, floor]);
    process.stdout.write(md);
    const out = path.join(process.cwd(), "bench", "results");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `profile-${op}-latest.json`), `${JSON.stringify([ours, floor], null, 2)}\n`);
    fs.writeFileSync(path.join(out, `profile-${op}-latest.md`), md);
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
