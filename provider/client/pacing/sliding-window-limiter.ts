import { type Clock, systemClock, timerDelay } from "../clock";

/** A granted permit. Call `done()` when the call it was for has finished. */
export interface Permit {
  /** How long the caller waited for the permit, in ms. */
  readonly waitedMs: number;
  /** The call finished (answered or failed): its permit counts from now. */
  done(): void;
}

/**
 * At most `limit` calls in any `windowMs`, first come first served, counted the way a server
 * counts them.
 *
 * A server counts a call when it arrives, somewhere between when it was sent (`start`) and when
 * its answer came back (`finish`); where exactly is unknown. So a permit is held from the call's
 * start while it is in flight, and for a window after it finished.
 *
 * Invariant, checked at every grant: a call starts only while fewer than `limit` other calls are
 * in flight or finished less than `windowMs` ago.
 *
 * Why that is enough: suppose `limit + 1` calls arrived within less than `windowMs` of each
 * other. Take the one of them that started last, at `s`. Each of the others started before `s`
 * and arrived (so finished) after `s - windowMs`: when the last one started, all `limit` of them
 * were in flight or finished within the window, which the invariant forbids. The same argument
 * with "started" for "arrived" shows that no window holds more than `limit` starts.
 *
 * A permit is forgotten as soon as its own window has passed, wherever it sits: calls finish out
 * of order, and a slow call must neither release the calls behind it (each of them still counts
 * for its own window) nor be released by them. Calls in flight are only counted; finished ones
 * are queued in the order they finished, which is the order their windows end, so forgetting
 * them is a look at the front of the queue, not a scan (a limit of thousands per window made
 * the scan the client's largest cost per call).
 */
export class SlidingWindowLimiter {
  /** Calls granted a permit and not yet finished. */
  private inFlight = 0;
  /** Finish times of the finished calls that still count, oldest first, from `first` on. */
  private readonly finished: number[] = [];
  private first = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pausedUntil = 0;
  private wake: (() => void) | undefined;
  private queued = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Waits for a permit; calls `onWait` with the expected wait first if there is one. When `signal`
   * aborts, the wait ends at once and the promise rejects with the signal's reason: a cancelled
   * run must neither sit out a minute's window nor send the calls it was holding.
   */
  take(onWait?: (waitMs: number) => void, signal?: AbortSignal): Promise<Permit> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const free = this.tryTake();
    if (free) return Promise.resolve(free);
    this.queued += 1;
    const turn = this.queue.then(async () => {
      const start = this.clock.now();
      let told = false;
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        const now = this.clock.now();
        this.forgetExpired(now);
        const freeAt = Math.max(this.pausedUntil, this.counted() < this.limit ? now : this.earliestFree());
        if (freeAt <= now) break;
        if (!told && Number.isFinite(freeAt)) {
          told = true;
          try {
            onWait?.(freeAt - now);
          } catch {
            // A notice that fails must not stop the queue.
          }
        }
        // Sleep until a permit frees, or until a call in flight finishes and sets its time.
        // However the sleep ends (timer, wake-up or abort), its listener goes: a run's signal is
        // shared by every paced call, and listeners left behind made Node warn of a leak.
        await new Promise<void>((resolve) => {
          const stop = () => {
            cancel?.();
            signal?.removeEventListener("abort", stop);
            resolve();
          };
          // Declared after `stop`, which reads it only once the timer or a wake-up calls it.
          const cancel = Number.isFinite(freeAt) ? this.clock.setTimer(stop, timerDelay(freeAt - now)) : undefined;
          this.wake = stop;
          signal?.addEventListener("abort", stop, { once: true });
        });
        this.wake = undefined;
      }
      return this.grant(start);
    });
    // The next caller waits for this turn to finish, whether or not it failed.
    this.queue = turn.catch(() => undefined).finally(() => (this.queued -= 1));
    return turn;
  }

  /** The fast path, the common case: a permit if nobody is queued and one is free now; else undefined. */
  tryTake(): Permit | undefined {
    if (this.queued !== 0) return undefined;
    const now = this.clock.now();
    this.forgetExpired(now);
    return this.pausedUntil <= now && this.counted() < this.limit ? this.grant(now) : undefined;
  }

  private grant(waitingSince: number): Permit {
    this.inFlight += 1;
    let finished = false;
    return {
      waitedMs: this.clock.now() - waitingSince,
      done: () => {
        if (finished) return;
        finished = true;
        this.inFlight -= 1;
        this.recordFinish(this.clock.now());
        this.wake?.();
      },
    };
  }

  /**
   * Queues a finish time in order. Times come in rising order unless the clock stepped back;
   * then the time goes where it sorts, so it frees its permit at its own window's end without
   * holding the permits that finished before the step any longer.
   */
  private recordFinish(time: number): void {
    let at = this.finished.length;
    while (at > this.first && this.finished[at - 1] > time) at -= 1;
    this.finished.splice(at, 0, time);
  }

  /** Permits that count now: in flight, or finished within the window. */
  private counted(): number {
    return this.inFlight + this.finished.length - this.first;
  }

  /** Forgets the finished permits whose window has passed: those at the front of the queue. */
  private forgetExpired(now: number): void {
    while (this.first < this.finished.length && this.finished[this.first] <= now - this.windowMs) this.first += 1;
    // Drop the forgotten front now and then, so the array does not grow for ever.
    if (this.first > 1024 && this.first * 2 > this.finished.length) {
      this.finished.splice(0, this.first);
      this.first = 0;
    }
  }

  /** The server said its window is full: no grant before `time`. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /** When the soonest-expiring finished permit frees up; Infinity while every permit is in flight. */
  private earliestFree(): number {
    return this.first < this.finished.length ? this.finished[this.first] + this.windowMs : Number.POSITIVE_INFINITY;
  }
}
