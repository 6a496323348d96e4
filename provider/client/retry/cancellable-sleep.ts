import type { Clock } from "../clock";

/**
 * Resolves after `ms` on `clock`, or at once when `signal` aborts (then true): a cancelled run
 * must not sit out a 20 s backoff.
 */
export function cancellableSleep(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      stop();
      resolve(true);
    };
    const stop = clock.setTimer(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
