import { lineChart } from "./chart";
import type { EngineRun } from "./engine-runs";
import { quotaMarkdown } from "./quota";
import type { Results } from "./results";
import { pluginSizes } from "./settings";

// The report of a run: its tables (latest.md) and its chart (latest-wall-time.svg), from the
// results alone, so BENCH_REPORT can print an earlier run's with this version's report.

const OPS = ["up", "preview", "refresh", "destroy"] as const;

/**
 * How each operation's cost grows with N (the marginal ms per campaign between one N and the
 * next: linear growth keeps it flat, faster growth makes it rise) and the goals, met or not.
 */
function growthAndGoals(r: Results): string[] {
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
  const ns = Object.keys(r.engine).map(Number);
  const ms = (n: number, side: "ours" | "floor", op: string) => r.engine[n][side].find((x) => x.op === op)!.ms;
  const lines = [
    "",
    "## 3b. Growth with N: marginal ms per campaign from the previous N (ours / floor)",
    "",
    row("op", ...ns.slice(1).map((n, i) => `${ns[i]} → ${n}`)),
    row("---", ...ns.slice(1).map(() => "---")),
  ];
  for (const op of OPS) {
    const cells = ns.slice(1).map((n, i) => {
      const marginal = (side: "ours" | "floor") => (ms(n, side, op) - ms(ns[i], side, op)) / (n - ns[i]);
      return `${f(marginal("ours"))} / ${f(marginal("floor"))}`;
    });
    lines.push(row(op, ...cells));
  }
  const ratio = (n: number, op: string) => (n in r.engine ? ms(n, "ours", op) / ms(n, "floor", op) : Number.NaN);
  const goal = (label: string, value: number, limit: number) =>
    row(
      label,
      f(value, 2),
      `≤ ${limit}`,
      Number.isFinite(value) ? (value <= limit ? "met" : "**not met**") : "not run",
    );
  const client = Math.max(...r.client.map((c) => c.vsFetch));
  lines.push(
    "",
    "## 3c. Goals (issue 12)",
    "",
    row("goal", "measured", "target", "verdict"),
    row("---", "---", "---", "---"),
    goal("no-change preview ÷ floor, N = 200", ratio(200, "preview"), 1.2),
    goal("no-change preview ÷ floor, N = 1000", ratio(1000, "preview"), 1.2),
    ...(["up", "refresh", "destroy"] as const).map((op) => goal(`${op} ÷ floor, N = 200`, ratio(200, op), 1.5)),
    goal("client ÷ node-fetch (worst of create / patch / get)", client, 1.1),
    "",
  );
  return lines;
}

/** One row of a markdown table. */
const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;

export function markdown(r: Results): string {
  const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
  const lines: string[] = [];
  lines.push(
    `# pulumi-feishu-helpdesk benchmarks`,
    "",
    [
      r.machine.date,
      r.machine.cpu,
      r.machine.memory,
      `Node ${r.machine.node}`,
      `Pulumi engine ${r.machine.engine}`,
    ].join(" · "),
    "",
    `Load average (1, 5, 15 min) before the benchmark started anything ${r.machine.load}, at the end ` +
      `${r.machine.loadAtEnd}. The first says whether the machine was quiet. During the run the benchmark's own ` +
      "processes (engine, program, provider) load the machine too: 2–3 was observed on 2 cores with nothing " +
      "else running; well above that, something else was running and the ratios are noisy.",
    "",
  );
  lines.push(
    "## 1. Client overhead (ms per call, emulator on loopback)",
    "",
    row(
      "op",
      "ours median / p95",
      "node-fetch median / p95",
      "Lark SDK median / p95",
      "ours ÷ node-fetch",
      "ours ÷ Lark SDK",
    ),
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const op of r.client) {
    lines.push(
      row(
        op.op,
        `${f(op.ours.median, 3)} / ${f(op.ours.p95, 3)}`,
        `${f(op.fetch.median, 3)} / ${f(op.fetch.p95, 3)}`,
        `${f(op.sdk.median, 3)} / ${f(op.sdk.p95, 3)}`,
        f(op.vsFetch),
        f(op.vsSdk),
      ),
    );
  }
  const first = r.engine[Object.keys(r.engine).map(Number)[0]];
  lines.push(
    "",
    "## 2. State cost per campaign",
    "",
    `\`__provider\`: ${first.exportBytes?.provider} bytes; ` +
      `whole resource in \`pulumi stack export\`: ${first.exportBytes?.resource} bytes.`,
    "",
  );
  lines.push(
    "## 3. Engine runs (emulator unthrottled)",
    "",
    "The dynamic resource in a TypeScript program; the same campaigns through the native plugin in a YAML " +
      "program (plugin (YAML)); the floor is the TypeScript do-nothing dynamic resource for both (a YAML " +
      "program has no do-nothing resource without a provider of its own to serve it).",
    "",
    row(
      "N",
      "op",
      "wall s",
      "ms per resource",
      "floor ms per resource",
      "API calls",
      "÷ floor",
      "÷ dynamic",
      "÷ Lark SDK script (create)",
    ),
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const [n, e] of Object.entries(r.engine)) {
    lines.push(`| ${n} | *load average at the start of N (this benchmark's runs included): ${e.load}* | | | | | | | |`);
    const runRow = (label: string, run: EngineRun) => {
      const floor = e.floor.find((x) => x.op === run.op)!;
      const dynamic = e.ours.find((x) => x.op === run.op)!;
      return row(
        n,
        label,
        f(run.ms / 1000),
        f(run.ms / Number(n), 1),
        f(floor.ms / Number(n), 1),
        String(run.apiCalls),
        f(run.ms / floor.ms),
        run === dynamic ? "" : f(run.ms / dynamic.ms),
        run.op === "up" ? f(run.ms / e.script) : "",
      );
    };
    for (const run of e.ours) lines.push(runRow(run.op, run));
    for (const run of e.plugin ?? []) lines.push(runRow(`plugin (YAML) ${run.op}`, run));
    lines.push(
      row(
        n,
        "floor (do-nothing) up / preview / refresh / destroy",
        e.floor.map((x) => f(x.ms / 1000)).join(" / "),
        "",
        "",
        "",
        "",
        "",
        "",
      ),
    );
    lines.push(
      `| ${n} | Lark SDK script, create all | ${f(e.script / 1000)} | ${f(e.script / Number(n), 1)} | | ${n} | | | |`,
    );
  }
  lines.push(...growthAndGoals(r));
  const last = Object.keys(r.engine).map(Number).pop()!;
  lines.push(
    "",
    "## 4. Paced throughput (documented limits scaled 60×; calls per full window ÷ allowed)",
    "",
    `- create: ${r.paced.create.perWindow.join(", ")} per second, allowed 10: **${f(r.paced.create.ratio, 3)}**`,
    `- get: ${r.paced.get.perWindow.join(", ")} per second, allowed 100: **${f(r.paced.get.ratio, 3)}**`,
    `- 429 answers from the emulator: ${r.paced.throttled}`,
    "",
  );
  const pluginLast = pluginSizes.filter((n) => n in r.engine).pop();
  lines.push(
    `## 5. Provider process memory`,
    "",
    `Peak RSS during \`pulumi up\` of N = ${last}: the dynamic provider process ` +
      `${f(r.engine[last].memoryKiB / 1024, 1)} MiB; the native plugin process ` +
      `${f((pluginLast === undefined ? Number.NaN : r.engine[pluginLast].pluginMemoryKiB) / 1024, 1)} MiB ` +
      `at N = ${pluginLast ?? "n/a"}.`,
    "",
  );
  if (r.quota) lines.push(...quotaMarkdown(r.quota.runs, r.quota.timeScale));
  lines.push("![wall time against N](latest-wall-time.svg)", "");
  return `${lines.join("\n")}\n`;
}

/** The chart of each operation's wall time against N, ours and the floor's. */
export function wallTimeChart(r: Results): string {
  const sizes = Object.keys(r.engine).map(Number);
  const colours = { up: "#1f77b4", preview: "#2ca02c", refresh: "#ff7f0e", destroy: "#d62728" };
  return lineChart(
    "pulumi wall time against N",
    "solid: HelpdeskNotification against the emulator · dashed: a do-nothing dynamic resource (the floor)",
    "N resources (log scale)",
    "seconds",
    OPS.flatMap((op) => [
      {
        name: `${op}`,
        colour: colours[op],
        points: sizes.map((n) => ({ x: n, y: r.engine[n].ours.find((run) => run.op === op)!.ms / 1000 })),
      },
      {
        name: `${op} (floor)`,
        colour: colours[op],
        dashed: true,
        points: sizes.map((n) => ({ x: n, y: r.engine[n].floor.find((run) => run.op === op)!.ms / 1000 })),
      },
    ]),
  );
}
