import { z } from "zod";

/**
 * A JSON object (not null, not a list) passed through as it is. Not `z.record()`: that rebuilds
 * the object by assignment, so a `__proto__` key became the copy's prototype and vanished from
 * the card sent to Feishu.
 */
export const jsonObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
);
