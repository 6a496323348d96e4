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

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot; calls `onWait` with the expected wait first if there is one. */
  take(onWait?: (waitMs: number) => void): Promise<Slot> {
    const turn = this.queue.then(async () => {
      const start = this.now();
      let told = false;
      for (;;) {
        const now = this.now();
        // Forget the slots whose window has passed.
        for (let i = this.slots.length - 1; i >= 0; i--) {
          const finishedAt = this.slots[i].finishedAt;
          if (finishedAt !== undefined && finishedAt <= now - this.windowMs) this.slots.splice(i, 1);
        }
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
      const slot = { finishedAt: undefined as number | undefined };
      this.slots.push(slot);
      return {
        waitedMs: this.now() - start,
        done: () => {
          if (slot.finishedAt !== undefined) return;
          slot.finishedAt = this.now();
          this.wake?.();
        },
      };
    });
    // The next caller waits for this turn to finish, whether or not it failed.
    this.queue = turn.catch(() => undefined);
    return turn;
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
