import fc from "fast-check";
import type { PacedCallNotice, PacedEndpoint } from "../../../provider/client/pacing/pacer";
import { type NoticeTimers, noticeIntervalMs, QuotaNotices } from "../../../provider/pulumi/quota-notices";
import { exactDuration, QuotaTally, rateText, roughDuration } from "../../../provider/pulumi/quota-progress";

const at = (endpoint: PacedEndpoint, change: PacedCallNotice["change"], limit = 10, windowMs = 60_000) => ({
  endpoint,
  change,
  limit,
  windowMs,
});

describe("QuotaTally", () => {
  it("says how many of a run's calls went, how many wait, and about when the last goes", () => {
    const tally = new QuotaTally();
    for (let n = 0; n < 200; n++) tally.expect("create");
    for (let n = 0; n < 37; n++) tally.record(at("create", "sent"), 0);
    for (let n = 0; n < 8; n++) tally.record(at("create", "queued"), 0);
    // 8 in the pacer's queue, 155 more the engine has not handed over yet (--parallel): 163 wait.
    expect(tally.notice("create")).toBe("creates: 37 of 200 sent, 163 waiting, about 16 min at Feishu's 10 a minute");
  });

  it("counts the queue alone when nothing was announced, and names a limit that is not Feishu's", () => {
    const tally = new QuotaTally();
    for (let n = 0; n < 12; n++) tally.record(at("get", "queued", 100, 1000), 0);
    for (let n = 0; n < 2; n++) tally.record(at("get", "sent", 100, 1000), 0);
    expect(tally.notice("get")).toBe("reads: 2 of 12 sent, 10 waiting, about 0 s at the configured 100 a second");
  });

  it("is silent about endpoints with nothing queued, and sums the time anything waited", () => {
    const tally = new QuotaTally();
    expect(tally.record(at("create", "sent"), 0)).toBe(false);
    expect(tally.waiting()).toEqual([]);
    expect(tally.record(at("create", "queued"), 1000)).toBe(true); // started waiting
    expect(tally.record(at("create", "queued"), 1500)).toBe(false);
    expect(tally.waiting()).toEqual(["create"]);
    tally.record(at("create", "sent"), 7000);
    tally.record(at("create", "dropped"), 61_000); // the run was cancelled while it waited
    expect(tally.waiting()).toEqual([]);
    tally.record(at("get", "sent", 100), 61_000);
    expect(tally.summary(90_000)).toBe(
      "Feishu calls in this run so far: 2 creates, 1 reads; waited for the quota: creates 1 min 0 s",
    );
  });

  it("has no summary before a rate-limited call, and says when none waited", () => {
    const tally = new QuotaTally();
    expect(tally.summary(0)).toBeUndefined();
    tally.record(at("patch", "sent", 20), 0);
    expect(tally.summary(0)).toBe("Feishu calls in this run so far: 1 updates; no call waited for the quota");
    expect(tally.anyWaited).toBe(false);
  });

  it("never counts more waiting than announced-or-queued, nor fewer than queued", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<PacedCallNotice["change"] | "expect">("queued", "sent", "dropped", "expect")),
        (events) => {
          const tally = new QuotaTally();
          let queued = 0;
          for (const event of events) {
            if (event === "expect") tally.expect("create");
            else {
              if (event === "queued") queued += 1;
              else if (queued > 0) queued -= 1;
              tally.record(at("create", event), 0);
            }
          }
          const waiting = Number(/, (\d+) waiting/.exec(tally.notice("create"))![1]);
          expect(waiting).toBeGreaterThanOrEqual(queued);
          expect(tally.waiting().length > 0).toBe(queued > 0);
        },
      ),
    );
  });
});

describe("durations and rates", () => {
  it("reads as a person would say them", () => {
    expect([roughDuration(400), roughDuration(59_000), roughDuration(978_000), roughDuration(7_500_000)]).toEqual([
      "0 s",
      "59 s",
      "16 min",
      "2 h 5 min",
    ]);
    expect([exactDuration(12_000), exactDuration(1_188_000), exactDuration(3_900_000)]).toEqual([
      "12 s",
      "19 min 48 s",
      "1 h 5 min",
    ]);
    expect(rateText("create", 10, 60_000)).toBe("Feishu's 10 a minute");
    expect(rateText("create", 5, 60_000)).toBe("the configured 5 a minute");
    expect(rateText("patch", 20, 30_000)).toBe("the configured 20 per 30 s");
  });
});

describe("QuotaNotices", () => {
  /** A virtual clock whose timer runs only when the test advances it. */
  function virtualTimers() {
    let now = 0;
    let timer: { ms: number; next: number; tick: () => void } | undefined;
    const timers: NoticeTimers = {
      now: () => now,
      every: (ms, tick) => {
        timer = { ms, next: now + ms, tick };
        return () => (timer = undefined);
      },
    };
    const advance = (ms: number) => {
      const end = now + ms;
      while (timer && timer.next <= end) {
        now = timer.next;
        timer.next += timer.ms;
        timer.tick();
      }
      now = end;
    };
    return { timers, advance, running: () => timer !== undefined };
  }

  it("speaks when an endpoint starts to wait, then every half window while it waits, then stops", () => {
    const said: string[] = [];
    const clock = virtualTimers();
    const notices = new QuotaNotices({ warn: () => undefined, info: (m) => said.push(m) }, clock.timers);
    for (let n = 0; n < 20; n++) notices.expect("create");
    for (let n = 0; n < 10; n++) notices.onPaced(at("create", "sent"));
    expect(said).toEqual([]); // nothing waits: silent
    for (let n = 0; n < 8; n++) notices.onPaced(at("create", "queued"));
    expect(said).toEqual(["creates: 10 of 20 sent, 10 waiting, about 60 s at Feishu's 10 a minute"]);
    clock.advance(30_000);
    expect(said).toHaveLength(2);
    for (let n = 0; n < 8; n++) notices.onPaced(at("create", "sent"));
    clock.advance(30_000);
    expect(said).toHaveLength(2); // the queue drained: no notice, and the timer stopped
    expect(clock.running()).toBe(false);
    notices.settle();
    notices.settle(); // said once
    expect(said.slice(2)).toEqual(["Feishu calls in this run so far: 18 creates; waited for the quota: creates 30 s"]);
  });

  it("says no run line when nothing waited", () => {
    const said: string[] = [];
    const notices = new QuotaNotices({ warn: () => undefined, info: (m) => said.push(m) }, virtualTimers().timers);
    notices.onPaced(at("get", "sent", 100));
    notices.settle();
    expect(said).toEqual([]);
  });

  it("reports twice per quota window, at most four times a second", () => {
    expect([noticeIntervalMs(60_000), noticeIntervalMs(1000), noticeIntervalMs(100)]).toEqual([30_000, 500, 250]);
  });
});
