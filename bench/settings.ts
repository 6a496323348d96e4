import * as os from "node:os";
import type { WireNotificationBody } from "../provider";
import { randomCredentials, sampleCard } from "../test/harness/feishu-fixture";

// What every section of `npm run bench` shares: the sizes and counts from the environment (see
// run.ts), one set of credentials, the campaign body, the progress log.

export const sizes = (process.env.BENCH_SIZES ?? "10,50,200,1000").split(",").map(Number);
// The plugin's runs double the engine time; at 1000 its up and destroy alone take minutes.
export const pluginSizes = (process.env.BENCH_PLUGIN_SIZES ?? "10,50,200").split(",").map(Number);
export const calls = Number(process.env.BENCH_CALLS ?? 300);
export const quotaSizes = (process.env.BENCH_QUOTA_SIZES ?? "50,200").split(",").map(Number);
export const quotaTimeScale = Number(process.env.BENCH_QUOTA_TIME_SCALE ?? 6);
export const credentials = randomCredentials();
export const userToken = credentials.userAccessTokens[0];
export const unpaced = JSON.stringify({
  create: 1_000_000,
  patch: 1_000_000,
  get: 1_000_000,
  botMessage: 1_000_000,
  executeSend: 1_000_000,
});
export const body: WireNotificationBody = {
  job_name: "Bench",
  push_content: JSON.stringify(sampleCard),
  push_type: 0,
  push_scope_type: 0,
};
export const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** The 1, 5 and 15 minute load averages, so a noisy run can be recognised. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
