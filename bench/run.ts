/**
 * `npm run bench`: how the package behaves at scale, measured side by side in one run against
 * the emulator on loopback, as ratios to references so the numbers mean something on a noisy
 * machine. Writes bench/results/latest.{json,md} and latest-wall-time.svg (and a dated copy).
 *
 * Environment: BENCH_REPORT (an earlier run's .json: print its tables and run nothing),
 * BENCH_SIZES (default "10,50,200,1000"), BENCH_PLUGIN_SIZES (the sizes also run through the
 * native plugin, default "10,50,200"), BENCH_CALLS (client calls per operation, default 300),
 * BENCH_QUOTA_SIZES / BENCH_QUOTA_TIME_SCALE (the quota section, bench/quota.ts; default "50,200" and
 * 6), BENCH_ONLY=quota (that section alone, written to bench/results/quota-latest.md).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { buildPluginArchive } from "../test/harness/plugin-archive";
import { cardRendering, describeCardRendering } from "./cards";
import { clientOverhead, pacedThroughput } from "./client-overhead";
import { engineRuns, sdkScript } from "./engine-runs";
import { quotaMarkdown, quotaRuns } from "./quota";
import { markdown, wallTimeChart } from "./report";
import type { Results } from "./results";
import { calls, credentials, loadAverage, log, pluginSizes, quotaSizes, quotaTimeScale, sizes } from "./settings";

// Measuring only: each section lives in its own file (client-overhead.ts, engine-runs.ts,
// quota.ts, cards.ts); report.ts turns the results into the tables and the chart.

// ---------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  // BENCH_REPORT=<results .json>: the tables of an earlier run again, with this version's report.
  if (process.env.BENCH_REPORT) {
    process.stdout.write(markdown(JSON.parse(fs.readFileSync(process.env.BENCH_REPORT, "utf8")) as Results));
    return;
  }
  if (process.env.BENCH_ONLY === "quota") {
    const md = `${quotaMarkdown(await quotaRuns(quotaSizes, quotaTimeScale, log), quotaTimeScale).join("\n")}\n`;
    process.stdout.write(`Load average at the end: ${loadAverage()}\n\n${md}`);
    fs.mkdirSync(path.join(process.cwd(), "bench", "results"), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), "bench", "results", "quota-latest.md"), md);
    return;
  }
  const engineBin = process.env.PULUMI_FEISHU_ENGINE_BIN!;
  const machine = {
    date: new Date().toISOString(),
    cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    engine: execFileSync(path.join(engineBin, "pulumi"), ["version"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    }).trim(),
    load: loadAverage(),
  };

  log(describeCardRendering(cardRendering()));
  log(`client overhead (${calls} calls per operation and client)`);
  const client = await clientOverhead();

  // The native plugin, built once for the run (scripts/build-plugin) and installed into each stack's PULUMI_HOME.
  log("building the native plugin archive");
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-bench-plugin-"));
  const archive = buildPluginArchive(archiveDir);

  const engine: Results["engine"] = {};
  for (const n of sizes) {
    const load = loadAverage();
    log(`engine runs, N = ${n} (load average ${load})`);
    const emulator = await startEmulator({ credentials, rateLimits: false });
    const ours = await engineRuns("campaigns", n, emulator);
    const plugin = pluginSizes.includes(n) ? await engineRuns("plugin", n, emulator, archive) : undefined;
    const floor = await engineRuns("noop", n);
    const script = await sdkScript(n, emulator);
    await emulator.close();
    engine[n] = {
      ours: ours.runs,
      plugin: plugin?.runs,
      floor: floor.runs,
      script,
      memoryKiB: ours.memoryKiB,
      pluginMemoryKiB: plugin?.memoryKiB ?? Number.NaN,
      exportBytes: ours.exportBytes,
      load,
    };
  }
  fs.rmSync(archiveDir, { recursive: true, force: true });

  log("paced throughput (documented limits scaled 60x)");
  const paced = await pacedThroughput();

  log(`at the quota (real limits, time scale ${quotaTimeScale}), N = ${quotaSizes.join(", ")}`);
  const quota = { timeScale: quotaTimeScale, runs: await quotaRuns(quotaSizes, quotaTimeScale, log) };

  const results = { machine: { ...machine, loadAtEnd: loadAverage() }, client, engine, paced, quota };
  const md = markdown(results);
  process.stdout.write(md);
  const dir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = machine.date.replace(/[:.]/g, "-");
  for (const name of ["latest", stamp]) {
    fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, `${name}.md`), md);
  }
  fs.writeFileSync(path.join(dir, "latest-wall-time.svg"), wallTimeChart(results));
  log(`written: bench/results/latest.json, latest.md, latest-wall-time.svg (and ${stamp}.*)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
