import { DOCUMENTED_RATE_LIMIT_WINDOW_MS, DOCUMENTED_RATE_LIMITS } from "../client/api/rate-limits";
import { endpointNames, type PacedCallNotice, type PacedEndpoint } from "../client/pacing/pacer";

// What a long run tells the user about Feishu's quota, as pure bookkeeping: which calls were
// sent, which wait, when the last will go, how long the run waited. No timers and no output
// here: reporter.ts decides when to speak.

/** One endpoint's calls in this run. */
interface EndpointTally {
  /** Calls sent (each attempt counts: Feishu counts each). */
  sent: number;
  /** Calls in the pacer's queue now. */
  queued: number;
  /** Calls the run said it will make (see {@link QuotaTally.expect}), sent or not. */
  expected: number;
  limit: number;
  windowMs: number;
  /** Since when something has been queued, while something is. */
  queuedSince: number | undefined;
  /** Time with at least one call queued, before `queuedSince`. */
  waitedMs: number;
}

const names = endpointNames;
const order = Object.keys(names) as PacedEndpoint[];

/** "12 s", "16 min", "1 h 5 min": a duration as a person reads it, to the unit that matters. */
export function roughDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "19 min 48 s": a time spent, to the second. */
export function exactDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "Feishu's 10 a minute", or "the configured 10 a second" for limits other than the documented ones. */
export function rateText(endpoint: PacedEndpoint, limit: number, windowMs: number): string {
  const documented = limit === DOCUMENTED_RATE_LIMITS[endpoint] && windowMs === DOCUMENTED_RATE_LIMIT_WINDOW_MS;
  const per = windowMs === 60_000 ? "a minute" : windowMs === 1000 ? "a second" : `per ${exactDuration(windowMs)}`;
  return `${documented ? "Feishu's" : "the configured"} ${limit} ${per}`;
}

/**
 * The rate-limited calls of one provider process (one run), per endpoint. Fed with the client's
 * pacing notices and with the calls the operations say are coming: the engine runs only a few
 * operations at a time (`--parallel`), so the calls it holds back never reach the pacer's
 * queue, yet they wait for the quota all the same.
 */
export class QuotaTally {
  readonly #endpoints = new Map<PacedEndpoint, EndpointTally>();

  /** A pacing notice from the client, at `now`. True when the endpoint had nothing queued before. */
  record(notice: PacedCallNotice, now: number): boolean {
    const tally = this.#tally(notice.endpoint);
    tally.limit = notice.limit;
    tally.windowMs = notice.windowMs;
    const wasIdle = tally.queued === 0;
    if (notice.change === "queued") tally.queued += 1;
    else {
      tally.queued = Math.max(0, tally.queued - 1);
      if (notice.change === "sent") tally.sent += 1;
    }
    if (wasIdle && tally.queued > 0) tally.queuedSince = now;
    if (!wasIdle && tally.queued === 0 && tally.queuedSince !== undefined) {
      tally.waitedMs += now - tally.queuedSince;
      tally.queuedSince = undefined;
    }
    return wasIdle && tally.queued > 0;
  }

  /** The run will make one more call to `endpoint` (an operation the engine may not have started yet). */
  expect(endpoint: PacedEndpoint): void {
    this.#tally(endpoint).expected += 1;
  }

  /** The endpoints with calls queued now, in table order. */
  waiting(): PacedEndpoint[] {
    return order.filter((endpoint) => (this.#endpoints.get(endpoint)?.queued ?? 0) > 0);
  }

  /** True once any call has waited for the quota in this run. */
  get anyWaited(): boolean {
    return [...this.#endpoints.values()].some((t) => t.waitedMs > 0 || t.queued > 0);
  }

  /** "creates: 37 of 200 sent, 163 waiting, about 16 min at Feishu's 10 a minute". */
  notice(endpoint: PacedEndpoint): string {
    const tally = this.#tally(endpoint);
    const total = Math.max(tally.expected, tally.sent + tally.queued);
    const waiting = total - tally.sent;
    const left = (waiting / tally.limit) * tally.windowMs;
    return (
      `${names[endpoint]}: ${tally.sent} of ${total} sent, ${waiting} waiting, ` +
      `about ${roughDuration(left)} at ${rateText(endpoint, tally.limit, tally.windowMs)}`
    );
  }

  /**
   * "Feishu calls in this run so far: 200 creates, 201 reads; waited for the quota: creates 19 min 48 s",
   * at `now`; undefined before any rate-limited call.
   */
  summary(now: number): string | undefined {
    const used = order.filter((endpoint) => (this.#endpoints.get(endpoint)?.sent ?? 0) > 0);
    if (used.length === 0) return undefined;
    const calls = used.map((endpoint) => `${this.#tally(endpoint).sent} ${names[endpoint]}`).join(", ");
    const waited = order
      .map((endpoint) => [endpoint, this.#waitedMs(endpoint, now)] as const)
      .filter(([, ms]) => ms > 0)
      .map(([endpoint, ms]) => `${names[endpoint]} ${exactDuration(ms)}`);
    const waits = waited.length === 0 ? "no call waited for the quota" : `waited for the quota: ${waited.join(", ")}`;
    return `Feishu calls in this run so far: ${calls}; ${waits}`;
  }

  #waitedMs(endpoint: PacedEndpoint, now: number): number {
    const tally = this.#endpoints.get(endpoint);
    if (tally === undefined) return 0;
    return tally.waitedMs + (tally.queuedSince === undefined ? 0 : now - tally.queuedSince);
  }

  #tally(endpoint: PacedEndpoint): EndpointTally {
    let tally = this.#endpoints.get(endpoint);
    if (tally === undefined) {
      const limit = DOCUMENTED_RATE_LIMITS[endpoint];
      tally = { sent: 0, queued: 0, expected: 0, limit, windowMs: 60_000, queuedSince: undefined, waitedMs: 0 };
      this.#endpoints.set(endpoint, tally);
    }
    return tally;
  }
}
