import fc from "fast-check";
import { SlidingWindowLimiter } from "../../../provider/client/pacing/sliding-window-limiter";
import { settle, VirtualClock } from "./virtual-clock";

interface Call {
  start: number;
  finish: number;
}

/**
 * Runs `delays.length` callers through a limiter on a virtual clock: caller i asks for a slot at
 * `arrivals[i]`, and its call takes `delays[i]` ms. Returns when each call started and finished.
 */
async function simulate(limit: number, windowMs: number, arrivals: number[], delays: number[]): Promise<Call[]> {
  const clock = new VirtualClock();
  const t0 = clock.now();
  const limiter = new SlidingWindowLimiter(limit, windowMs, clock);
  const calls: Call[] = [];
  const done = arrivals.map(
    (arrival, i) =>
      new Promise<void>((resolve) => {
        clock.setTimer(async () => {
          const slot = await limiter.take();
          const call = { start: clock.now() - t0, finish: Number.NaN };
          calls.push(call);
          clock.setTimer(() => {
            call.finish = clock.now() - t0;
            slot.done();
            resolve();
          }, delays[i]);
        }, arrival);
      }),
  );
  await clock.run();
  await Promise.all(done);
  return calls;
}

/** The most starts in any window of `windowMs` (a window [t, t + windowMs) that opens at a start). */
function mostStartsInAWindow(calls: Call[], windowMs: number): number {
  return Math.max(...calls.map((c) => calls.filter((d) => d.start >= c.start && d.start < c.start + windowMs).length));
}

/**
 * The most calls a server could count in one window of `windowMs`, each counted at some moment
 * between its start and its finish: the calls whose [start, finish] meets a window [t, t + windowMs).
 * It is largest for a window that opens at some call's finish.
 */
function mostArrivalsInAWindow(calls: Call[], windowMs: number): number {
  return Math.max(
    ...calls.map((c) => calls.filter((d) => d.finish >= c.finish && d.start < c.finish + windowMs).length),
  );
}

describe("SlidingWindowLimiter", () => {
  it("does not release the queue at once when a slow call finishes (2 per second, one slow holder)", async () => {
    // The case: one call held for a second while six callers queue. The slow call counts
    // until 2000 (a window after it finished), the fast one until 1000; it used to release all six at 1000.
    const calls = await simulate(2, 1000, [0, 0, 1, 1, 1, 1, 1, 1], [1000, 0, 0, 0, 0, 0, 0, 0]);
    const starts = calls.map((c) => c.start);
    expect(starts).toEqual([0, 0, 1000, 2000, 2000, 3000, 3000, 4000]);
    expect(mostStartsInAWindow(calls, 1000)).toBe(2);
  });

  it("counts a call from when it finished, so a slow reply delays the next start", async () => {
    const calls = await simulate(1, 1000, [0, 0], [300, 0]);
    expect(calls.map((c) => c.start)).toEqual([0, 1300]);
  });

  it("grants at once while under the limit", async () => {
    const calls = await simulate(3, 1000, [0, 0, 0], [10, 10, 10]);
    expect(calls.map((c) => c.start)).toEqual([0, 0, 0]);
  });

  it("holds every grant until a pause ends", async () => {
    const clock = new VirtualClock();
    const limiter = new SlidingWindowLimiter(5, 1000, clock);
    limiter.pauseUntil(clock.now() + 700);
    const waits: number[] = [];
    const granted = limiter.take((ms) => waits.push(ms));
    await clock.run();
    expect((await granted).waitedMs).toBe(700);
    expect(waits).toEqual([700]);
  });

  it("never lets more than the limit start, or reach the server, in any window, whatever the delays", async () => {
    const runs = Number(process.env.FUZZ_RUNS ?? 150);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 50, max: 1000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 4000 })), {
          minLength: 1,
          maxLength: 25,
        }),
        async (limit, windowMs, callers) => {
          const calls = await simulate(
            limit,
            windowMs,
            callers.map(([arrival]) => arrival),
            callers.map(([, delay]) => delay),
          );
          expect(calls).toHaveLength(callers.length);
          expect(mostStartsInAWindow(calls, windowMs)).toBeLessThanOrEqual(limit);
          expect(mostArrivalsInAWindow(calls, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    );
  });

  it("lets a waiting caller go as soon as a call in flight frees its slot's window", async () => {
    const clock = new VirtualClock();
    const limiter = new SlidingWindowLimiter(1, 100, clock);
    const first = await limiter.take();
    let granted = false;
    void limiter.take().then(() => (granted = true));
    await clock.run(clock.now() + 500);
    expect(granted).toBe(false);
    first.done();
    await clock.run(clock.now() + 99);
    expect(granted).toBe(false);
    await clock.run(clock.now() + 1);
    await settle();
    expect(granted).toBe(true);
  });

  it("ends every wait at once when the run is cancelled, granting nothing more", async () => {
    const clock = new VirtualClock();
    const limiter = new SlidingWindowLimiter(1, 60_000, clock);
    const cancel = new AbortController();
    (await limiter.take(undefined, cancel.signal)).done();
    const waiting = [limiter.take(undefined, cancel.signal), limiter.take(undefined, cancel.signal)];
    const outcomes = waiting.map((turn) =>
      turn.then(
        () => "granted",
        (reason: unknown) => reason,
      ),
    );
    await clock.run(clock.now() + 1000);
    cancel.abort(new Error("cancelled"));
    await settle();
    // Both end within the same instant of the virtual clock: a minute's window is not sat out.
    expect(await Promise.all(outcomes)).toEqual([new Error("cancelled"), new Error("cancelled")]);
    await expect(limiter.take(undefined, cancel.signal)).rejects.toThrow("cancelled");
  });

  /** A clock set by hand; its timers never fire (these cases only take slots that are free at once). */
  const handClock = (start: number) => {
    const clock = { time: start, now: () => clock.time, setTimer: () => () => undefined };
    return clock;
  };
  const isPending = async (promise: Promise<unknown>) => {
    let settled = false;
    void promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    await settle();
    return !settled;
  };

  it("lets a slot finished after the clock stepped back go at its own window's end", async () => {
    const clock = handClock(10_000);
    const limiter = new SlidingWindowLimiter(2, 1000, clock);
    (await limiter.take()).done(); // finished at 10 000: counts until 11 000
    clock.time = 5_000; // the system clock is set back five seconds
    (await limiter.take()).done(); // finished at 5 000: counts until 6 000
    clock.time = 6_000;
    expect((await limiter.take()).waitedMs).toBe(0); // the second slot is free again
    expect(await isPending(limiter.take())).toBe(true); // the first (until 11 000) and this one: full
  });

  it("keeps counting right past thousands of calls (the queue's front is dropped now and then)", async () => {
    const clock = handClock(0);
    const limiter = new SlidingWindowLimiter(1000, 1000, clock);
    for (let t = 0; t < 3000; t++) {
      clock.time = t;
      const slot = await limiter.take(); // one call a millisecond: never more than 1000 in a window
      expect(slot.waitedMs).toBe(0);
      slot.done();
    }
    // The calls finished at 2000..2999 still count: the window is full until 3000.
    expect(await isPending(limiter.take())).toBe(true);
  });
});
