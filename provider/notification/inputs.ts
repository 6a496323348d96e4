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
}

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
