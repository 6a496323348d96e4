import type { HelpdeskClientOptions } from "../client/helpdesk-client";
import { engineLog } from "./engine-log";
import type { QuotaNotices } from "./quota-notices";
import { currentResource } from "./resource-context";

/**
 * Where an operation tells the user what it did or why it is slow, whatever hosts it: the
 * dynamic provider sends the engine diagnostics, a test may collect them.
 */
export interface Reporter {
  /** Something the user should know: the operation succeeded, but not entirely as declared. */
  warn(message: string): void;
  /** Progress: why a call is slow. */
  info(message: string): void;
}

/** A reporter that tells no one: for a check repeated by a host, already told once. */
export const silentReporter: Reporter = { warn: () => undefined, info: () => undefined };

/** The resource's Pulumi name before a message, when known, so each line says what it is about. */
const namedForResource = (message: string): string => {
  const resource = currentResource();
  return resource === undefined ? message : `${resource.name}: ${message}`;
};

/**
 * The console reporter: the dynamic provider's stderr reaches the engine, which shows it under the
 * Stack as `info#err`. The fallback when there is no engine to log to.
 */
export const consoleReporter: Reporter = {
  warn: (message) => console.warn(`warning: ${namedForResource(message)}`),
  info: (message) => console.error(`info: ${message}`),
};

/**
 * The dynamic provider's reporter: each message goes to the engine's Log (see engine-log.ts) with
 * its severity and, for a warning, the URN of the resource the current call is about, so it is
 * shown once, under that resource. Progress notices span resources and go under the Stack.
 * Logging is asynchronous: the adapter awaits {@link EngineReporter.flush} before it answers, so
 * every message is in before the engine moves on.
 */
export class EngineReporter implements Reporter {
  readonly #pending = new Set<Promise<void>>();

  warn(message: string): void {
    const resource = currentResource();
    this.#send(namedForResource(message), "warning", resource?.urn, () => consoleReporter.warn(message));
  }

  info(message: string): void {
    this.#send(message, "info", undefined, () => consoleReporter.info(message));
  }

  /** Resolves once every message sent so far has reached the engine (or the console). */
  async flush(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  #send(message: string, severity: "info" | "warning", urn: string | undefined, fallback: () => void): void {
    const sent: Promise<void> = engineLog(message, severity, urn).then(
      (ok) => (ok ? undefined : fallback()),
      () => fallback(),
    );
    this.#pending.add(sent);
    void sent.finally(() => this.#pending.delete(sent));
  }
}

/** An endpoint with its ids left out: `GET /open-apis/helpdesk/v1/notifications/:id`. */
export const endpointPattern = (endpoint: string): string => endpoint.replace(/\/\d+(?=\/|$)/g, "/:id");

/** How many retries of one endpoint were due since it was last reported, and the last one. */
interface RetryTally {
  count: number;
  lastSaidAt: number;
}

/**
 * Client hooks that say why calls are slow. Retries: at most once per endpoint every 5 s,
 * however many campaigns (ids) the calls are about: with 40 campaigns retrying, one line saying
 * "40 calls" is news and forty lines are noise. Waits for the quota: `quota` (see quota-notices.ts).
 */
export function progressHooks(
  reporter: Reporter,
  now: () => number = Date.now,
  quota?: QuotaNotices,
): Pick<HelpdeskClientOptions, "onPaced" | "onRetry"> {
  const retries = new Map<string, RetryTally>();
  return {
    ...(quota ? { onPaced: quota.onPaced } : {}),
    onRetry: (notice) => {
      const endpoint = endpointPattern(notice.endpoint);
      const tally = retries.get(endpoint) ?? { count: 0, lastSaidAt: Number.NEGATIVE_INFINITY };
      retries.set(endpoint, tally);
      tally.count++;
      const at = now();
      if (at - tally.lastSaidAt < 5000) return;
      const calls = tally.count === 1 ? "1 call" : `${tally.count} calls`;
      reporter.info(
        `retrying ${endpoint}: ${calls} failed since the last notice, the latest (attempt ${notice.attempt}) with: ` +
          `${notice.error.message.split("\n")[0]}`,
      );
      tally.count = 0;
      tally.lastSaidAt = at;
    },
  };
}
