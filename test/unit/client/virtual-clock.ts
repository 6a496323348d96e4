import type { Clock } from "../../../provider/client/clock";

/**
 * A clock that only moves when told: timers fire in time order as `run` advances it, and every
 * promise reaction a timer causes settles before the next one fires.
 */
export class VirtualClock implements Clock {
  private time: number;
  private timers: { at: number; seq: number; callback: () => void }[] = [];
  private seq = 0;

  constructor(start = 1_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Fires due timers in order until none is left (or `until` is reached), settling promises after each. */
  async run(until = Number.POSITIVE_INFINITY): Promise<void> {
    await settle();
    for (;;) {
      if (this.timers.length === 0) {
        if (Number.isFinite(until)) this.time = Math.max(this.time, until);
        return;
      }
      const next = this.timers.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a));
      if (next.at > until) {
        this.time = until;
        return;
      }
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.callback();
      await settle();
    }
  }
}

/** Lets every pending promise reaction run: a macrotask turn drains the microtask queue. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
