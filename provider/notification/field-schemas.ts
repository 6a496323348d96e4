import { z } from "zod";

// The zod schemas of the kinds of value a campaign's inputs hold; fields.ts says which input is which.

/** An integer enum given by name or by number; normalized to the name. */
export function enumSchema<T extends Record<string, number>>(table: T) {
  const names = Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
  const listed = names.map((name) => `"${name}" (${table[name]})`).join(", ");
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const name = typeof value === "number" ? names.find((n) => table[n] === value) : names.find((n) => n === value);
    if (name === undefined) {
      ctx.addIssue({ code: "custom", message: `must be one of ${listed}; got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return name;
  });
}

/** A list of ids, none blank or repeated; absent means empty. */
export const idList = (what: string) =>
  z
    .array(z.string().trim().min(1, `each ${what} id must be a non-empty string`), `must be a list of ${what} ids`)
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
  .union([z.string(), z.record(z.string(), z.unknown())], "must be a card object or its JSON text")
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

/** A time; normalized to milliseconds since the epoch, as text. */
// A time as an ISO 8601 string ("2026-12-01T09:00:00+08:00") or milliseconds since the epoch
// (number or digits); kept as Feishu's format, milliseconds as text.
export const sendAtSchema = z
  .union([z.string(), z.number()], "must be an ISO 8601 time or milliseconds since the epoch")
  .transform((value, ctx) => {
    const ms = typeof value === "number" || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isSafeInteger(ms) || ms <= 0) {
      ctx.addIssue({
        code: "custom",
        message: `must be an ISO 8601 time or milliseconds since the epoch; got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return String(ms);
  });
