import { getEventListeners } from "node:events";
import { SlidingWindowLimiter } from "../../../provider/client/pacing/sliding-window-limiter";
import { VirtualClock } from "./virtual-clock";

// Issue 24: a wait ended by its timer left its abort listener on the run's signal, so a paced
// stack printed `MaxListenersExceededWarning` (100 paced calls left 51-72 listeners).
describe("the limiter's waits and the run's abort signal", () => {
  it("leaves no abort listener behind after 1,000 paced calls", async () => {
    const clock = new VirtualClock();
    const limiter = new SlidingWindowLimiter(10, 1_000, clock);
    const run = new AbortController();
    let waited = 0;
    const calls = Array.from({ length: 1_000 }, async () => {
      const slot = await limiter.take(() => (waited += 1), run.signal);
      clock.setTimer(() => slot.done(), 5);
    });
    await clock.run();
    await Promise.all(calls);
    expect(waited).toBe(99); // paced: 10 a window, so the head of each of the 99 later windows waited
    expect(getEventListeners(run.signal, "abort")).toHaveLength(0);
  });

  it("still ends a wait at once when the signal aborts, and removes its listener", async () => {
    const clock = new VirtualClock();
    const limiter = new SlidingWindowLimiter(1, 60_000, clock);
    const run = new AbortController();
    const first = await limiter.take(undefined, run.signal);
    first.done();
    const waiting = limiter.take(undefined, run.signal);
    await clock.run(clock.now() + 10);
    run.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    expect(getEventListeners(run.signal, "abort")).toHaveLength(0);
  });
});
