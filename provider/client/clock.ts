/**
 * Time as the client reads it and waits on it. Tests pass a virtual clock to drive waits
 * without sleeping; everything else uses {@link systemClock}.
 */
export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /** Calls `callback` after `ms`; the returned function cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

/**
 * The longest delay `setTimeout` takes (2^31 - 1 ms, about 24.8 days). Node fires a longer one (or
 * Infinity, or NaN) after 1 ms instead, which turned a huge wait into a busy loop.
 */
export const maxTimerMs = 2 ** 31 - 1;

/** `ms` as a delay `setTimeout` honours: within 0..maxTimerMs, NaN read as 0. */
export function timerDelay(ms: number): number {
  return ms > 0 ? Math.min(ms, maxTimerMs) : 0;
}

/** The real clock: `Date.now` and `setTimeout`. */
export const systemClock: Clock = {
  now: Date.now,
  setTimer(callback, ms) {
    const timer = setTimeout(callback, timerDelay(ms));
    return () => clearTimeout(timer);
  },
};

/** Resolves after `ms` on `clock` (at most {@link maxTimerMs}: a longer wait is cut to that). */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(resolve, timerDelay(ms)));
}
