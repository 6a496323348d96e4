import { z } from "zod";
import { NewStaffScopeType, PushScopeType, PushType } from "./enums";
import type { NormalizedNotificationInputs } from "./inputs";

/** The value Pulumi puts in place of an input that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A failed rule: the input property and what is wrong with it. */
export interface InputFailure {
  readonly property: string;
  readonly reason: string;
}

/** The outcome of {@link checkNotificationInputs}. */
export type InputCheck =
  | { readonly ok: true; readonly inputs: NormalizedNotificationInputs }
  | { readonly ok: false; readonly failures: readonly InputFailure[] };

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

function enumSchema<T extends Record<string, number>>(table: T) {
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

const idList = (what: string) =>
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

// The card may be given as an object or as JSON text; either way Feishu needs a JSON object.
const pushContent = z
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

// A time as an ISO 8601 string ("2026-12-01T09:00:00+08:00") or milliseconds since the epoch
// (number or digits); kept as Feishu's format, milliseconds as text.
const sendAtSchema = z
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

const fields = {
  jobName: z
    .string("is required: the campaign's job name (job_name)")
    .trim()
    .min(1, "must not be empty (job_name is required)"),
  pushContent: pushContent,
  pushType: enumSchema(PushType),
  pushScopeType: enumSchema(PushScopeType),
  newStaffScopeType: enumSchema(NewStaffScopeType).optional(),
  newStaffDepartments: idList("department"),
  users: idList("user"),
  departments: idList("department"),
  chats: idList("chat"),
  ext: z.string("must be a string").optional(),
  adoptId: z.string("must be a string").trim().min(1, "must not be empty").optional(),
  approval: z
    .object({ reason: z.string("must be a string").trim().min(1, "must not be empty") }, "must be { reason: string }")
    .optional(),
  sendAt: sendAtSchema.optional(),
  onDelete: z.enum(["retain", "cancel", "recall"], 'must be "retain", "cancel" or "recall"').optional(),
  cancelToEdit: z.boolean("must be true or false").optional(),
};
type FieldName = keyof typeof fields;
/** Required properties and the body field each becomes. */
const required: Partial<Record<FieldName, string>> = {
  jobName: "job_name",
  pushContent: "push_content",
  pushType: "push_type",
  pushScopeType: "push_scope_type",
};

/**
 * The request-body rules of 创建推送 / 更新推送 that tie fields together. Each names the
 * property to blame. `known` is false for a property whose value is not known yet; a rule
 * that depends on one is skipped until it is.
 */
function crossFieldFailures(v: NormalizedNotificationInputs, known: (p: FieldName) => boolean): InputFailure[] {
  const failures: InputFailure[] = [];
  const fail = (property: FieldName, reason: string) => failures.push({ property, reason: `${property} ${reason}` });

  if (known("pushType") && known("pushScopeType")) {
    if (v.pushType === "scheduled" && v.pushScopeType === "newStaff") {
      fail(
        "pushScopeType",
        'cannot be "newStaff" (3) when pushType is "scheduled" (0): push_type 0 requires push_scope_type ≠ 3',
      );
    }
    if (v.pushType === "newStaffOnboarding" && v.pushScopeType !== "chatsOnly" && v.pushScopeType !== "newStaff") {
      fail(
        "pushScopeType",
        `must be "chatsOnly" (1) or "newStaff" (3) when pushType is "newStaffOnboarding" (1); got "${v.pushScopeType}"`,
      );
    }
  }
  if (known("pushType") && known("newStaffScopeType")) {
    if (v.pushType === "newStaffOnboarding" && v.newStaffScopeType === undefined) {
      fail(
        "newStaffScopeType",
        'is required when pushType is "newStaffOnboarding" (1): "allNewStaff" (0) or "departments" (1)',
      );
    }
    // Feishu ignores it on a scheduled push; setting it there is almost certainly a mistake.
    if (v.pushType === "scheduled" && v.newStaffScopeType !== undefined) {
      fail(
        "newStaffScopeType",
        'only applies when pushType is "newStaffOnboarding" (1); remove it for a scheduled push',
      );
    }
  }
  if (known("newStaffScopeType") && known("newStaffDepartments")) {
    if (v.newStaffScopeType === "departments" && v.newStaffDepartments.length === 0) {
      fail("newStaffDepartments", 'must not be empty when newStaffScopeType is "departments" (1)');
    }
    if (v.newStaffScopeType !== "departments" && v.newStaffDepartments.length > 0) {
      fail(
        "newStaffDepartments",
        'only applies when newStaffScopeType is "departments" (1); remove it or set newStaffScopeType',
      );
    }
  }
  if (known("sendAt") && v.sendAt !== undefined && v.approval === undefined && known("approval")) {
    failures.push({
      property: "sendAt",
      reason: "sendAt needs approval: Feishu only schedules an approved campaign; add approval: { reason }",
    });
  }
  if (known("pushScopeType")) {
    const membersEmpty = (why: string) => {
      if (known("users") && v.users.length > 0) fail("users", `must be empty when pushScopeType is ${why}`);
      if (known("departments") && v.departments.length > 0)
        fail("departments", `must be empty when pushScopeType is ${why}`);
    };
    if (v.pushScopeType === "allMembers") membersEmpty('"allMembers" (0): the push already goes to everyone');
    if (v.pushScopeType === "chatsOnly") {
      membersEmpty('"chatsOnly" (1): no member is pushed to');
      if (known("chats") && v.chats.length === 0)
        fail("chats", 'must not be empty when pushScopeType is "chatsOnly" (1)');
    }
    if (
      v.pushScopeType === "someMembers" &&
      known("users") &&
      known("departments") &&
      v.users.length + v.departments.length === 0
    ) {
      fail("users", 'or departments must not be empty when pushScopeType is "someMembers" (2)');
    }
  }
  return failures;
}

/**
 * Validates a HelpdeskNotification's inputs against every rule of the request-body table, and
 * normalizes them. Every property is checked on its own, then the cross-field rules run on those
 * that passed, so one preview reports every mistake. Unknown values (preview) pass untouched.
 */
export function checkNotificationInputs(
  raw: Record<string, unknown>,
  olds: Record<string, unknown> = {},
  now = Date.now(),
): InputCheck {
  const failures: InputFailure[] = [];
  const values: Record<string, unknown> = {};
  const usable = new Set<FieldName>();
  for (const property of Object.keys(fields) as FieldName[]) {
    const value = raw[property];
    if (containsUnknown(value)) {
      values[property] = value;
      continue;
    }
    const wireName = required[property];
    if (value === undefined && wireName !== undefined) {
      failures.push({ property, reason: `${property} is required (${wireName} is a required field)` });
      continue;
    }
    const parsed = fields[property].safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length > 0 ? `${property}[${issue.path.join("][")}]` : property;
        failures.push({ property, reason: `${where} ${issue.message}` });
      }
      continue;
    }
    usable.add(property);
    if (parsed.data !== undefined) values[property] = parsed.data;
  }
  const inputs = values as unknown as NormalizedNotificationInputs;
  failures.push(...crossFieldFailures(inputs, (p) => usable.has(p)));
  // A past time is fine once it has been used (the campaign went out then); a new one must be ahead.
  if (
    usable.has("sendAt") &&
    inputs.sendAt !== undefined &&
    inputs.sendAt !== olds.sendAt &&
    Number(inputs.sendAt) <= now
  ) {
    failures.push({
      property: "sendAt",
      reason: `sendAt ${new Date(Number(inputs.sendAt)).toISOString()} is in the past`,
    });
  }
  return failures.length > 0 ? { ok: false, failures } : { ok: true, inputs };
}
