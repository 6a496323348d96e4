import type { NewStaffScopeType, PushScopeType, PushType } from "./enums";

/**
 * A campaign's inputs once checked: enums by name, the card as compact JSON, every list present.
 * This is what the provider stores as the resource's inputs.
 */
export interface NormalizedNotificationInputs {
  readonly jobName: string;
  /** The card as compact JSON text. */
  readonly pushContent: string;
  readonly pushType: PushType;
  readonly pushScopeType: PushScopeType;
  readonly newStaffScopeType?: NewStaffScopeType;
  readonly newStaffDepartments: readonly string[];
  readonly users: readonly string[];
  readonly departments: readonly string[];
  readonly chats: readonly string[];
  readonly ext?: string;
  readonly adoptId?: string;
  /** Submit for review after create or update, with this reason. */
  readonly approval?: { readonly reason: string };
  /** When to send once approved: milliseconds since the epoch, as text (Feishu's format). */
  readonly sendAt?: string;
  /** What removing the resource does. */
  readonly onDelete?: DeletePolicy;
  /** Let an update of a campaign under review withdraw the review, edit it, and submit it again. */
  readonly cancelToEdit?: boolean;
}

/**
 * What removing a HelpdeskNotification does:
 * - `retain`: nothing; the campaign stays in the Helpdesk console as it is.
 * - `cancel` (the default): withdraw a pending review, cancel a scheduled send, stop one in
 *   progress; messages already delivered stay.
 * - `recall`: as `cancel`, and recall the messages already delivered.
 */
export type DeletePolicy = "retain" | "cancel" | "recall";

/** The input properties that describe the campaign itself (everything but `adoptId`). */
export const campaignProperties = [
  "jobName",
  "pushContent",
  "pushType",
  "pushScopeType",
  "newStaffScopeType",
  "newStaffDepartments",
  "users",
  "departments",
  "chats",
  "ext",
] as const satisfies readonly (keyof NormalizedNotificationInputs)[];

/** One of {@link campaignProperties}. */
export type CampaignProperty = (typeof campaignProperties)[number];
