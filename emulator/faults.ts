import { z } from "zod";
import { EmulatorUsageError } from "./errors";

/**
 * What can go wrong between a client and Feishu, injected on purpose:
 * - `latency`: the reply comes `latencyMs` late (a client timeout shorter than that fails);
 * - `internalError`: HTTP 500, code 155000, before anything is done;
 * - `rateLimited`: HTTP 429, code 99991400, as the gateway throttling it;
 * - `dropBeforeCommit`: the connection is cut after the request arrives, before it is processed;
 * - `dropAfterCommit`: processed and stored, then the connection is cut before the reply;
 * - `malformed`: HTTP 200 with JSON that is not Feishu's envelope (no `code`), as a proxy in
 *   between might send, before processing (a reply of `{code: 0}` that did nothing would be a
 *   lie no client can detect, so it is not offered);
 * - `nonJson`: HTTP 502 with an HTML page, before processing;
 * - `truncated`: a reply cut off mid-JSON, before processing;
 * - `expiredToken`: the access token is refused as expired (99991663) and tenant tokens are revoked.
 */
export type FaultKind = (typeof faultKinds)[number];

/** Every {@link FaultKind}. */
export const faultKinds = [
  "latency",
  "internalError",
  "rateLimited",
  "dropBeforeCommit",
  "dropAfterCommit",
  "malformed",
  "nonJson",
  "truncated",
  "expiredToken",
] as const;

/** A rule: with probability `rate`, requests that match get one of `kinds`, chosen at random. */
export interface FaultRule {
  readonly kinds: readonly FaultKind[];
  /** Probability per matching request, 0 to 1. */
  readonly rate: number;
  /** Only requests with this method. */
  readonly method?: "GET" | "POST" | "PATCH";
  /** Only requests whose path contains this. */
  readonly pathIncludes?: string;
  /** Stop after this many injections. */
  readonly limit?: number;
}

/** Options of fault injection. */
export interface FaultOptions {
  readonly rules: readonly FaultRule[];
  /**
   * Seed of the random choices: the same seed and the same order of requests give the same faults.
   * @default 1
   */
  readonly seed?: number;
  /**
   * Delay of a `latency` fault.
   * @default 2000
   */
  readonly latencyMs?: number;
}

const faultOptionsSchema = z.strictObject({
  rules: z.array(
    z.strictObject({
      kinds: z.array(z.enum(faultKinds)).min(1),
      rate: z.number().min(0).max(1),
      method: z.enum(["GET", "POST", "PATCH"]).optional(),
      pathIncludes: z.string().optional(),
      limit: z.number().int().nonnegative().optional(),
    }),
  ),
  seed: z.number().int().optional(),
  // At most setTimeout's longest delay (2^31 - 1 ms): a longer one fires after 1 ms instead.
  latencyMs: z
    .number()
    .nonnegative()
    .max(2 ** 31 - 1)
    .optional(),
});

/**
 * Checks fault options from outside (the CLI's --faults): unknown keys, unknown kinds and a
 * `kinds` that is not a list are refused, rather than silently injecting nothing. Throws saying what is wrong.
 */
export function parseFaultOptions(json: unknown): FaultOptions {
  const result = faultOptionsSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new EmulatorUsageError(`fault options: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
}

/** mulberry32: small, fast, and good enough to spread faults; seeded for repeatable runs. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, request by request, which fault (if any) to inject. */
export class FaultInjector {
  private readonly random: () => number;
  private readonly used: number[];

  constructor(private readonly options: FaultOptions) {
    this.random = seededRandom(options.seed ?? 1);
    this.used = options.rules.map(() => 0);
  }

  get latencyMs(): number {
    return Math.min(this.options.latencyMs ?? 2000, 2 ** 31 - 1);
  }

  /** The fault for this API request, or undefined. */
  choose(method: string, path: string): FaultKind | undefined {
    for (const [index, rule] of this.options.rules.entries()) {
      if (rule.method && rule.method !== method) continue;
      if (rule.pathIncludes && !path.includes(rule.pathIncludes)) continue;
      if (rule.limit !== undefined && this.used[index] >= rule.limit) continue;
      if (this.random() >= rule.rate) continue;
      this.used[index] += 1;
      return rule.kinds[Math.floor(this.random() * rule.kinds.length)];
    }
    return undefined;
  }
}
