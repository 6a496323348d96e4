import type { clientOverhead, pacedThroughput } from "./client-overhead";
import type { EngineRun } from "./engine-runs";
import type { QuotaRun } from "./quota";

/** What one run of `npm run bench` measured, as bench/results/latest.json holds it. */
export type Results = {
  machine: Record<string, string>;
  client: Awaited<ReturnType<typeof clientOverhead>>;
  engine: Record<
    number,
    {
      /** The dynamic resource (TypeScript program). */
      ours: EngineRun[];
      /** The same campaigns through the native plugin (YAML program); undefined for an N not in BENCH_PLUGIN_SIZES. */
      plugin?: EngineRun[];
      floor: EngineRun[];
      script: number;
      memoryKiB: number;
      pluginMemoryKiB: number;
      exportBytes?: { provider: number; resource: number };
      load: string;
    }
  >;
  paced: Awaited<ReturnType<typeof pacedThroughput>>;
  /** Absent from reports made before the section existed. */
  quota?: { timeScale: number; runs: QuotaRun[] };
};
