import type { NormalizedNotificationInputs } from "./fields";
import type { StoredNotification } from "./outputs";
import type { ApprovalRecord } from "./stage";

// What the stack holds about a campaign, read defensively: state written by older versions of
// this provider, or nothing at all for a lookup.

/** Stored inputs and outputs may come from older versions of this provider: fill the lists they lack. */
export function withLists<T extends NormalizedNotificationInputs>(stored: T): T {
  const lists: Partial<NormalizedNotificationInputs> = stored;
  return {
    ...stored,
    newStaffDepartments: lists.newStaffDepartments ?? [],
    users: lists.users ?? [],
    departments: lists.departments ?? [],
    chats: lists.chats ?? [],
  };
}

/** The review the provider recorded in the last outputs. */
export function recordOf(state: StoredNotification): ApprovalRecord {
  return { approvalSubmitted: state.approvalSubmitted === true, approvalGranted: state.approvalGranted === true };
}

/** `value`'s properties that are set. */
export const definedOf = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The inputs assumed for a campaign read with nothing stored: every field comes from Feishu. */
export const blankInputs: NormalizedNotificationInputs = {
  jobName: "",
  pushContent: "{}",
  pushType: "scheduled",
  pushScopeType: "allMembers",
  newStaffDepartments: [],
  users: [],
  departments: [],
  chats: [],
};
