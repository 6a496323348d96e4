import { FeishuErrorCode } from "./api/error-codes";
import type { CreatedNotification, FetchedNotification, HelpdeskClientOptions } from "./client-options";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuCalls } from "./feishu-calls";
import { helpdeskEndpoints as endpoints } from "./helpdesk-endpoints";
import type { WireBotMessage, WireNotificationBody } from "./wire-types";

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
    return this.#calls.request(endpoints.createNotification, { body }, options.beforeSend);
  }

  /** Sends a preview of the campaign's card to the caller. POST …/:notification_id/preview. */
  async previewNotification(notificationId: string): Promise<{ readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.previewNotification, { notificationId });
  }

  /**
   * Submits a draft for review. POST …/:notification_id/submit_approve. `hasAccess` is true when
   * Feishu approved it at once (the caller owns the helpdesk); otherwise the owner is asked.
   */
  async submitApproval(
    notificationId: string,
    reason: string,
  ): Promise<{ readonly hasAccess: boolean; readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.submitApproval, { notificationId, reason });
  }

  /** Withdraws a submitted review. POST …/:notification_id/cancel_approve. */
  async cancelApproval(notificationId: string): Promise<{ readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.cancelApproval, { notificationId });
  }

  /**
   * Schedules an approved campaign to go out at `sendAt` (ms since the epoch).
   * POST …/:notification_id/execute_send.
   */
  async executeSend(notificationId: string, sendAt: number): Promise<{ readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.executeSend, { notificationId, sendAt });
  }

  /**
   * Cancels a scheduled push, or stops one in progress; with `recall`, also recalls the messages
   * already delivered. POST …/:notification_id/cancel_send.
   */
  async cancelSend(notificationId: string, recall: boolean): Promise<{ readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.cancelSend, { notificationId, recall });
  }

  /**
   * Sends a message through the helpdesk bot (服务台机器人向工单绑定的群内发送消息). POST
   * /open-apis/helpdesk/v1/message, with a tenant access token as the page requires.
   */
  async sendBotMessage(
    message: WireBotMessage,
  ): Promise<{ readonly messageId: string; readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.sendBotMessage, { message });
  }

  /** Updates a draft campaign. PATCH /open-apis/helpdesk/v1/notifications/:notification_id. */
  async patchNotification(
    notificationId: string,
    body: WireNotificationBody,
  ): Promise<{ readonly logId: string | undefined }> {
    return this.#calls.request(endpoints.patchNotification, { notificationId, body });
  }

  /**
   * Reads a campaign. GET /open-apis/helpdesk/v1/notifications/:notification_id.
   * @param options.tenantToken Read with a tenant access token (from appId and appSecret) even
   *   when a user access token is configured: the token a bot message is sent with.
   *   @default false
   */
  async getNotification(notificationId: string, options: ReadOptions = {}): Promise<FetchedNotification> {
    return this.#calls.request(endpoints.getNotification, { notificationId, tenantToken: options.tenantToken });
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
