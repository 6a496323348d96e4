import { AccessTokenSource } from "./access-token-source";
import { FeishuErrorCode } from "./api/error-codes";
import { maxTimerMs, systemClock } from "./clock";
import { FeishuCancelledError } from "./errors/feishu-cancelled-error";
import { cancellableSleep } from "./retry/cancellable-sleep";
import { type HelpdeskCredentials, helpdeskAuthorization } from "./credentials";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuArgumentError } from "./errors/feishu-argument-error";
import { FeishuConfigError } from "./errors/feishu-config-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuOutcomeUnknownError } from "./errors/feishu-outcome-unknown-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { SecretRedactor } from "./errors/redact";
import { type FeishuCall, FeishuHttp, type FeishuReply } from "./feishu-http";
import { type PacedEndpoint, type Pacer, type PacingOptions, sharedPacer, type WaitNotice } from "./pacing/pacer";
import { defaultRetryDeadlineMs, type RetryOptions, retryVerdict } from "./retry/retry-policy";
import type {
  WireBotMessage,
  WireBotMessageData,
  WireCreateData,
  WireGetData,
  WireNotification,
  WireNotificationBody,
  WireSubmitApproveData,
} from "./wire-types";

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
  /** Called when a call waits for its rate-limit slot (for example to tell the user why). */
  readonly onWait?: (notice: WaitNotice) => void;
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
}

const notificationsPath = "/open-apis/helpdesk/v1/notifications";

/** The path of one campaign; its id must be a non-empty string that can go in a URL. */
function campaignPath(notificationId: string): string {
  try {
    if (typeof notificationId === "string" && notificationId !== "") {
      return `${notificationsPath}/${encodeURIComponent(notificationId)}`;
    }
  } catch {
    // A lone surrogate: not a URL path segment.
  }
  throw new FeishuArgumentError({
    argument: "notificationId",
    problem: `${JSON.stringify(notificationId)} is not a campaign id`,
    fix: "Pass the notification_id that createNotification returned (a string of digits).",
  });
}

/** Default of {@link HelpdeskClientOptions.maxResponseBytes}. */
const defaultMaxResponseBytes = 8 * 1024 * 1024;

// Feishu's answers to an invalid or expired access token: a tenant token is fetched again, once.
const tokenRejected: ReadonlySet<number> = new Set([
  FeishuErrorCode.accessTokenMissing,
  FeishuErrorCode.accessTokenInvalid,
]);

/**
 * A typed client of the Feishu Helpdesk push-campaign API (创建推送 / 更新推送 / 查询推送),
 * usable without Pulumi (import it from `pulumi-feishu-helpdesk/client`). Every call sends both
 * credentials; every error is a FeishuHelpdeskError (FeishuApiError, FeishuResponseError,
 * FeishuRedirectError, FeishuNetworkError, FeishuOutcomeUnknownError, FeishuConfigError), with
 * every configured credential redacted from its text.
 */
export class HelpdeskClient {
  private readonly http: FeishuHttp;
  private readonly pacer: Pacer;
  private readonly options: HelpdeskClientOptions;
  // #private: not enumerable, not shown by console.log or util.inspect, so a logged client shows no secret.
  readonly #tokens: AccessTokenSource;
  /** `base64(helpdesk_id:helpdesk_token)`, computed once. */
  readonly #helpdeskAuthorization: string;
  private readonly userIdType: UserIdType;

  constructor(options: HelpdeskClientOptions) {
    const { credentials } = options;
    if (!credentials.helpdeskId || !credentials.helpdeskToken) {
      throw new FeishuConfigError(
        "No helpdesk credentials: the helpdesk id or token is empty.\n" +
          "Set credentials.helpdeskId and credentials.helpdeskToken " +
          "(from the Helpdesk admin console → settings → API).",
        ["credentials.helpdeskId", "credentials.helpdeskToken"],
      );
    }
    // A non-finite or huge value would overflow setTimeout, which then fires at once (a busy loop).
    // A retry deadline of 0 means no retry; a timeout of 0 would fail every call.
    for (const [name, least] of [
      ["timeoutMs", "positive"],
      ["retryDeadlineMs", "non-negative"],
    ] as const) {
      const value = options[name];
      const fits = typeof value === "number" && (least === "positive" ? value > 0 : value >= 0) && value <= maxTimerMs;
      if (value !== undefined && !fits)
        throw new FeishuConfigError(
          `${name} must be a ${least} number of milliseconds up to ${maxTimerMs}, got ${String(value)}.`,
          [name],
        );
    }
    this.#helpdeskAuthorization = helpdeskAuthorization(credentials);
    this.userIdType = options.userIdType ?? "open_id";
    const baseUrl = options.baseUrl ?? FEISHU_BASE_URL;
    // Every secret value, so that no error quotes one back, whatever a server echoes.
    const redactor = new SecretRedactor();
    redactor.add(
      credentials.helpdeskToken,
      credentials.appSecret,
      credentials.userAccessToken,
      this.#helpdeskAuthorization,
    );
    this.http = new FeishuHttp({
      baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
      redactor,
    });
    this.pacer = sharedPacer(baseUrl, options);
    this.#tokens = new AccessTokenSource({
      credentials,
      // Asking for a token twice is harmless, so its POST is retried like a read.
      send: async (call) => (await this.withRetries(undefined, true, async () => call)).reply,
      describeMalformed: (call, reply, problem) => this.http.describeMalformed(call, reply, problem),
      onToken: (token) => redactor.add(token),
    });
    // Only the settings, never the credentials, are kept beside them.
    const { credentials: _, ...settings } = options;
    this.options = settings as HelpdeskClientOptions;
  }

  /**
   * Creates a campaign; Feishu creates it as a draft. POST /open-apis/helpdesk/v1/notifications.
   * Never sent twice: when the outcome is unknown it throws FeishuOutcomeUnknownError.
   */
  async createNotification(body: WireNotificationBody): Promise<CreatedNotification> {
    const { reply } = await this.once("create", notificationsPath, body, {
      action: `Creating push campaign "${body.job_name}"`,
      jobName: body.job_name,
      advice:
        `Feishu may now hold a draft named "${body.job_name}": ` +
        "look for it in the Helpdesk console before creating it again.",
      validate: (data) =>
        typeof data?.notification_id === "string" && data.notification_id !== ""
          ? undefined
          : "no data.notification_id in the reply",
    });
    const data = reply.body.data as WireCreateData;
    return {
      notificationId: data.notification_id,
      status: typeof data.status === "number" ? data.status : 0,
      logId: reply.logId,
    };
  }

  /** Sends a preview of the campaign's card to the caller. POST …/:notification_id/preview. */
  async previewNotification(notificationId: string): Promise<{ readonly logId: string | undefined }> {
    const { reply } = await this.once(undefined, `${campaignPath(notificationId)}/preview`, undefined, {
      notificationId,
      action: `Sending a preview of push campaign ${notificationId}`,
      advice: "Check your Feishu chats for the preview before asking for another.",
    });
    return { logId: reply.logId };
  }

  /**
   * Submits a draft for review. POST …/:notification_id/submit_approve. `hasAccess` is true when
   * Feishu approved it at once (the caller owns the helpdesk); otherwise the owner is asked.
   */
  async submitApproval(
    notificationId: string,
    reason: string,
  ): Promise<{ readonly hasAccess: boolean; readonly logId: string | undefined }> {
    const { reply } = await this.once(
      undefined,
      `${campaignPath(notificationId)}/submit_approve`,
      { reason },
      {
        notificationId,
        action: `Submitting push campaign ${notificationId} for approval`,
        advice: "Read the campaign (getNotification) to see whether it was submitted before trying again.",
      },
    );
    return {
      hasAccess: (reply.body.data as WireSubmitApproveData | undefined)?.has_access === true,
      logId: reply.logId,
    };
  }

  /** Withdraws a submitted review. POST …/:notification_id/cancel_approve. */
  async cancelApproval(notificationId: string): Promise<{ readonly logId: string | undefined }> {
    const { reply } = await this.once(undefined, `${campaignPath(notificationId)}/cancel_approve`, undefined, {
      notificationId,
      action: `Withdrawing the review of push campaign ${notificationId}`,
      advice: "Read the campaign (getNotification) to see whether its review was withdrawn before trying again.",
    });
    return { logId: reply.logId };
  }

  /**
   * Schedules an approved campaign to go out at `sendAt` (ms since the epoch).
   * POST …/:notification_id/execute_send.
   */
  async executeSend(notificationId: string, sendAt: number): Promise<{ readonly logId: string | undefined }> {
    if (!Number.isFinite(sendAt)) {
      throw new FeishuArgumentError({
        argument: "sendAt",
        problem: `${sendAt} is not a time`,
        fix: 'Pass the send time in milliseconds since the epoch, for example Date.parse("2026-01-01T09:00:00Z").',
      });
    }
    const { reply } = await this.once(
      "executeSend",
      `${campaignPath(notificationId)}/execute_send`,
      { send_at: String(sendAt) },
      {
        notificationId,
        action: `Scheduling push campaign ${notificationId} for ${new Date(sendAt).toISOString()}`,
        advice: "Read the campaign (getNotification) to see whether it is scheduled before trying again.",
      },
    );
    return { logId: reply.logId };
  }

  /**
   * Cancels a scheduled push, or stops one in progress; with `recall`, also recalls the messages
   * already delivered. POST …/:notification_id/cancel_send.
   */
  async cancelSend(notificationId: string, recall: boolean): Promise<{ readonly logId: string | undefined }> {
    const { reply } = await this.once(
      undefined,
      `${campaignPath(notificationId)}/cancel_send`,
      { is_recall: recall },
      {
        notificationId,
        action: `Cancelling the send of push campaign ${notificationId}${recall ? " and recalling its messages" : ""}`,
        advice: "Read the campaign (getNotification) to see where it stands before trying again.",
      },
    );
    return { logId: reply.logId };
  }

  /**
   * Sends a message through the helpdesk bot (服务台机器人向工单绑定的群内发送消息). POST
   * /open-apis/helpdesk/v1/message, with a tenant access token as the page requires.
   */
  async sendBotMessage(
    message: WireBotMessage,
  ): Promise<{ readonly messageId: string; readonly logId: string | undefined }> {
    const { reply } = await this.once("botMessage", "/open-apis/helpdesk/v1/message", message, {
      tenantToken: true,
      action: `Sending a ${message.msg_type} message to ${message.receiver_id}`,
      advice: "Check the receiver's helpdesk chat before sending it again.",
      validate: (data) =>
        typeof data?.message_id === "string" && data.message_id !== "" ? undefined : "no data.message_id in the reply",
    });
    return { messageId: (reply.body.data as WireBotMessageData).message_id, logId: reply.logId };
  }

  /**
   * A POST that must not be repeated unless it provably was not processed. When its outcome is
   * unknown (or its reply lacks what the API documents), throws FeishuOutcomeUnknownError.
   */
  private async once(
    endpoint: PacedEndpoint | undefined,
    path: string,
    body: unknown,
    about: {
      action: string;
      advice: string;
      jobName?: string;
      notificationId?: string;
      tenantToken?: boolean;
      validate?: (data: Record<string, unknown> | undefined) => string | undefined;
    },
  ): Promise<{ call: FeishuCall; reply: FeishuReply }> {
    const sentAt = new Date().toISOString();
    const unknownOutcome = (
      error: FeishuNetworkError | FeishuApiError | FeishuResponseError,
      logId: string | undefined,
    ) =>
      new FeishuOutcomeUnknownError({
        endpoint: error.endpoint,
        action: about.action,
        jobName: about.jobName,
        notificationId: about.notificationId,
        sentAt,
        logId,
        advice: about.advice,
        cause: error,
      });
    let sent: { call: FeishuCall; reply: FeishuReply };
    try {
      sent = await this.withRetries(endpoint, false, () => this.call("POST", path, body, about.tenantToken));
    } catch (error) {
      // An error of another call (the token request made to build this one) says nothing about this POST.
      const ours =
        (FeishuNetworkError.isInstance(error) ||
          FeishuApiError.isInstance(error) ||
          FeishuResponseError.isInstance(error)) &&
        error.endpoint === `POST ${path}`;
      if (!ours) throw error;
      if (FeishuNetworkError.isInstance(error) && error.requestSent) throw unknownOutcome(error, undefined);
      if (FeishuApiError.isInstance(error) && (error.status >= 500 || error.code === FeishuErrorCode.internalError))
        throw unknownOutcome(error, error.logId);
      if (FeishuResponseError.isInstance(error)) throw unknownOutcome(error, error.logId);
      throw error;
    }
    const problem = about.validate?.(sent.reply.body.data as Record<string, unknown> | undefined);
    if (problem) throw unknownOutcome(this.http.describeMalformed(sent.call, sent.reply, problem), sent.reply.logId);
    return sent;
  }

  /** Updates a draft campaign. PATCH /open-apis/helpdesk/v1/notifications/:notification_id. */
  async patchNotification(
    notificationId: string,
    body: WireNotificationBody,
  ): Promise<{ readonly logId: string | undefined }> {
    const path = `${campaignPath(notificationId)}`;
    // A full-body PATCH is idempotent, so it is retried like a read.
    const { reply } = await this.withRetries("patch", true, () => this.call("PATCH", path, body));
    return { logId: reply.logId };
  }

  /** Reads a campaign. GET /open-apis/helpdesk/v1/notifications/:notification_id. */
  async getNotification(notificationId: string): Promise<FetchedNotification> {
    const path = `${campaignPath(notificationId)}`;
    const { reply } = await this.withRetries(
      "get",
      true,
      () => this.call("GET", path),
      (call, candidate) => {
        const data = candidate.body.data as Partial<WireGetData> | undefined;
        if (
          typeof data?.notification !== "object" ||
          data.notification === null ||
          typeof data.notification.status !== "number"
        ) {
          throw this.http.describeMalformed(call, candidate, "no data.notification with a numeric status in the reply");
        }
      },
    );
    const data = reply.body.data as WireGetData;
    const notification: WireNotification = { ...data.notification, id: data.notification.id ?? notificationId };
    return {
      notification,
      approvalAppLink: typeof data.approval_app_link === "string" ? data.approval_app_link : undefined,
      logId: reply.logId,
    };
  }

  /**
   * Reads a campaign like {@link getNotification}, but gives `undefined` when Feishu says there is
   * no such campaign (code 154004, `FeishuErrorCode.notFound`). Every other failure throws.
   */
  async findNotification(notificationId: string): Promise<FetchedNotification | undefined> {
    try {
      return await this.getNotification(notificationId);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === FeishuErrorCode.notFound) return undefined;
      throw error;
    }
  }

  /**
   * Sends a call, paced for its endpoint, and repeats it while the retry policy allows, within
   * the deadline. `validate` may reject a reply as unreadable, which counts as a failed attempt.
   */
  private async withRetries(
    endpoint: PacedEndpoint | undefined,
    idempotent: boolean,
    build: () => Promise<FeishuCall>,
    validate?: (call: FeishuCall, reply: FeishuReply) => void,
  ): Promise<{ call: FeishuCall; reply: FeishuReply }> {
    let started: number | undefined;
    const deadline = this.options.retryDeadlineMs ?? defaultRetryDeadlineMs();
    const paced = endpoint !== undefined && this.options.pacing !== false;
    let tokenRefreshed = false;
    for (let attempt = 0; ; attempt++) {
      // Build first (it may fetch a token), then take the slot just before sending: a slot
      // taken earlier would let the request reach Feishu later than the pacer assumes.
      const call = await build();
      const slot = paced ? await this.pacer.take(endpoint, this.options.onWait) : undefined;
      // The deadline counts from the first send: waiting for a slot in a long queue is not failing.
      started ??= systemClock.now();
      try {
        const reply = await this.http.send(call);
        validate?.(call, reply);
        return { call, reply };
      } catch (error) {
        // The call is over: its slot counts from now, and is not held through the backoff.
        slot?.done();
        if (
          FeishuApiError.isInstance(error) &&
          tokenRejected.has(error.code) &&
          this.#tokens.refreshable &&
          !tokenRefreshed
        ) {
          tokenRefreshed = true;
          this.#tokens.invalidate();
          continue;
        }
        const endpointName = `${call.method} ${call.path}`;
        if (this.options.signal?.aborted) throw new FeishuCancelledError({ endpoint: endpointName, cause: error });
        const verdict = retryVerdict(error, idempotent, attempt, this.options);
        const now = systemClock.now();
        if (!verdict.retry || now + verdict.afterMs - started > deadline) throw error;
        try {
          this.options.onRetry?.({
            endpoint: `${call.method} ${call.path}`,
            attempt: attempt + 1,
            afterMs: verdict.afterMs,
            error: error as Error,
          });
        } catch {
          // A notice that fails must not change the call's outcome.
        }
        // Throttled: every call to the endpoint waits for the gateway's reset. This call waits
        // too, paced or not: without pacing nothing else would hold it back.
        if (verdict.rateLimited && paced) this.pacer.pauseUntil(endpoint, now + verdict.afterMs);
        else if (await cancellableSleep(systemClock, verdict.afterMs, this.options.signal))
          throw new FeishuCancelledError({ endpoint: endpointName, cause: error });
      } finally {
        slot?.done();
      }
    }
  }

  private async call(
    method: FeishuCall["method"],
    path: string,
    body?: unknown,
    tenantToken = false,
  ): Promise<FeishuCall> {
    return {
      method,
      path,
      query: { user_id_type: this.userIdType },
      headers: {
        Authorization: `Bearer ${tenantToken ? await this.#tokens.tenantToken() : await this.#tokens.get()}`,
        "X-Lark-Helpdesk-Authorization": this.#helpdeskAuthorization,
      },
      body,
    };
  }
}
