import type { PacedCallNotice, PacedEndpoint } from "../client/pacing/pacer";
import { QuotaTally } from "./quota-progress";
import type { Reporter } from "./reporter";

/** The clock and timer the notices use; tests pass a virtual one. */
export interface NoticeTimers {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

const realTimers: NoticeTimers = {
  now: Date.now,
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    // A progress notice never keeps the process alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/**
 * How often a waiting endpoint is reported: twice per quota window (every 30 s at Feishu's
 * per-minute limits), often enough to see a run move, rarely enough that a 20-minute `up` says
 * it in about 40 lines per endpoint; never more than 4 times a second.
 */
export const noticeIntervalMs = (windowMs: number): number => Math.max(250, windowMs / 2);

/**
 * Tells the user about Feishu's quota during a run, under the Stack: while calls wait for it,
 * one line per endpoint (not one per campaign) at {@link noticeIntervalMs}; nothing while no
 * call waits; and once the run's operations are done, one line with the calls made per
 * endpoint and the time spent waiting, if any call waited.
 */
export class QuotaNotices {
  readonly #tally = new QuotaTally();
  #stop: (() => void) | undefined;
  #lastSummary: string | undefined;

  constructor(
    private readonly reporter: Reporter,
    private readonly timers: NoticeTimers = realTimers,
  ) {}

  /** The client's hook (HelpdeskClientOptions.onPaced). */
  readonly onPaced = (notice: PacedCallNotice): void => {
    if (!this.#tally.record(notice, this.timers.now())) return;
    // The endpoint just started to wait: say so now, then at the interval while anything waits.
    this.reporter.info(this.#tally.notice(notice.endpoint));
    this.#stop ??= this.timers.every(noticeIntervalMs(notice.windowMs), () => this.#tick());
  };

  /** The run will make one more call to `endpoint`, once the engine gets to it. */
  expect(endpoint: PacedEndpoint): void {
    this.#tally.expect(endpoint);
  }

  /**
   * No operation of the run is in progress: if any call waited for the quota, the run's line of
   * calls and waits (once; again only if it changed since).
   */
  settle(): void {
    if (!this.#tally.anyWaited) return;
    const summary = this.#tally.summary(this.timers.now());
    if (summary === undefined || summary === this.#lastSummary) return;
    this.#lastSummary = summary;
    this.reporter.info(summary);
  }

  #tick(): void {
    const waiting = this.#tally.waiting();
    if (waiting.length === 0) {
      this.#stop?.();
      this.#stop = undefined;
      return;
    }
    for (const endpoint of waiting) this.reporter.info(this.#tally.notice(endpoint));
  }
}
