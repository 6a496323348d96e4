// Send times against working hours and days, in a fixed offset from UTC. A fixed offset, not an
// IANA zone name: the zones Feishu tenants mostly use (China, Singapore, Japan) keep no daylight
// saving time, and a fixed offset reads the same on every runner whatever its tz database.

/** A weekday as ISO 8601 numbers it: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const WEEKDAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * Minutes east of UTC for an offset written "+08:00", "+0800", "+8", "-03:30", "Z" or "UTC";
 * undefined for anything else, or beyond ±14:00 (the widest offset in use).
 */
export function parseUtcOffset(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^(z|utc)$/i.test(trimmed)) return 0;
  const match = /^(?:utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  if (minutes >= 60) return undefined;
  const total = hours * 60 + minutes;
  if (total > 14 * 60) return undefined;
  return match[1] === "-" ? -total : total;
}

/** "+08:00" for 480. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Minutes after midnight for "09:00" or "9:30" (and "24:00", the end of a day); undefined otherwise. */
export function parseClockTime(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}

/**
 * A `sendAt` input as milliseconds since the epoch: digits or a number are milliseconds; text
 * must be an ISO 8601 time with its offset. Undefined for anything else (the provider refuses
 * such a value with its own message, so a policy need not judge it).
 */
export function sendAtMillis(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  if (/^\d+$/.test(value)) return sendAtMillis(Number(value));
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A moment on the wall clock of an offset. */
export interface LocalTime {
  /** "2026-12-24" */
  readonly date: string;
  readonly weekday: IsoWeekday;
  /** Minutes after local midnight. */
  readonly minutes: number;
  /** "Thu 2026-12-24 09:00 (UTC+08:00)", for messages. */
  readonly text: string;
}

/** `ms` on the wall clock of `offsetMinutes`. */
export function localTime(ms: number, offsetMinutes: number): LocalTime {
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const date = shifted.toISOString().slice(0, 10);
  const weekday = (((shifted.getUTCDay() + 6) % 7) + 1) as IsoWeekday;
  const minutes = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  const clock = shifted.toISOString().slice(11, 16);
  return {
    date,
    weekday,
    minutes,
    text: `${WEEKDAY_NAMES[weekday]} ${date} ${clock} (UTC${formatUtcOffset(offsetMinutes)})`,
  };
}

/** Working hours: from `start` (included) to `end` (excluded), minutes after midnight, on `weekdays`. */
export interface WorkingHours {
  readonly offsetMinutes: number;
  readonly start: number;
  readonly end: number;
  readonly weekdays: readonly number[];
}

/** Where `ms` falls against the working hours: inside, or the reason it is not, with its local time. */
export function checkWorkingHours(
  ms: number,
  hours: WorkingHours,
): { readonly inside: boolean; readonly local: LocalTime; readonly reason?: "weekday" | "hours" } {
  const local = localTime(ms, hours.offsetMinutes);
  if (!hours.weekdays.includes(local.weekday)) return { inside: false, local, reason: "weekday" };
  if (local.minutes < hours.start || local.minutes >= hours.end) return { inside: false, local, reason: "hours" };
  return { inside: true, local };
}
