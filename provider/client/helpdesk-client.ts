import { FeishuErrorCode } from "./api/error-codes";
import type { CreatedNotification, FetchedNotification, HelpdeskClientOptions } from "./client-options";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuArgumentError } from "./errors/feishu-argument-error";
import { FeishuCalls } from "./feishu-calls";
import { serverTimeOf } from "./server-time";
import type {
  WireBotMessage,
  WireBotMessageData,
  WireCreateData,
  WireGetData,
  WireNotification,
  WireNotificationBody,
  WireSubmitApproveData,
} from "./wire-types";

export {
  type CreatedNotification,
  FEISHU_BASE_URL,
  type FetchedNotification,
  type HelpdeskClientOptions,
  LARK_BASE_URL,
  type RetryNotice,
  type UserIdType,
} from "./client-options";

/** How a read is made. */
export interface ReadOptions {
  /**
   * Use a tenant access token from appId and appSecret, even when a user access token is set.
   * @default false
   */
  readonly tenantToken?: boolean;
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

/**
 * A typed client of the Feishu Helpdesk push-campaign API (创建推送 / 更新推送 / 查询推送),
 * usable without Pulumi (import it from `pulumi-feishu-helpdesk/client`). Every call sends both
 * credentials; every error is a FeishuHelpdeskError (FeishuApiError, FeishuResponseError,
 * FeishuRedirectError, FeishuNetworkError, FeishuOutcomeUnknownError, FeishuConfigError), with
 * every configured credential redacted from its text.
 */
export class HelpdeskClient {
  // #private: the machinery holds the credentials; a logged client shows none of it.
  readonly #calls: FeishuCalls;

  constructor(options: HelpdeskClientOptions) {
    this.#calls = new FeishuCalls(options);
  }

  /**
   * Creates a campaign; Feishu creates it as a draft. POST /open-apis/helpdesk/v1/notifications.
   * Never sent twice: when the outcome is unknown it throws FeishuOutcomeUnknownError.
   */
  async createNotification(
    body: WireNotificationBody,
    options: {
      /** Called just before the POST is sent (after any pacing wait): where a caller records its intent. */
      readonly beforeSend?: () => void;
    } = {},
  ): Promise<CreatedNotification> {
    const { reply } = await this.#calls.once("create", notificationsPath, body, {
      beforeSend: options.beforeSend,
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
    const { reply } = await this.#calls.once(undefined, `${campaignPath(notificationId)}/preview`, undefined, {
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
    const { reply } = await this.#calls.once(
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
    const { reply } = await this.#calls.once(undefined, `${campaignPath(notificationId)}/cancel_approve`, undefined, {
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
    const { reply } = await this.#calls.once(
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
    const { reply } = await this.#calls.once(
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
    const { reply } = await this.#calls.once("botMessage", "/open-apis/helpdesk/v1/message", message, {
      tenantToken: true,
      action: `Sending a ${message.msg_type} message to ${message.receiver_id}`,
      advice: "Check the receiver's helpdesk chat before sending it again.",
      validate: (data) =>
        typeof data?.message_id === "string" && data.message_id !== "" ? undefined : "no data.message_id in the reply",
    });
    return { messageId: (reply.body.data as WireBotMessageData).message_id, logId: reply.logId };
  }

  /** Updates a draft campaign. PATCH /open-apis/helpdesk/v1/notifications/:notification_id. */
  async patchNotification(
    notificationId: string,
    body: WireNotificationBody,
  ): Promise<{ readonly logId: string | undefined }> {
    const path = `${campaignPath(notificationId)}`;
    // A full-body PATCH is idempotent, so it is retried like a read.
    const { reply } = await this.#calls.withRetries("patch", true, () => this.#calls.call("PATCH", path, body));
    return { logId: reply.logId };
  }

  /**
   * Reads a campaign. GET /open-apis/helpdesk/v1/notifications/:notification_id.
   * @param options.tenantToken Read with a tenant access token (from appId and appSecret) even
   *   when a user access token is configured: the token a bot message is sent with.
   *   @default false
   */
  async getNotification(notificationId: string, options: ReadOptions = {}): Promise<FetchedNotification> {
    const path = `${campaignPath(notificationId)}`;
    const { reply } = await this.#calls.withRetries(
      "get",
      true,
      () => this.#calls.call("GET", path, undefined, options.tenantToken === true),
      (call, candidate) => {
        const data = candidate.body.data as Partial<WireGetData> | undefined;
        if (
          typeof data?.notification !== "object" ||
          data.notification === null ||
          typeof data.notification.status !== "number"
        ) {
          throw this.#calls.http.describeMalformed(
            call,
            candidate,
            "no data.notification with a numeric status in the reply",
          );
        }
      },
    );
    const data = reply.body.data as WireGetData;
    const notification: WireNotification = { ...data.notification, id: data.notification.id ?? notificationId };
    return {
      notification,
      approvalAppLink: typeof data.approval_app_link === "string" ? data.approval_app_link : undefined,
      logId: reply.logId,
      serverTime: serverTimeOf(reply.date),
    };
  }

  /**
   * Reads a campaign like {@link getNotification}, but gives `undefined` when Feishu says there is
   * no such campaign (code 154004, `FeishuErrorCode.notFound`). Every other failure throws.
   */
  async findNotification(notificationId: string, options: ReadOptions = {}): Promise<FetchedNotification | undefined> {
    try {
      return await this.getNotification(notificationId, options);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === FeishuErrorCode.notFound) return undefined;
      throw error;
    }
  }
}
