import { AccessTokenSource } from "./access-token-source";
import { helpdeskAuthorization, type HelpdeskCredentials } from "./credentials";
import { FeishuConfigError } from "./errors/feishu-config-error";
import { FeishuHttp, type FeishuCall } from "./feishu-http";
import type { WireNotification, WireNotificationBody } from "./wire-types";

/** The Feishu Open Platform (China). */
export const FEISHU_BASE_URL = "https://open.feishu.cn";
/** The Lark Open Platform (international). */
export const LARK_BASE_URL = "https://open.larksuite.com";

/** Which kind of user id the campaign's user lists hold. */
export type UserIdType = "open_id" | "union_id" | "user_id";

/** Options of {@link HelpdeskClient}. */
export interface HelpdeskClientOptions {
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

/**
 * A typed client of the Feishu Helpdesk push-campaign API (创建推送 / 更新推送 / 查询推送),
 * usable without Pulumi. Every call sends both credentials; errors are FeishuApiError,
 * FeishuResponseError or FeishuNetworkError, with credentials redacted.
 */
export class HelpdeskClient {
  private readonly http: FeishuHttp;
  // #private: not enumerable, not shown by console.log or util.inspect, so a logged client shows no secret.
  readonly #tokens: AccessTokenSource;
  readonly #credentials: HelpdeskCredentials;
  private readonly userIdType: UserIdType;

  constructor(options: HelpdeskClientOptions) {
    const { credentials } = options;
    if (!credentials.helpdeskId || !credentials.helpdeskToken) {
      throw new FeishuConfigError(
        "No helpdesk credentials: set feishu-helpdesk:helpdeskId / FEISHU_HELPDESK_ID and " +
          "feishu-helpdesk:helpdeskToken / FEISHU_HELPDESK_TOKEN (Helpdesk admin console → settings → API).",
      );
    }
    this.#credentials = credentials;
    this.userIdType = options.userIdType ?? "open_id";
    this.http = new FeishuHttp(options.baseUrl ?? FEISHU_BASE_URL, options.timeoutMs ?? 30_000);
    this.#tokens = new AccessTokenSource(this.http, credentials);
  }

  /** Creates a campaign; Feishu creates it as a draft. POST /open-apis/helpdesk/v1/notifications. */
  async createNotification(body: WireNotificationBody): Promise<CreatedNotification> {
    const call = await this.call("POST", notificationsPath, body);
    const reply = await this.http.send(call);
    const data = reply.body.data as { notification_id?: unknown; status?: unknown } | undefined;
    if (typeof data?.notification_id !== "string" || data.notification_id === "") {
      this.http.malformed(call, reply, "no data.notification_id in the reply");
    }
    return {
      notificationId: data.notification_id,
      status: typeof data.status === "number" ? data.status : 0,
      logId: reply.logId,
    };
  }

  /** Updates a draft campaign. PATCH /open-apis/helpdesk/v1/notifications/:notification_id. */
  async patchNotification(notificationId: string, body: WireNotificationBody): Promise<{ readonly logId: string | undefined }> {
    const reply = await this.http.send(await this.call("PATCH", `${notificationsPath}/${encodeURIComponent(notificationId)}`, body));
    return { logId: reply.logId };
  }

  /** Reads a campaign. GET /open-apis/helpdesk/v1/notifications/:notification_id. */
  async getNotification(notificationId: string): Promise<FetchedNotification> {
    const call = await this.call("GET", `${notificationsPath}/${encodeURIComponent(notificationId)}`);
    const reply = await this.http.send(call);
    const data = reply.body.data as { notification?: unknown; approval_app_link?: unknown } | undefined;
    const notification = data?.notification as Partial<WireNotification> | undefined;
    if (typeof notification !== "object" || notification === null || typeof notification.status !== "number") {
      this.http.malformed(call, reply, "no data.notification with a numeric status in the reply");
    }
    return {
      notification: { ...notification, id: notification.id ?? notificationId } as WireNotification,
      approvalAppLink: typeof data?.approval_app_link === "string" ? data.approval_app_link : undefined,
      logId: reply.logId,
    };
  }

  private async call(method: FeishuCall["method"], path: string, body?: unknown): Promise<FeishuCall> {
    return {
      method,
      path,
      query: { user_id_type: this.userIdType },
      headers: {
        Authorization: `Bearer ${await this.#tokens.get()}`,
        "X-Lark-Helpdesk-Authorization": helpdeskAuthorization(this.#credentials),
      },
      body,
    };
  }
}
