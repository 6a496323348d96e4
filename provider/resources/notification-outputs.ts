import type { FetchedNotification } from "../client/helpdesk-client";
import type { WireNotificationUser } from "../client/wire-types";
import type { NormalizedNotificationInputs } from "../notification/inputs";
import { inputsFromWire } from "../notification/mapping";
import { type ApprovalRecord, type CampaignStage, stageOf } from "../notification/stage";

/** A user as the campaign's outputs show it. */
export interface NotificationUserOutput {
  readonly userId?: string;
  readonly name?: string;
  readonly avatarUrl?: string;
}

/** What Feishu reports about a campaign, beside its inputs. */
export interface NotificationServerFields {
  /** The campaign's id (also the resource id). */
  readonly notificationId: string;
  /** The status number Feishu reports. Only 0 (draft) is documented. */
  readonly status: number;
  /** True when `status` is 0: the only state in which Feishu lets the campaign be edited. */
  readonly isDraft: boolean;
  readonly targetUserCount?: number;
  readonly sentUserCount?: number;
  readonly readUserCount?: number;
  /** Creation time, milliseconds since the epoch, as Feishu sends it (a string). */
  readonly createdAt?: string;
  /** Last update time, milliseconds since the epoch, as a string. */
  readonly updatedAt?: string;
  /** When the push is set to go out, milliseconds since the epoch, as a string. */
  readonly sendAt?: string;
  readonly createUser?: NotificationUserOutput;
  readonly updateUser?: NotificationUserOutput;
  /** The link to the campaign's approval in the Feishu app. */
  readonly approvalAppLink?: string;
  /** Where the campaign stands, as far as the API tells (see CampaignStage). */
  readonly stage: CampaignStage;
  /** The provider submitted it for review. */
  readonly approvalSubmitted?: boolean;
  /** Feishu approved it at once when it was submitted (`has_access`). */
  readonly approvalGranted?: boolean;
}

/** A resource's full outputs: its inputs (as Feishu now holds them) and the server's fields. */
export type NotificationState = NormalizedNotificationInputs & NotificationServerFields;

const user = (u: WireNotificationUser | undefined): NotificationUserOutput | undefined =>
  u === undefined ? undefined : dropUndefined({ userId: u.user_id, name: u.name, avatarUrl: u.avatar_url });

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The outputs for a campaign just read from Feishu, keeping `previous` where it means the same. */
export function stateFromLive(
  fetched: FetchedNotification,
  previous: NormalizedNotificationInputs,
  record: ApprovalRecord = {},
): NotificationState {
  const live = fetched.notification;
  // A draft has no review in progress, whatever was submitted before (it may have been withdrawn).
  const approval = live.status === 0 ? {} : record;
  return dropUndefined({
    ...inputsFromWire(live, previous),
    notificationId: live.id,
    status: live.status,
    isDraft: live.status === 0,
    targetUserCount: live.target_user_count,
    sentUserCount: live.sent_user_count,
    readUserCount: live.read_user_count,
    createdAt: live.created_at,
    updatedAt: live.updated_at,
    sendAt: live.send_at,
    createUser: user(live.create_user),
    updateUser: user(live.update_user),
    approvalAppLink: fetched.approvalAppLink,
    stage: stageOf(live, approval),
    approvalSubmitted: approval.approvalSubmitted,
    approvalGranted: approval.approvalGranted,
  });
}

/** Only the input part of a state, for `ReadResult.inputs`. */
export function inputsOf(state: NormalizedNotificationInputs): NormalizedNotificationInputs {
  const {
    jobName,
    pushContent,
    pushType,
    pushScopeType,
    newStaffScopeType,
    newStaffDepartments,
    users,
    departments,
    chats,
    ext,
    adoptId,
    approval,
    sendAt,
    onDelete,
    cancelToEdit,
  } = state;
  return dropUndefined({
    jobName,
    pushContent,
    pushType,
    pushScopeType,
    newStaffScopeType,
    newStaffDepartments,
    users,
    departments,
    chats,
    ext,
    adoptId,
    approval,
    sendAt,
    onDelete,
    cancelToEdit,
  });
}
