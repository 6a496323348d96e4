/**
 * The quota section of `npm run bench`: the emulator with Feishu's real limits (10 creates, 20
 * patches, 100 reads a minute), its minute divided by a time scale, and the provider told the
 * same window, so a run is limited by the quota as it would be against a real tenant. For each
 * N: an `up` of N creates, a `refresh`, an `up` of N edits; each as wall time over the quota's
 * floor (for each endpoint its calls ÷ its rate, the largest), and its calls per campaign against
 * the fewest the API allows and the fewest the provider's promises need.
 *
 * Environment: BENCH_QUOTA_SIZES (default "50,200"), BENCH_QUOTA_TIME_SCALE (default 6: a 10 s window,
 * long beside the engine's few seconds of start-up; at 60 those seconds are as long as the floor).
 */
import { DOCUMENTED_RATE_LIMITS, type RateLimitedEndpoint } from "../provider";
import { type RecordedRequest, startEmulator } from "../emulator";
import { configureStack, randomCredentials } from "../test/harness/feishu-fixture";
import { keepTranscript } from "../test/harness/plugin-archive";
import { PulumiProject } from "../test/harness/pulumi-project";
import { timed } from "./stats";

/** One operation's figures. */
export interface QuotaRun {
  readonly op: "up (creates)" | "refresh" | "up (edits)";
  readonly n: number;
  readonly ms: number;
  /** The quota's floor, scaled: for each endpoint its calls ÷ its rate, the largest. */
  readonly floorMs: number;
  /**
   * The tight floor: a window lets its first `rate` calls go at once, so N calls need only
   * ⌈N ÷ rate⌉ − 1 full windows; wall time above it is what the quota does not explain.
   */
  readonly tightFloorMs?: number; // absent in results written before it existed (BENCH_REPORT)
  /** API calls about campaigns (the token and credential check left out), per campaign. */
  readonly callsPerCampaign: number;
  /** Calls per endpoint. */
  readonly calls: Partial<Record<RateLimitedEndpoint, number>>;
  /** 429 answers: the pacing let a call through too early. */
  readonly throttled: number;
}

/** The fewest calls per campaign: what the API allows, and what the provider's promises need. */
export const minimumCalls: Record<QuotaRun["op"], { readonly api: number; readonly promised: number; why: string }> = {
  "up (creates)": { api: 1, promised: 2, why: "POST; + the read-back that fills the outputs" },
  refresh: { api: 1, promised: 1, why: "GET" },
  "up (edits)": { api: 1, promised: 3, why: "PATCH; + the draft check before it, + the read-back" },
};

const endpointOf = (request: RecordedRequest): RateLimitedEndpoint | "other" => {
  if (request.path.startsWith("/open-apis/auth/")) return "other";
  if (request.path === "/open-apis/helpdesk/v1/message") return "botMessage";
  if (request.path.endsWith("/execute_send")) return "executeSend";
  if (request.path === "/open-apis/helpdesk/v1/notifications") return request.method === "POST" ? "create" : "other";
  if (request.path.endsWith("/notifications/0")) return "other"; // the credential check, once per run
  if (/\/notifications\/[^/]+$/.test(request.path)) return request.method === "PATCH" ? "patch" : "get";
  return "other";
};

/** The runs at each N in `sizes`, the emulator's minute divided by `timeScale`. */
export async function quotaRuns(
  sizes: readonly number[],
  timeScale: number,
  log: (message: string) => void,
): Promise<QuotaRun[]> {
  const windowMs = 60_000 / timeScale;
  const runs: QuotaRun[] = [];
  for (const n of sizes) {
    const credentials = randomCredentials();
    const emulator = await startEmulator({ credentials, timeScale, maxRecordedRequests: 100_000 });
    const project = await PulumiProject.create("bench/programs/campaigns");
    try {
      await configureStack(project, emulator.url, credentials);
      await project.setConfig("feishu-helpdesk:rateLimitWindowMs", String(windowMs));
      await project.setConfig("count", String(n));
      const steps: [QuotaRun["op"], () => Promise<unknown>][] = [
        ["up (creates)", () => project.up()],
        ["refresh", () => project.refresh()],
        ["up (edits)", async () => (await project.setConfig("edition", " (v2)"), project.up())],
      ];
      for (const [op, run] of steps) {
        // Each operation starts with the quota unused, as its floor assumes: the previous command's
        // calls still count in Feishu's window, but not in a new provider process's pacing.
        await new Promise((resolve) => setTimeout(resolve, windowMs));
        log(`quota: ${op}, N = ${n}, time scale ${timeScale}`);
        emulator.clearRequests();
        const ms = await timed(run);
        const calls: Partial<Record<RateLimitedEndpoint, number>> = {};
        let aboutCampaigns = 0;
        for (const request of emulator.requests) {
          const endpoint = endpointOf(request);
          if (endpoint === "other") continue;
          calls[endpoint] = (calls[endpoint] ?? 0) + 1;
          aboutCampaigns++;
        }
        const floorMs = Math.max(
          ...Object.entries(calls).map(
            ([endpoint, count]) => (count / DOCUMENTED_RATE_LIMITS[endpoint as RateLimitedEndpoint]) * windowMs,
          ),
        );
        const tightFloorMs = Math.max(
          ...Object.entries(calls).map(
            ([endpoint, count]) =>
              (Math.ceil(count / DOCUMENTED_RATE_LIMITS[endpoint as RateLimitedEndpoint]) - 1) * windowMs,
          ),
        );
        const throttled = emulator.requests.filter((r) => r.status === 429).length;
        runs.push({ op, n, ms, floorMs, tightFloorMs, callsPerCampaign: aboutCampaigns / n, calls, throttled });
      }
    } finally {
      // What a person reads: the progress notices of each run, kept beside the other transcripts.
      keepTranscript(`bench-quota-${n}`, project.transcript);
      await project.dispose();
      await emulator.close();
    }
  }
  return runs;
}

/** The section's Markdown. */
export function quotaMarkdown(runs: readonly QuotaRun[], timeScale: number): string[] {
  const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
  const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    `## 6. At Feishu's quota (real limits, the minute scaled ${timeScale}×; goal: wall ÷ floor ≤ 1.05)`,
    "",
    "The floor is the quota's own: for each endpoint its calls ÷ its rate, the largest. A window lets its " +
      "first calls go at once, so the tight floor is one window less (⌈calls ÷ rate⌉ − 1 windows); the time " +
      "above it is what the quota does not explain (starting the engine and the program, the last read-backs), " +
      "about the same at any N and any time scale. Each operation starts one window after the last. Calls per " +
      "campaign leave out the token and the credential check (one each per run).",
    "",
    row(
      "operation",
      "N",
      "wall s",
      "floor s",
      "wall ÷ floor",
      "wall − tight floor s",
      "calls per campaign",
      "minimum (API / promised)",
      "429",
    ),
    row("---", "---:", "---:", "---:", "---:", "---:", "---:", "---", "---:"),
    ...runs.map((r) =>
      row(
        r.op,
        String(r.n),
        f(r.ms / 1000, 1),
        f(r.floorMs / 1000, 1),
        `**${f(r.ms / r.floorMs)}**`,
        r.tightFloorMs === undefined ? "n/a" : f((r.ms - r.tightFloorMs) / 1000, 1),
        `${f(r.callsPerCampaign)} (${Object.entries(r.calls)
          .map(([endpoint, count]) => `${endpoint} ${count}`)
          .join(", ")})`,
        `${minimumCalls[r.op].api} / ${minimumCalls[r.op].promised}: ${minimumCalls[r.op].why}`,
        String(r.throttled),
      ),
    ),
    "",
  ];
}
