import type { HelpdeskCredentials } from "./credentials";
import type { PacedCallNotice, PacingOptions, WaitNotice } from "./pacing/pacer";
import type { RetryOptions } from "./retry/retry-policy";
import type { WireNotification } from "./wire-types";

/** The Feishu Open Platform (China). */
export const FEISHU_BASE_URL = "https://open.feishu.cn";
/** The Lark Open Platform (international). */
export const LARK_BASE_URL = "https://open.larksuite.com";

/** Which kind of user id the campaign's user lists hold. */
export type UserIdType = "open_id" | "union_id" | "user_id";

/** A call about to be repeated, and why. */
export interface RetryNotice {
  readonly endpoint: string;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly afterMs: number;
  readonly error: Error;
}

/** Options of {@link HelpdeskClient}. */
export interface HelpdeskClientOptions extends PacingOptions, RetryOptions {
  /** The access token and helpdesk credentials. */
  readonly credentials: HelpdeskCredentials;
  /**
   * Cancels the run: once aborted, no retry starts and a backoff wait ends at once with a
   * {@link FeishuCancelledError}.
   */
  readonly signal?: AbortSignal;
  /**
   * Feishu, Lark, or the emulator's URL.
   * @default "https://open.feishu.cn"
   */
  readonly baseUrl?: string;
  /**
   * Allow a plain `http://` baseUrl to a host other than loopback (`localhost`, 127.0.0.0/8,
   * `[::1]`). Both credentials then cross the network in clear: only for a trusted network or a
   * proxy that adds TLS. Without it, such a baseUrl fails with a FeishuConfigError.
   * @default false
   */
  readonly allowInsecureHttp?: boolean;
  /**
   * The kind of user id in `user_list`, sent as the `user_id_type` query parameter.
   * @default "open_id"
   */
  readonly userIdType?: UserIdType;
  /**
   * How long one request may take, its reply's body included, before it fails with a
   * FeishuNetworkError (and its connection is closed).
   * @default 30000
   * @example 10000
   */
  readonly timeoutMs?: number;
  /**
   * The largest reply body read, in bytes; a larger one fails the call with a
   * FeishuResponseError, and its connection is closed. The largest documented reply, one campaign
   * with its user list, is far smaller; the cap keeps a broken or hostile server from filling memory.
   * @default 8388608 (8 MiB)
   * @example 33554432
   */
  readonly maxResponseBytes?: number;
  /**
   * Pace calls to Feishu's rate limits. Turn it off only where something else already does.
   * @default true
   */
  readonly pacing?: boolean;
  /** Called when a call waits for its rate-limit permit (for example to tell the user why). */
  readonly onWait?: (notice: WaitNotice) => void;
  /**
   * Called for each paced call as it joins its endpoint's queue, leaves it unsent, or is sent:
   * enough to tell how many calls wait for the quota, and for how long (the Pulumi providers'
   * progress notices are made of it).
   */
  readonly onPaced?: (notice: PacedCallNotice) => void;
  /** Called before a failed call is repeated. */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** The result of {@link HelpdeskClient.createNotification}. */
export interface CreatedNotification {
  /** The new campaign's id. */
  readonly notificationId: string;
  /** Its status: 0 (draft) for a new campaign. */
  readonly status: number;
  /** The `x-tt-logid` request id. */
  readonly logId: string | undefined;
}

/** The result of {@link HelpdeskClient.getNotification} and {@link HelpdeskClient.findNotification}. */
export interface FetchedNotification {
  /** The campaign as Feishu holds it. */
  readonly notification: WireNotification;
  /** The link to the campaign's approval in the Feishu app, if any. */
  readonly approvalAppLink: string | undefined;
  /** The `x-tt-logid` request id. */
  readonly logId: string | undefined;
  /**
   * Feishu's time when it answered, in ms since the epoch, from the reply's HTTP `Date` header
   * (to the second); `undefined` when the header is missing or unreadable. Feishu's clock decides
   * when a scheduled send goes out, so it, not the caller's, tells whether `send_at` has passed.
   */
  readonly serverTime?: number;
}
