import type { HelpdeskClientOptions } from "../client/helpdesk-client";
import { describeWait } from "../client/pacing/pacer";

/**
 * Where an operation tells the user what it did or why it is slow, whatever hosts it: the
 * dynamic provider writes to the console, another host may send diagnostics.
 */
export interface Reporter {
  /** Something the user should know: the operation succeeded, but not entirely as declared. */
  warn(message: string): void;
  /** Progress: why a call is slow. */
  info(message: string): void;
}

/**
 * The dynamic provider's reporter: its stdout and stderr reach the engine, which shows them in
 * the `pulumi up` output.
 */
export const consoleReporter: Reporter = {
  warn: (message) => console.warn(`warning: ${message}`),
  info: (message) => console.error(`info: ${message}`),
};

/**
 * Client hooks that say why calls are slow, at most once per endpoint every 5 s: with 40
 * campaigns queued for create slots, one line is news and forty are noise.
 */
export function progressHooks(reporter: Reporter): Pick<HelpdeskClientOptions, "onWait" | "onRetry"> {
  const lastSaid = new Map<string, number>();
  const say = (key: string, message: string) => {
    const now = Date.now();
    if (now - (lastSaid.get(key) ?? 0) < 5000) return;
    lastSaid.set(key, now);
    reporter.info(message);
  };
  return {
    onWait: (notice) => say(`wait ${notice.endpoint}`, describeWait(notice)),
    onRetry: (notice) =>
      say(
        `retry ${notice.endpoint}`,
        `retrying ${notice.endpoint} in ${(notice.afterMs / 1000).toFixed(1)}s ` +
          `(attempt ${notice.attempt} failed: ${notice.error.message})`,
      ),
  };
}
