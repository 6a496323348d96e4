/** A granted slot. Call `done()` when the call it was for has finished. */
export interface Slot {
  /** How long the caller waited for the slot, in ms. */
  readonly waitedMs: number;
  /** The call finished (answered or failed): its slot counts from now. */
  done(): void;
}

/**
 * At most `limit` calls in any `windowMs`, first come first served, counted the way a server
 * counts them. A server counts a call when it arrives, which is somewhere between when it was
 * sent and when its answer came back. So a slot is held while its call is in flight and
 * counts from the moment the call finished: the next call that needs the slot starts a full
 * window after that, and therefore arrives at least a window after the earlier one did,
 * however the server's windows line up.
 */
export class SlidingWindowLimiter {
  /** Finish times of recent calls (undefined while in flight), at most `limit` of them. */
  private readonly slots: { finishedAt: number | undefined }[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pausedUntil = 0;
  private wake: (() => void) | undefined;
  private queued = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot; calls `onWait` with the expected wait first if there is one. */
  take(onWait?: (waitMs: number) => void): Promise<Slot> {
    // Fast path, the common case: nobody queued and a slot free now.
    if (this.queued === 0) {
      const now = this.now();
      this.forgetExpired(now);
      if (this.pausedUntil <= now && this.slots.length < this.limit) return Promise.resolve(this.grant(now));
    }
    this.queued += 1;
    const turn = this.queue.then(async () => {
      const start = this.now();
      let told = false;
      for (;;) {
        const now = this.now();
        this.forgetExpired(now);
        const freeAt = Math.max(this.pausedUntil, this.slots.length < this.limit ? now : this.earliestFree());
        if (freeAt <= now) break;
        if (!told && Number.isFinite(freeAt)) {
          told = true;
          try {
            onWait?.(freeAt - now);
          } catch {
            // A notice that fails must not stop the queue.
          }
        }
        // Sleep until a slot frees, or until a call in flight finishes and sets its time.
        await new Promise<void>((resolve) => {
          const timer = Number.isFinite(freeAt) ? setTimeout(resolve, freeAt - now) : undefined;
          this.wake = () => {
            if (timer) clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
      return this.grant(start);
    });
    // The next caller waits for this turn to finish, whether or not it failed.
    this.queue = turn.catch(() => undefined).finally(() => (this.queued -= 1));
    return turn;
  }

  private grant(waitingSince: number): Slot {
    const slot = { finishedAt: undefined as number | undefined };
    this.slots.push(slot);
    return {
      waitedMs: this.now() - waitingSince,
      done: () => {
        if (slot.finishedAt !== undefined) return;
        slot.finishedAt = this.now();
        this.wake?.();
      },
    };
  }

  /**
   * Forgets the slots whose window has passed, from the oldest. Calls finish out of order, so a
   * later one may wait behind an earlier one still in flight: it then counts a little longer,
   * which only errs on the safe side.
   */
  private forgetExpired(now: number): void {
    while (this.slots.length > 0) {
      const finishedAt = this.slots[0].finishedAt;
      if (finishedAt === undefined || finishedAt > now - this.windowMs) return;
      this.slots.shift();
    }
  }

  /** The server said its window is full: no grant before `time`. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /** When the soonest-expiring finished slot frees up; Infinity while every slot is in flight. */
  private earliestFree(): number {
    let earliest = Number.POSITIVE_INFINITY;
    for (const slot of this.slots) {
      if (slot.finishedAt !== undefined) earliest = Math.min(earliest, slot.finishedAt + this.windowMs);
    }
    return earliest;
  }
}
