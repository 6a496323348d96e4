import { AccessTokenSource } from "./access-token-source";
import { FeishuErrorCode } from "./api/error-codes";
import { type HelpdeskCredentials, helpdeskAuthorization } from "./credentials";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuConfigError } from "./errors/feishu-config-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuOutcomeUnknownError } from "./errors/feishu-outcome-unknown-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { type FeishuCall, FeishuHttp, type FeishuReply } from "./feishu-http";
import { type PacedEndpoint, type Pacer, type PacingOptions, sharedPacer, type WaitNotice } from "./pacing/pacer";
import { type RetryOptions, retryVerdict } from "./retry/retry-policy";
import type { WireBotMessage, WireNotification, WireNotificationBody } from "./wire-types";

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
   * How long one request may take before it fails with a FeishuNetworkError.
   * @default 30000
   */
  readonly timeoutMs?: number;
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

/** The result of {@link HelpdeskClient.getNotification}. */
export interface FetchedNotification {
  /** The campaign as Feishu holds it. */
  readonly notification: WireNotification;
  /** The link to the campaign's approval in the Feishu app, if any. */
  readonly approvalAppLink: string | undefined;
  /** The `x-tt-logid` request id. */
  readonly logId: string | undefined;
}

const notificationsPath = "/open-apis/helpdesk/v1/notifications";

// Feishu's answers to an invalid or expired access token: a tenant token is fetched again, once.
const tokenRejected = new Set([99991661, 99991663]);

/**
 * A typed client of the Feishu Helpdesk push-campaign API (创建推送 / 更新推送 / 查询推送),
 * usable without Pulumi. Every call sends both credentials; errors are FeishuApiError,
 * FeishuResponseError or FeishuNetworkError, with credentials redacted.
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
        "No helpdesk credentials: set feishu-helpdesk:helpdeskId / FEISHU_HELPDESK_ID and " +
          "feishu-helpdesk:helpdeskToken / FEISHU_HELPDESK_TOKEN (Helpdesk admin console → settings → API).",
      );
    }
    this.#helpdeskAuthorization = helpdeskAuthorization(credentials);
    this.userIdType = options.userIdType ?? "open_id";
    const baseUrl = options.baseUrl ?? FEISHU_BASE_URL;
    this.http = new FeishuHttp(baseUrl, options.timeoutMs ?? 30_000);
    this.pacer = sharedPacer(baseUrl, options);
    // Asking for a token twice is harmless, so its POST is retried like a read.
    this.#tokens = new AccessTokenSource(
      async (call) => (await this.withRetries(undefined, true, async () => call)).reply,
      this.http,
      credentials,
    );
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
        `Feishu may now hold a draft named "${body.job_name}"; nothing was recorded in the stack. Look for it in the ` +
        'Helpdesk console: if it is there, set `adoptId: "<its id>"` on this resource and run `pulumi up` again to ' +
        "manage it; if it is not, just run `pulumi up` again.",
      validate: (data) =>
        typeof data?.notification_id === "string" && data.notification_id !== ""
          ? undefined
          : "no data.notification_id in the reply",
    });
    const data = reply.body.data as { notification_id: string; status?: unknown };
    return {
      notificationId: data.notification_id,
      status: typeof data.status === "number" ? data.status : 0,
      logId: reply.logId,
    };
  }

  /** Sends a preview of the campaign's card to the caller. POST …/:notification_id/preview. */
  async previewNotification(notificationId: string): Promise<{ readonly logId: string | undefined }> {
    const { reply } = await this.once(
      undefined,
      `${notificationsPath}/${encodeURIComponent(notificationId)}/preview`,
      undefined,
      {
        action: `Sending a preview of push campaign ${notificationId}`,
        advice: "Check your Feishu chats for the preview before asking for another.",
      },
    );
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
      `${notificationsPath}/${encodeURIComponent(notificationId)}/submit_approve`,
      { reason },
      {
        action: `Submitting push campaign ${notificationId} for approval`,
        advice: "Run `pulumi refresh` to see where the campaign stands, then `pulumi up` again.",
      },
    );
    return {
      hasAccess: (reply.body.data as { has_access?: unknown } | undefined)?.has_access === true,
      logId: reply.logId,
    };
  }

  /** Withdraws a submitted review. POST …/:notification_id/cancel_approve. */
  async cancelApproval(notificationId: string): Promise<{ readonly logId: string | undefined }> {
    const { reply } = await this.once(
      undefined,
      `${notificationsPath}/${encodeURIComponent(notificationId)}/cancel_approve`,
      undefined,
      {
        action: `Withdrawing the review of push campaign ${notificationId}`,
        advice: "Run `pulumi refresh` to see where the campaign stands.",
      },
    );
    return { logId: reply.logId };
  }

  /** Schedules an approved campaign to go out at `sendAt` (ms since the epoch). POST …/:notification_id/execute_send. */
  async executeSend(notificationId: string, sendAt: number): Promise<{ readonly logId: string | undefined }> {
    const { reply } = await this.once(
      "executeSend",
      `${notificationsPath}/${encodeURIComponent(notificationId)}/execute_send`,
      { send_at: String(sendAt) },
      {
        action: `Scheduling push campaign ${notificationId} for ${new Date(sendAt).toISOString()}`,
        advice: "Run `pulumi refresh` to see whether it is scheduled before trying again.",
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
      `${notificationsPath}/${encodeURIComponent(notificationId)}/cancel_send`,
      { is_recall: recall },
      {
        action: `Cancelling the send of push campaign ${notificationId}${recall ? " and recalling its messages" : ""}`,
        advice: "Run `pulumi refresh` to see where the campaign stands.",
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
    return { messageId: (reply.body.data as { message_id: string }).message_id, logId: reply.logId };
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
      if (FeishuApiError.isInstance(error) && (error.status >= 500 || error.code === 155000))
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
    const path = `${notificationsPath}/${encodeURIComponent(notificationId)}`;
    // A full-body PATCH is idempotent, so it is retried like a read.
    const { reply } = await this.withRetries("patch", true, () => this.call("PATCH", path, body));
    return { logId: reply.logId };
  }

  /** Reads a campaign. GET /open-apis/helpdesk/v1/notifications/:notification_id. */
  async getNotification(notificationId: string): Promise<FetchedNotification> {
    const path = `${notificationsPath}/${encodeURIComponent(notificationId)}`;
    const { reply } = await this.withRetries(
      "get",
      true,
      () => this.call("GET", path),
      (call, candidate) => {
        const data = candidate.body.data as { notification?: { status?: unknown } } | undefined;
        if (
          typeof data?.notification !== "object" ||
          data.notification === null ||
          typeof data.notification.status !== "number"
        ) {
          throw this.http.describeMalformed(call, candidate, "no data.notification with a numeric status in the reply");
        }
      },
    );
    const data = reply.body.data as { notification: WireNotification; approval_app_link?: unknown };
    const notification = data.notification;
    return {
      notification: { ...notification, id: notification.id ?? notificationId } as WireNotification,
      approvalAppLink: typeof data?.approval_app_link === "string" ? data.approval_app_link : undefined,
      logId: reply.logId,
    };
  }

  /**
   * Reads a campaign like {@link getNotification}, or gives undefined when Feishu answers that
   * there is no such campaign (code 154004).
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
    const deadline = this.options.retryDeadlineMs ?? 300_000;
    let tokenRefreshed = false;
    for (let attempt = 0; ; attempt++) {
      // Build first (it may fetch a token), then take the slot just before sending: a slot
      // taken earlier would let the request reach Feishu later than the pacer assumes.
      const call = await build();
      const slot =
        endpoint && this.options.pacing !== false ? await this.pacer.take(endpoint, this.options.onWait) : undefined;
      // The deadline counts from the first send: waiting for a slot in a long queue is not failing.
      started ??= Date.now();
      try {
        const reply = await this.http.send(call);
        validate?.(call, reply);
        return { call, reply };
      } catch (error) {
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
        const verdict = retryVerdict(error, idempotent, attempt, this.options);
        if (!verdict.retry || Date.now() + verdict.afterMs - started > deadline) throw error;
        this.options.onRetry?.({
          endpoint: `${call.method} ${call.path}`,
          attempt: attempt + 1,
          afterMs: verdict.afterMs,
          error: error as Error,
        });
        if (verdict.rateLimited && endpoint) this.pacer.pauseUntil(endpoint, Date.now() + verdict.afterMs);
        else await new Promise((resolve) => setTimeout(resolve, verdict.afterMs));
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
