import type { FetchedNotification } from "../client/helpdesk-client";
import { withoutUndefined } from "../json/without-undefined";
import { inputProperties, type NormalizedNotificationInputs } from "./fields";
import { inputsFromWire } from "./mapping";
import { type NotificationServerFields, serverFieldsOf } from "./server-fields";
import type { ApprovalRecord } from "./stage";

/** A resource's full outputs: its inputs (as Feishu now holds them) and the server's fields. */
export type NotificationState = NormalizedNotificationInputs & NotificationServerFields;

/** The outputs for a campaign just read from Feishu, keeping `previous` where it means the same. */
export function stateFromLive(
  fetched: FetchedNotification,
  previous: NormalizedNotificationInputs,
  record: ApprovalRecord = {},
): NotificationState {
  // A draft has no review in progress, whatever was submitted before (it may have been withdrawn).
  const approval = fetched.notification.status === 0 ? {} : record;
  const inputs = inputsFromWire(fetched.notification, previous);
  return withoutUndefined({ ...inputs, ...serverFieldsOf({ fetched, approval, inputs }) });
}

/**
 * What the stack holds for a campaign: its inputs, and the server fields once known (a state
 * written by an older version of this provider, or after a failed read-back, may lack some).
 */
export type StoredNotification = NormalizedNotificationInputs & Partial<NotificationServerFields>;

/** Only the input part of a state, for `ReadResult.inputs`. */
export function inputsOf(state: StoredNotification): NormalizedNotificationInputs {
  const inputs: Partial<Record<keyof NormalizedNotificationInputs, unknown>> = {};
  for (const property of inputProperties) if (state[property] !== undefined) inputs[property] = state[property];
  return inputs as NormalizedNotificationInputs;
}
