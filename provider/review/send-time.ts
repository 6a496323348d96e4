import { HIDDEN, isSecret } from "./secrets";

/**
 * A send time (ms since the epoch, as the state keeps it) in the helpdesk's time zone, with its
 * offset, to the minute: "2026-12-24 09:00 UTC+08:00 (Asia/Shanghai)". "not set" when there is none.
 */
export function formatSendAt(value: unknown, timeZone: string): string {
  if (value === undefined || value === null || value === "") return "not set";
  if (isSecret(value)) return HIDDEN;
  const ms =
    typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value));
  if (!Number.isFinite(ms)) return String(value);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "UTC+00:00" : String(parts.timeZoneName).replace("GMT", "UTC");
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${offset} (${timeZone})`;
}
