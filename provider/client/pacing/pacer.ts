import { DOCUMENTED_RATE_LIMITS, type RateLimitedEndpoint } from "../api/rate-limits";
import { SlidingWindowLimiter, type Permit } from "./sliding-window-limiter";

/** The endpoints Feishu limits separately. */
export type PacedEndpoint = RateLimitedEndpoint;

/** Pacing settings. */
export interface PacingOptions {
  /**
   * Calls allowed per window, per endpoint, for tenants with other quotas.
   * @default DOCUMENTED_RATE_LIMITS
   */
  readonly rateLimits?: Partial<Record<PacedEndpoint, number>>;
  /**
   * The window the limits count in.
   * @default 60000
   */
  readonly rateLimitWindowMs?: number;
}

/** Said when a call waits for its turn. */
export interface WaitNotice {
  readonly endpoint: PacedEndpoint;
  readonly waitMs: number;
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Said of each paced call: it joined the queue for its endpoint's quota (`queued`), left it
 * unsent (`dropped`: the run was cancelled), or went (`sent`: at once, or after its wait).
 */
export interface PacedCallNotice {
  readonly endpoint: PacedEndpoint;
  readonly change: "queued" | "sent" | "dropped";
  /** The endpoint's calls per window. */
  readonly limit: number;
  readonly windowMs: number;
}

/** Each endpoint's calls as the user reads them in notices: "creates", "reads"... */
export const endpointNames: Readonly<Record<PacedEndpoint, string>> = {
  create: "creates",
  patch: "updates",
  get: "reads",
  botMessage: "bot messages",
  executeSend: "scheduled sends",
};

/** "waiting 14s: Feishu allows 10 creates/min". */
export function describeWait(notice: WaitNotice): string {
  const per = notice.windowMs === 60_000 ? "min" : `${notice.windowMs / 1000}s`;
  const calls = endpointNames[notice.endpoint];
  return `waiting ${Math.ceil(notice.waitMs / 1000)}s: Feishu allows ${notice.limit} ${calls}/${per}`;
}

/** One limiter per endpoint. */
export class Pacer {
  private readonly limiters = new Map<PacedEndpoint, SlidingWindowLimiter>();

  constructor(private readonly options: PacingOptions = {}) {}

  /** A permit for `endpoint` if one is free now and nobody waits; undefined otherwise (then {@link take}). */
  tryTake(endpoint: PacedEndpoint): Permit | undefined {
    return this.limiter(endpoint).tryTake();
  }

  /**
   * Waits for `endpoint`'s next permit; calls `onWait` first if that means waiting. Call the permit's
   * `done()` when the call finishes.
   */
  take(endpoint: PacedEndpoint, onWait?: (notice: WaitNotice) => void, signal?: AbortSignal): Promise<Permit> {
    const limiter = this.limiter(endpoint);
    return limiter.take(
      onWait && ((waitMs) => onWait({ endpoint, waitMs, limit: limiter.limit, windowMs: limiter.windowMs })),
      signal,
    );
  }

  /** `endpoint`'s quota: calls per window, and the window. */
  quota(endpoint: PacedEndpoint): { readonly limit: number; readonly windowMs: number } {
    const { limit, windowMs } = this.limiter(endpoint);
    return { limit, windowMs };
  }

  /** Feishu answered 429 for `endpoint`: hold every call to it until `time`. */
  pauseUntil(endpoint: PacedEndpoint, time: number): void {
    this.limiter(endpoint).pauseUntil(time);
  }

  private limiter(endpoint: PacedEndpoint): SlidingWindowLimiter {
    let limiter = this.limiters.get(endpoint);
    if (!limiter) {
      const limit = this.options.rateLimits?.[endpoint] ?? DOCUMENTED_RATE_LIMITS[endpoint];
      limiter = new SlidingWindowLimiter(limit, this.options.rateLimitWindowMs ?? 60_000);
      this.limiters.set(endpoint, limiter);
    }
    return limiter;
  }
}

// Every client of a process that talks to the same Feishu with the same quotas shares one
// pacer: the engine runs resource operations in parallel, and the quota is the tenant's.
const shared = new Map<string, Pacer>();

/** The process-wide pacer for `baseUrl` and these options. */
export function sharedPacer(baseUrl: string, options: PacingOptions): Pacer {
  const key = JSON.stringify([baseUrl, options.rateLimits ?? {}, options.rateLimitWindowMs ?? 60_000]);
  let pacer = shared.get(key);
  if (!pacer) {
    // Only the pacing settings: callers pass their whole options, credentials included.
    pacer = new Pacer({ rateLimits: options.rateLimits, rateLimitWindowMs: options.rateLimitWindowMs });
    shared.set(key, pacer);
  }
  return pacer;
}
