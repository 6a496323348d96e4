import { HelpdeskClient } from "../../../provider/client";
import { type Clock, maxTimerMs, sleep, systemClock } from "../../../provider/client/clock";
import { SlidingWindowLimiter } from "../../../provider/client/pacing/sliding-window-limiter";
import { parseFaultOptions } from "../../../emulator/faults";

// Review of issue 10: a wait past setTimeout's 2^31 - 1 ms fired after 1 ms instead (1,572 requests
// in 3 s on a 429 with a reset of 1e9 s; the limiter's timer spinning every millisecond).

/** A clock that records the delays it is asked for and never fires. */
function recordingClock(): Clock & { delays: number[] } {
  const delays: number[] = [];
  return { delays, now: () => 1_000_000, setTimer: (_cb, ms) => (delays.push(ms), () => undefined) };
}

describe("every timer is clamped to setTimeout's range", () => {
  it("sleep asks for at most 2^31 - 1 ms, however long the wait", () => {
    const clock = recordingClock();
    for (const ms of [1e12, Infinity, 2 ** 31, maxTimerMs, 5, -3, Number.NaN]) void sleep(clock, ms);
    expect(clock.delays).toEqual([maxTimerMs, maxTimerMs, maxTimerMs, maxTimerMs, 5, 0, 0]);
  });

  it("the system clock does not fire a 1e12 ms timer early", async () => {
    let fired = 0;
    const cancel = systemClock.setTimer(() => fired++, 1e12);
    await new Promise((r) => setTimeout(r, 30));
    cancel();
    expect(fired).toBe(0);
  });

  it("the limiter's timer asks for at most 2^31 - 1 ms when paused far ahead", async () => {
    const clock = recordingClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    limiter.pauseUntil(clock.now() + 1e12);
    void limiter.take();
    await new Promise((r) => setImmediate(r));
    expect(clock.delays).toEqual([maxTimerMs]);
  });
});

describe("the client refuses timeouts setTimeout cannot honour", () => {
  const credentials = { helpdeskId: "hd", helpdeskToken: "helpdesk-token" };
  it.each([
    ["retryDeadlineMs", Infinity],
    ["retryDeadlineMs", -1],
    ["retryDeadlineMs", Number.NaN],
    ["retryDeadlineMs", 2 ** 31],
    ["timeoutMs", Infinity],
    ["timeoutMs", 0],
    ["timeoutMs", "100"],
  ])("%s: %p is a FeishuConfigError naming it", (name, value) => {
    let error: unknown;
    try {
      new HelpdeskClient({ credentials, [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "FeishuConfigError", settings: [name] });
    expect((error as Error).message).toContain(name);
  });

  it("takes ordinary values", () => {
    expect(() => new HelpdeskClient({ credentials, retryDeadlineMs: 0, timeoutMs: maxTimerMs })).not.toThrow();
  });
});

describe("the emulator's fault options", () => {
  it("refuse a latencyMs past setTimeout's range", () => {
    expect(() => parseFaultOptions({ rules: [], latencyMs: 1e12 })).toThrow(/latencyMs/);
    expect(parseFaultOptions({ rules: [], latencyMs: maxTimerMs }).latencyMs).toBe(maxTimerMs);
  });
});
