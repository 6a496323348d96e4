import { renderCardText } from "../card/render-text";
import type { FetchedNotification } from "../client/helpdesk-client";
import type { WireNotificationUser } from "../client/wire-types";
import { inputProperties, type NormalizedNotificationInputs } from "./fields";
import { inputsFromWire } from "./mapping";
import { type ApprovalRecord, type CampaignStage, stageOf } from "./stage";

/** A user as the campaign's outputs show it. */
export interface NotificationUserOutput {
  /** The user's id, of the provider's userIdType; Feishu leaves it out without the employee-id permission. */
  readonly userId?: string;
  /** The user's name. */
  readonly name?: string;
  /** The link to the user's avatar. */
  readonly avatarUrl?: string;
}

/** What Feishu reports about a campaign, beside its inputs. */
export type NotificationServerFields = {
  /** The campaign's id (also the resource id). */
  readonly notificationId: string;
  /** The status number Feishu reports. Only 0 (draft) is documented. */
  readonly status: number;
  /** True when `status` is 0: the only state in which Feishu lets the campaign be edited. */
  readonly isDraft: boolean;
  /** Target users, as Feishu counts them. */
  readonly targetUserCount?: number;
  /** Users the push has reached. */
  readonly sentUserCount?: number;
  /** Users who have read it. */
  readonly readUserCount?: number;
  /** Creation time, milliseconds since the epoch, as Feishu sends it (a string). */
  readonly createdAt?: string;
  /** Last update time, milliseconds since the epoch, as a string. */
  readonly updatedAt?: string;
  /** When the push is set to go out, milliseconds since the epoch, as a string. */
  readonly sendAt?: string;
  /** Who created it. */
  readonly createUser?: NotificationUserOutput;
  /** Who last updated it. */
  readonly updateUser?: NotificationUserOutput;
  /** The link to the campaign's approval in the Feishu app. */
  readonly approvalAppLink?: string;
  /** Where the campaign stands, as far as the API tells (see CampaignStage). */
  readonly stage: CampaignStage;
  /** The provider submitted it for review. */
  readonly approvalSubmitted?: boolean;
  /** Feishu approved it at once when it was submitted (`has_access`). */
  readonly approvalGranted?: boolean;
  /**
   * The card (`pushContent`) rendered as Markdown text by `renderCardText`, to read in
   * `pulumi stack output` or a review. Computed by the provider from the stored card, never sent to Feishu.
   */
  readonly cardText: string;
};

/**
 * Every server field, each once: the resource class declares them as outputs (its constructor
 * passes them as undefined so the engine fills them in).
 */
export const serverFieldNames = {
  notificationId: undefined,
  status: undefined,
  isDraft: undefined,
  targetUserCount: undefined,
  sentUserCount: undefined,
  readUserCount: undefined,
  createdAt: undefined,
  updatedAt: undefined,
  sendAt: undefined,
  createUser: undefined,
  updateUser: undefined,
  approvalAppLink: undefined,
  stage: undefined,
  approvalSubmitted: undefined,
  approvalGranted: undefined,
  cardText: undefined,
} as const satisfies Record<keyof NotificationServerFields, undefined>;

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
  const inputs = inputsFromWire(live, previous);
  // Every server field, each named: leaving one out fails tsc (an optional one could otherwise be forgotten).
  const server = {
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
    // Judged by Feishu's clock (the reply's Date header), which decides when the send goes out.
    stage: stageOf(live, approval, fetched.serverTime),
    approvalSubmitted: approval.approvalSubmitted,
    approvalGranted: approval.approvalGranted,
    cardText: renderCardText(inputs.pushContent),
  } satisfies Record<keyof NotificationServerFields, unknown>;
  return dropUndefined({ ...inputs, ...server });
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
