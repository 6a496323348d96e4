import { z } from "zod";
import { jsonObjectSchema } from "../json/json-object";

// The zod schemas of the kinds of value a campaign's inputs hold; property-kinds.ts builds the rows
// of fields.ts with them.

/** An integer enum given by name or by number; normalized to the name. */
export function enumSchema<T extends Record<string, number>>(table: T) {
  const names = Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
  const listed = names.map((name) => `"${name}" (${table[name]})`).join(", ");
  return z.union([z.string(), z.number()], `must be one of ${listed}`).transform((value, ctx) => {
    const name = typeof value === "number" ? names.find((n) => table[n] === value) : names.find((n) => n === value);
    if (name === undefined) {
      ctx.addIssue({ code: "custom", message: `must be one of ${listed}; got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return name;
  });
}

/** A list of ids, none blank or repeated; absent means empty. */
export const idListSchema = (what: string) =>
  z
    .array(
      z.string(`each ${what} id must be a string`).trim().min(1, `each ${what} id must be a non-empty string`),
      `must be a list of ${what} ids`,
    )
    .optional()
    .default([])
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) ctx.addIssue({ code: "custom", message: `lists ${what} id "${id}" twice` });
        seen.add(id);
      }
    });

/** The card, an object or its JSON text; normalized to compact JSON. */
// The card may be given as an object or as JSON text; either way Feishu needs a JSON object.
export const pushContentSchema = z
  .union([z.string(), jsonObjectSchema], "must be a card object or its JSON text")
  .transform((value, ctx) => {
    let card: unknown = value;
    if (typeof value === "string") {
      try {
        card = JSON.parse(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `must be valid JSON (${(error as Error).message})` });
        return z.NEVER;
      }
    }
    if (typeof card !== "object" || card === null || Array.isArray(card)) {
      ctx.addIssue({ code: "custom", message: "must be a JSON object (a message card), not an array or a scalar" });
      return z.NEVER;
    }
    return JSON.stringify(card);
  });

/** An ISO 8601 time that says its offset from UTC: ends in `Z` or `±hh:mm` (`±hhmm`, `±hh`). */
const zonedIsoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The example a refusal shows: the same wall-clock time, with China Standard Time's offset. */
function withOffset(text: string): string {
  const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? text : "2026-12-24T09:00:00";
  return `${wallClock}+08:00`;
}

/** A time; normalized to milliseconds since the epoch, as text. */
// A time as an ISO 8601 string with its offset ("2026-12-01T09:00:00+08:00") or milliseconds since
// the epoch (number or digits); kept as Feishu's format, milliseconds as text. A time without an
// offset is refused: it would be read in the time zone of whichever machine runs `pulumi`, so a
// laptop in UTC+8 and a CI runner in UTC would disagree by 8 hours about when it goes out.
export const sendAtSchema = z
  .union([z.string(), z.number()], "must be an ISO 8601 time or milliseconds since the epoch")
  .transform((value, ctx) => {
    const digits = typeof value === "number" || /^\d+$/.test(value);
    // Only a value that reads as a time lacks just its offset; anything else ("soon") is no time at all.
    if (!digits && !zonedIsoTime.test(value) && Number.isNaN(Date.parse(value))) {
      ctx.addIssue({
        code: "custom",
        message:
          'must be an ISO 8601 time with its offset from UTC (such as "2026-12-24T09:00:00+08:00") or milliseconds ' +
          `since the epoch; ${JSON.stringify(value)} is neither`,
      });
      return z.NEVER;
    }
    if (!digits && !zonedIsoTime.test(value)) {
      ctx.addIssue({
        code: "custom",
        message:
          `must say its offset from UTC; ${JSON.stringify(value)} does not, so it would be read in the time zone ` +
          `of whichever machine runs pulumi. Write it as "${withOffset(value)}" (China Standard Time), ` +
          'with "Z" for UTC, or as milliseconds since the epoch',
      });
      return z.NEVER;
    }
    const ms = digits ? Number(value) : Date.parse(value);
    if (!Number.isSafeInteger(ms) || ms <= 0) {
      ctx.addIssue({
        code: "custom",
        message: `must be an ISO 8601 time or milliseconds since the epoch; got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return String(ms);
  });
