/** Where the emulator reads the time: scheduled sends, token expiry, rate-limit windows, timestamps. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Options of {@link ManualClock}. */
export interface ManualClockOptions {
  /**
   * The time it starts at, in ms since the epoch.
   * @default Date.now()
   */
  readonly start?: number;
  /**
   * Whether it also moves with the wall clock between advances. A frozen clock suits tests of the
   * emulator alone; a ticking one suits tests where other processes (the Pulumi engine, a client's
   * pacing) need rate-limit windows to pass as usual while the test jumps ahead to a scheduled send.
   * @default false
   */
  readonly ticking?: boolean;
}

/**
 * A clock a test moves by hand, so that it can see a scheduled send go out without sleeping:
 * `const clock = new ManualClock(); startEmulator({ clock }); …; clock.advance(60_000)`.
 */
export class ManualClock implements Clock {
  #offset = 0;
  readonly #origin = Date.now();
  readonly #start: number;
  readonly #ticking: boolean;

  constructor(options: ManualClockOptions = {}) {
    this.#start = options.start ?? this.#origin;
    this.#ticking = options.ticking ?? false;
  }

  now(): number {
    const elapsed = this.#ticking ? Date.now() - this.#origin : 0;
    return this.#start + elapsed + this.#offset;
  }

  /** Moves the clock forward by `ms` (never back). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a clock only moves forward; got ${ms} ms`);
    this.#offset += ms;
  }

  /** Moves the clock forward to `time` (ms since the epoch); does nothing if it is already past it. */
  advanceTo(time: number): void {
    this.advance(Math.max(0, time - this.now()));
  }
}
