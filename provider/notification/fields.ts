import { z } from "zod";
import type { WireNotificationBody } from "../client/wire-types";
import { NewStaffScopeType, PushScopeType, PushType } from "./enums";
import { enumSchema, idList, pushContentSchema, sendAtSchema } from "./field-schemas";

// The one list of a HelpdeskNotification's inputs. The input type, the output type, the key
// lists and inputsOf derive from these two tables; the resource's Args and outputs are checked
// against them at compile time (helpdesk-notification.ts).

/** The inputs that describe the campaign itself: what create and update send to Feishu. */
export const campaignFields = {
  /** `job_name`: the campaign's name in the Helpdesk console. */
  jobName: z
    .string("must be a string: the campaign's job name (job_name)")
    .trim()
    .min(1, "must not be empty (job_name is required)"),
  /** `push_content`: the card, as compact JSON text. */
  pushContent: pushContentSchema,
  /** `push_type`, by name. */
  pushType: enumSchema(PushType),
  /** `push_scope_type`, by name. */
  pushScopeType: enumSchema(PushScopeType),
  /** `new_staff_scope_type`, by name; only with pushType `newStaffOnboarding`. */
  newStaffScopeType: enumSchema(NewStaffScopeType).optional(),
  /** `new_staff_scope_department_list`: department ids. */
  newStaffDepartments: idList("department"),
  /** `user_list`: user ids of the provider's userIdType. */
  users: idList("user"),
  /** `department_list`: department ids. */
  departments: idList("department"),
  /** `chat_list`: group chat ids. */
  chats: idList("chat"),
  /** `ext`: Feishu's reserved extension field. */
  ext: z.string("must be a string").optional(),
};

/** The inputs that say how the provider manages the campaign: none is sent as a campaign field. */
export const settingFields = {
  /** The id of an existing campaign to manage instead of creating one; only read at create. */
  adoptId: z.string("must be a string").trim().min(1, "must not be empty").optional(),
  /** Submit for review after create or update, with this reason. */
  approval: z
    .object({ reason: z.string("must be a string").trim().min(1, "must not be empty") }, "must be { reason: string }")
    .optional(),
  /** When to send once approved: milliseconds since the epoch, as text (Feishu's format). */
  sendAt: sendAtSchema.optional(),
  /** What removing the resource does. */
  onDelete: z.enum(["retain", "cancel", "recall"], 'must be "retain", "cancel" or "recall"').optional(),
  /** Let an update of a campaign under review withdraw the review, edit it, and submit it again. */
  cancelToEdit: z.boolean("must be true or false").optional(),
};

/** Every input, campaign fields first. */
export const inputFields = { ...campaignFields, ...settingFields };

type Deeply<T> = { readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? readonly E[] : T[K] };

/**
 * A campaign's inputs once checked: enums by name, the card as compact JSON, every list present.
 * This is what the provider stores as the resource's inputs.
 */
export type NormalizedNotificationInputs = Deeply<z.output<z.ZodObject<typeof inputFields>>>;

/** The name of an input property. */
export type InputProperty = keyof typeof inputFields;

/** One of {@link campaignProperties}. */
export type CampaignProperty = keyof typeof campaignFields;

/**
 * What removing a HelpdeskNotification does:
 * - `retain`: nothing; the campaign stays in the Helpdesk console as it is.
 * - `cancel` (the default): withdraw a pending review, cancel a scheduled send, stop one in
 *   progress; messages already delivered stay.
 * - `recall`: as `cancel`, and recall the messages already delivered.
 */
export type DeletePolicy = NonNullable<NormalizedNotificationInputs["onDelete"]>;

const keysOf = <T extends object>(table: T) => Object.keys(table) as (keyof T & string)[];

/** The input properties that describe the campaign itself (not how it is managed). */
export const campaignProperties: readonly CampaignProperty[] = keysOf(campaignFields);

/** Every input property. */
export const inputProperties: readonly InputProperty[] = keysOf(inputFields);

/** The campaign properties that hold id lists, compared as sets. */
export const listProperties: ReadonlySet<CampaignProperty> = new Set([
  "newStaffDepartments",
  "users",
  "departments",
  "chats",
] as const satisfies readonly CampaignProperty[]);

/** The required properties, and the body field each becomes. */
export const requiredFields = {
  jobName: "job_name",
  pushContent: "push_content",
  pushType: "push_type",
  pushScopeType: "push_scope_type",
} as const satisfies Partial<Record<CampaignProperty, keyof WireNotificationBody>>;
