import fc from "fast-check";
import {
  checkWorkingHours,
  formatUtcOffset,
  localTime,
  parseClockTime,
  parseUtcOffset,
  sendAtMillis,
} from "../../../policy/decisions/time-window";

const nineToSix = (offset: string) => ({
  offsetMinutes: parseUtcOffset(offset)!,
  start: 9 * 60,
  end: 18 * 60,
  weekdays: [1, 2, 3, 4, 5],
});

describe("UTC offsets", () => {
  it.each([
    ["+08:00", 480],
    ["+0800", 480],
    ["+8", 480],
    ["UTC+8", 480],
    ["-03:30", -210],
    ["+05:45", 345],
    ["Z", 0],
    ["utc", 0],
    ["+14:00", 840],
  ])("%s is %i minutes", (text, minutes) => expect(parseUtcOffset(text)).toBe(minutes));

  it.each(["Asia/Shanghai", "+15:00", "+08:60", "8", "", "+08:00:00"])("%j is refused", (text) =>
    expect(parseUtcOffset(text)).toBeUndefined(),
  );

  it("formats what it parses", () => {
    fc.assert(
      fc.property(fc.integer({ min: -840, max: 840 }), (minutes) =>
        expect(parseUtcOffset(formatUtcOffset(minutes))).toBe(minutes),
      ),
    );
  });
});

describe("clock times and send times", () => {
  it("reads HH:MM", () => {
    expect(parseClockTime("09:00")).toBe(540);
    expect(parseClockTime("9:30")).toBe(570);
    expect(parseClockTime("24:00")).toBe(1440);
    expect(parseClockTime("24:01")).toBeUndefined();
    expect(parseClockTime("9h")).toBeUndefined();
  });

  it("reads sendAt as the provider does: offset ISO text, digits or a number", () => {
    expect(sendAtMillis("2026-12-24T09:00:00+08:00")).toBe(Date.UTC(2026, 11, 24, 1));
    expect(sendAtMillis("2026-12-24T01:00:00Z")).toBe(Date.UTC(2026, 11, 24, 1));
    expect(sendAtMillis(String(Date.UTC(2026, 11, 24, 1)))).toBe(Date.UTC(2026, 11, 24, 1));
    expect(sendAtMillis(Date.UTC(2026, 11, 24, 1))).toBe(Date.UTC(2026, 11, 24, 1));
    // No offset: the provider refuses it; a policy must not guess the zone.
    expect(sendAtMillis("2026-12-24T09:00:00")).toBeUndefined();
    expect(sendAtMillis("soon")).toBeUndefined();
  });
});

describe("working hours across offsets", () => {
  // Thursday 2026-12-24 01:30 UTC.
  const instant = Date.UTC(2026, 11, 24, 1, 30);

  it("is 09:30 Thursday in China (+08:00): inside", () => {
    const verdict = checkWorkingHours(instant, nineToSix("+08:00"));
    expect(verdict).toMatchObject({ inside: true });
    expect(verdict.local.text).toBe("Thu 2026-12-24 09:30 (UTC+08:00)");
  });

  it("is 01:30 in UTC: outside the hours", () => {
    expect(checkWorkingHours(instant, nineToSix("Z"))).toMatchObject({ inside: false, reason: "hours" });
  });

  it("is 20:30 Wednesday in New York without DST (-05:00): outside the hours, on the previous day", () => {
    const verdict = checkWorkingHours(instant, nineToSix("-05:00"));
    expect(verdict).toMatchObject({ inside: false, reason: "hours" });
    expect(verdict.local.date).toBe("2026-12-23");
  });

  it("is 07:15 in Kathmandu (+05:45): before the start", () => {
    expect(checkWorkingHours(instant, nineToSix("+05:45")).local.minutes).toBe(7 * 60 + 15);
  });

  it("refuses a Saturday at 10:00 as not a working day", () => {
    const saturday = Date.parse("2026-12-26T10:00:00+08:00");
    expect(checkWorkingHours(saturday, nineToSix("+08:00"))).toMatchObject({ inside: false, reason: "weekday" });
  });

  it("takes the start and leaves the end out", () => {
    expect(checkWorkingHours(Date.parse("2026-12-24T09:00:00+08:00"), nineToSix("+08:00")).inside).toBe(true);
    expect(checkWorkingHours(Date.parse("2026-12-24T18:00:00+08:00"), nineToSix("+08:00")).inside).toBe(false);
  });

  it("agrees with the wall clock of an ISO time written in the same offset, for any time and offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -840, max: 840 }),
        (ms, offset) => {
          const local = localTime(ms, offset);
          const iso = `${local.date}T${local.text.slice(15, 20)}:00${formatUtcOffset(offset)}`;
          expect(Math.floor(ms / 60_000) * 60_000).toBe(Date.parse(iso));
        },
      ),
    );
  });
});
