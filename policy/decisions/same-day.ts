// Campaigns scheduled on the same local day.
import { localTime } from "./time-window";

/** A scheduled campaign: its name (for messages), its URN (to report it) and its send time. */
export interface Scheduled {
  readonly name: string;
  readonly urn: string;
  readonly sendAt: number;
}

/** A day with more campaigns than allowed, and all of them, in send order. */
export interface BusyDay {
  readonly date: string;
  readonly campaigns: readonly Scheduled[];
}

/** The local days (at `offsetMinutes`) on which more than `maxPerDay` campaigns are scheduled. */
export function busyDays(scheduled: readonly Scheduled[], offsetMinutes: number, maxPerDay: number): BusyDay[] {
  const byDay = new Map<string, Scheduled[]>();
  for (const campaign of [...scheduled].sort((a, b) => a.sendAt - b.sendAt)) {
    const date = localTime(campaign.sendAt, offsetMinutes).date;
    byDay.set(date, [...(byDay.get(date) ?? []), campaign]);
  }
  return [...byDay]
    .filter(([, campaigns]) => campaigns.length > maxPerDay)
    .map(([date, campaigns]) => ({ date, campaigns }));
}
