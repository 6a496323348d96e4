/**
 * The server's time from an HTTP `Date` header (RFC 9110, such as "Sun, 22 Nov 2026 05:41:21 GMT",
 * to the second), in ms since the epoch; `undefined` when the header is missing or unreadable.
 */
export function serverTimeOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const time = Date.parse(date);
  return Number.isFinite(time) ? time : undefined;
}
