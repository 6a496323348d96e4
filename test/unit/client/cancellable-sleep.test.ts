import { cancellableSleep } from "../../../provider/client/retry/cancellable-sleep";
import { VirtualClock } from "./virtual-clock";

describe("cancellableSleep", () => {
  it("resolves false when the time has passed", async () => {
    const clock = new VirtualClock();
    const slept = cancellableSleep(clock, 20_000, new AbortController().signal);
    await clock.run();
    await expect(slept).resolves.toBe(false);
  });

  it("resolves true at once when aborted, and leaves no timer behind", async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const slept = cancellableSleep(clock, 20_000, controller.signal);
    controller.abort();
    await expect(slept).resolves.toBe(true);
    expect(clock.now()).toBe(1_000_000); // no time passed: the backoff was not sat out
    await clock.run();
    expect(clock.now()).toBe(1_000_000); // its timer was cancelled
  });

  it("does not wait at all on a signal already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(cancellableSleep(new VirtualClock(), 20_000, controller.signal)).resolves.toBe(true);
  });
});
