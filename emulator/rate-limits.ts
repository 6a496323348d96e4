import { DOCUMENTED_RATE_LIMITS, type RateLimitedEndpoint } from "../provider/client/api/rate-limits";

/** The documented limits the emulator enforces by default (the client paces to the same table). */
export const documentedLimits = DOCUMENTED_RATE_LIMITS;

/** One of {@link documentedLimits}. */
export type LimitedEndpoint = RateLimitedEndpoint;

/**
 * The gateway's limits: per endpoint, a fixed window of one minute divided by `timeScale`
 * (60 makes "10 per minute" 10 per second, so a test runs in seconds).
 */
export class GatewayRateLimits {
  private readonly windowMs: number;
  private readonly windows = new Map<LimitedEndpoint, { start: number; count: number }>();

  constructor(
    private readonly limits: Readonly<Record<LimitedEndpoint, number>>,
    timeScale: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = 60_000 / timeScale;
  }

  /** Counts a call; returns undefined if allowed, or the limit and the seconds until the window resets. */
  hit(endpoint: LimitedEndpoint): { limit: number; resetSeconds: number } | undefined {
    const now = this.now();
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    let window = this.windows.get(endpoint);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(endpoint, window);
    }
    if (window.count >= this.limits[endpoint]) {
      return {
        limit: this.limits[endpoint],
        resetSeconds: Math.max(1, Math.ceil((start + this.windowMs - now) / 1000)),
      };
    }
    window.count += 1;
    return undefined;
  }
}
