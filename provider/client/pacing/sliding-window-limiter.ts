/**
 * At most `limit` grants in any `windowMs`, first come first served. Sliding, so it never
 * exceeds a gateway's fixed window either, however the two windows line up.
 */
export class SlidingWindowLimiter {
  /** Times of the most recent grants, oldest first; never more than `limit`. */
  private readonly grants: number[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pausedUntil = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot. Resolves with how long it waited, in ms. */
  take(onWait?: (waitMs: number) => void): Promise<number> {
    const turn = this.queue.then(async () => {
      const start = this.now();
      for (;;) {
        const now = this.now();
        while (this.grants.length > 0 && this.grants[0] <= now - this.windowMs) this.grants.shift();
        const freeAt = Math.max(this.pausedUntil, this.grants.length < this.limit ? now : this.grants[0] + this.windowMs);
        if (freeAt <= now) break;
        onWait?.(freeAt - now);
        await new Promise((resolve) => setTimeout(resolve, freeAt - now));
      }
      this.grants.push(this.now());
      return this.now() - start;
    });
    this.queue = turn;
    return turn;
  }

  /** The server said its window is full: no grant before `time`. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }
}
