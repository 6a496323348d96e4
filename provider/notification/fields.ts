import { z } from "zod";
import type { WireNotificationBody } from "../client/wire-types";
import { NewStaffScopeType, PushScopeType, PushType } from "./enums";
import { sendAtSchema } from "./field-schemas";
import {
  type CampaignRow,
  card,
  choice,
  enumeration,
  flag,
  idList,
  object,
  optionalEnumeration,
  type PropertyRow,
  schemasOf,
  text,
  time,
} from "./property-kinds";

// The one list of a HelpdeskNotification's inputs: one row per property, its zod schema beside
// its kind and wire field (property-kinds.ts). The input and output types, the key lists, the
// wire body and its reverse, the comparison and the plugin's schema types derive from these two
// tables; the resource's Args and outputs are checked against them at compile time
// (helpdesk-notification.ts). The JSDoc users read is on those Args and outputs.

/** The inputs that describe the campaign itself: what create and update send to Feishu. */
export const campaignRows = {
  jobName: text(
    z
      .string("must be a string: the campaign's job name (job_name)")
      .trim()
      .min(1, "must not be empty (job_name is required)"),
    "job_name",
  ),
  pushContent: card("push_content"),
  pushType: enumeration("push_type", PushType, "PushType"),
  pushScopeType: enumeration("push_scope_type", PushScopeType, "PushScopeType"),
  // Only with pushType `newStaffOnboarding`: Feishu holds none for another campaign.
  newStaffScopeType: optionalEnumeration(
    "new_staff_scope_type",
    NewStaffScopeType,
    "NewStaffScopeType",
    (live) => live.push_type === PushType.newStaffOnboarding,
  ),
  newStaffDepartments: idList("new_staff_scope_department_list", "department_id"),
  users: idList("user_list", "user_id"),
  departments: idList("department_list", "department_id"),
  chats: idList("chat_list", "chat_id"),
  // Feishu's reserved extension field: it may answer "" or "{}" for one never set.
  ext: text(z.string("must be a string").optional(), "ext", ["", "{}"]),
} as const satisfies Record<string, CampaignRow>;

/** The inputs that say how the provider manages the campaign: none is sent as a campaign field. */
export const settingRows = {
  /** The id of an existing campaign to manage instead of creating one; only read at create. */
  adoptId: text(z.string("must be a string").trim().min(1, "must not be empty").optional()),
  /** Submit for review after create or update, with this reason. */
  approval: object(
    z
      .object({ reason: z.string("must be a string").trim().min(1, "must not be empty") }, "must be { reason: string }")
      .optional(),
    "Approval",
  ),
  /** When to send once approved: milliseconds since the epoch, as text (Feishu's format). */
  sendAt: time(sendAtSchema.optional()),
  /** What removing the resource does. */
  onDelete: choice(
    z.enum(["retain", "cancel", "recall"], 'must be "retain", "cancel" or "recall"').optional(),
    "DeletePolicy",
  ),
  /** Let an update of a campaign under review withdraw the review, edit it, and submit it again. */
  cancelToEdit: flag(z.boolean("must be true or false").optional()),
} as const satisfies Record<string, PropertyRow>;

/** Every input's row, campaign fields first. */
export const inputRows = { ...campaignRows, ...settingRows };

/** The zod schema of each campaign property. */
export const campaignFields = schemasOf(campaignRows);

/** The zod schema of each setting. */
export const settingFields = schemasOf(settingRows);

/** The zod schema of every input, campaign fields first. */
export const inputFields = { ...campaignFields, ...settingFields };

/** `T` with every property read-only, and every list a read-only list. */
type ReadonlyWithReadonlyLists<T> = {
  readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? readonly E[] : T[K];
};

/**
 * A campaign's inputs once checked: enums by name, the card as compact JSON, every list present.
 * This is what the provider stores as the resource's inputs.
 */
export type NormalizedNotificationInputs = ReadonlyWithReadonlyLists<z.output<z.ZodObject<typeof inputFields>>>;

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

/** The campaign properties that hold id lists, compared as sets (an absent one is empty). */
export const listProperties: ReadonlySet<CampaignProperty> = new Set(
  campaignProperties.filter((property) => campaignRows[property].kind === "idList"),
);

/** A property the program must give: its schema refuses an absent value. */
const isRequired = (property: CampaignProperty) => !campaignFields[property].safeParse(undefined).success;

/** The required properties, and the body field each becomes. */
export const requiredFields: Readonly<Partial<Record<CampaignProperty, keyof WireNotificationBody>>> =
  Object.fromEntries(campaignProperties.filter(isRequired).map((property) => [property, campaignRows[property].wire]));
