/**
 * `npm run bench` (its last part; alone: `bash scripts/bench policy`): the time the policy pack
 * (policy/) adds to a no-change `pulumi preview` of N campaigns (BENCH_POLICY_N, default 200),
 * against the emulator on loopback. The campaigns pass every policy, so what is measured is the
 * pack's start and its checks, not the printing of findings. Previews with and without the pack
 * alternate (BENCH_POLICY_ROUNDS pairs, default 5), so load on the machine falls on both alike.
 * Writes bench/results/policy-pack-latest.{json,md}.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { configureStack, randomCredentials } from "../test/harness/feishu-fixture";
import { findRepoRoot, PulumiProject } from "../test/harness/pulumi-project";
import { summarize, timed } from "./stats";

const n = Number(process.env.BENCH_POLICY_N ?? 200);
const rounds = Number(process.env.BENCH_POLICY_ROUNDS ?? 5);
const repo = findRepoRoot(__dirname);
const pack = path.join(repo, "policy");
const log = (message: string) => process.stderr.write(`bench policy: ${message}\n`);

async function main(): Promise<void> {
  const credentials = randomCredentials();
  const emulator = await startEmulator({ credentials });
  const project = await PulumiProject.create("bench/programs/campaigns");
  try {
    await configureStack(project, emulator.url, credentials);
    // The documented create limit (10 a minute) would make the up of 200 campaigns take 20 minutes.
    const unpaced = {
      create: 1_000_000,
      patch: 1_000_000,
      get: 1_000_000,
      botMessage: 1_000_000,
      executeSend: 1_000_000,
    };
    await project.setConfig("feishu-helpdesk:rateLimits", JSON.stringify(unpaced));
    await project.setConfig("count", String(n));
    await project.setConfig("guarded", "true");
    log(`pulumi up of ${n} campaigns`);
    await project.ok(["up", "--yes", "--skip-preview"]);
    const without: number[] = [];
    const withPack: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      log(`round ${round}/${rounds}: no-change preview without, then with the pack`);
      without.push(await timed(() => project.ok(["preview", "--expect-no-changes"])));
      withPack.push(await timed(() => project.ok(["preview", "--expect-no-changes", "--policy-pack", pack])));
    }
    const a = summarize(without);
    const b = summarize(withPack);
    const results = {
      date: new Date().toISOString(),
      n,
      rounds,
      loadAverage: os.loadavg(),
      cpus: os.cpus().length,
      withoutMs: without,
      withPackMs: withPack,
      medianWithoutMs: a.median,
      medianWithPackMs: b.median,
      addedMs: b.median - a.median,
    };
    const md = [
      `No-change preview of ${n} campaigns, ${rounds} runs each (median), load average ${os.loadavg()[0].toFixed(1)}:`,
      "",
      "| preview | median ms | runs ms |",
      "| --- | ---: | --- |",
      `| without the pack | ${a.median.toFixed(0)} | ${without.map((ms) => ms.toFixed(0)).join(", ")} |`,
      `| with \`--policy-pack policy\` | ${b.median.toFixed(0)} | ${withPack.map((ms) => ms.toFixed(0)).join(", ")} |`,
      `| **added by the pack** | **${(b.median - a.median).toFixed(0)}** | ` +
        `${((b.median / a.median - 1) * 100).toFixed(0)}% |`,
      "",
    ].join("\n");
    const dir = path.join(repo, "bench", "results");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "policy-pack-latest.json"), JSON.stringify(results, null, 2));
    fs.writeFileSync(path.join(dir, "policy-pack-latest.md"), md);
    process.stdout.write(md);
  } finally {
    await project.dispose();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
