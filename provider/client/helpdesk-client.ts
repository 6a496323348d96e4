import { AccessTokenSource } from "./access-token-source";
import { helpdeskAuthorization, type HelpdeskCredentials } from "./credentials";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuConfigError } from "./errors/feishu-config-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuOutcomeUnknownError } from "./errors/feishu-outcome-unknown-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { FeishuHttp, type FeishuCall, type FeishuReply } from "./feishu-http";
import { sharedPacer, type PacedEndpoint, type Pacer, type PacingOptions, type WaitNotice } from "./pacing/pacer";
import { retryVerdict, type RetryOptions } from "./retry/retry-policy";
import type { WireNotification, WireNotificationBody } from "./wire-types";

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
    const baseUrl = options.baseUrl ?? FEISHU_BASE_URL;
    this.http = new FeishuHttp(baseUrl, options.timeoutMs ?? 30_000);
    this.pacer = sharedPacer(baseUrl, options);
    // Asking for a token twice is harmless, so its POST is retried like a read.
    this.#tokens = new AccessTokenSource(async (call) => (await this.withRetries(undefined, true, async () => call)).reply, this.http, credentials);
    // Only the settings, never the credentials, are kept beside them.
    const { credentials: _, ...settings } = options;
    this.options = settings as HelpdeskClientOptions;
  }

  /**
   * Creates a campaign; Feishu creates it as a draft. POST /open-apis/helpdesk/v1/notifications.
   * Never sent twice: when the outcome is unknown it throws FeishuOutcomeUnknownError.
   */
  async createNotification(body: WireNotificationBody): Promise<CreatedNotification> {
    const sentAt = new Date().toISOString();
    let sent: { call: FeishuCall; reply: FeishuReply };
    try {
      sent = await this.withRetries("create", false, () => this.call("POST", notificationsPath, body));
    } catch (error) {
      const maybeProcessed =
        (FeishuNetworkError.isInstance(error) && error.requestSent) ||
        (FeishuApiError.isInstance(error) && (error.status >= 500 || error.code === 155000)) ||
        FeishuResponseError.isInstance(error);
      if (!maybeProcessed) throw error;
      const logId = FeishuApiError.isInstance(error) || FeishuResponseError.isInstance(error) ? error.logId : undefined;
      throw new FeishuOutcomeUnknownError({ endpoint: error.endpoint, jobName: body.job_name, sentAt, logId, cause: error });
    }
    const { call, reply } = sent;
    const data = reply.body.data as { notification_id?: unknown; status?: unknown } | undefined;
    if (typeof data?.notification_id !== "string" || data.notification_id === "") {
      const error = this.http.describeMalformed(call, reply, "no data.notification_id in the reply");
      throw new FeishuOutcomeUnknownError({ endpoint: error.endpoint, jobName: body.job_name, sentAt, logId: reply.logId, cause: error });
    }
    return {
      notificationId: data.notification_id,
      status: typeof data.status === "number" ? data.status : 0,
      logId: reply.logId,
    };
  }

  /** Updates a draft campaign. PATCH /open-apis/helpdesk/v1/notifications/:notification_id. */
  async patchNotification(notificationId: string, body: WireNotificationBody): Promise<{ readonly logId: string | undefined }> {
    const path = `${notificationsPath}/${encodeURIComponent(notificationId)}`;
    // A full-body PATCH is idempotent, so it is retried like a read.
    const { reply } = await this.withRetries("patch", true, () => this.call("PATCH", path, body));
    return { logId: reply.logId };
  }

  /** Reads a campaign. GET /open-apis/helpdesk/v1/notifications/:notification_id. */
  async getNotification(notificationId: string): Promise<FetchedNotification> {
    const path = `${notificationsPath}/${encodeURIComponent(notificationId)}`;
    const { reply } = await this.withRetries("get", true, () => this.call("GET", path), (call, candidate) => {
      const data = candidate.body.data as { notification?: { status?: unknown } } | undefined;
      if (typeof data?.notification !== "object" || data.notification === null || typeof data.notification.status !== "number") {
        throw this.http.describeMalformed(call, candidate, "no data.notification with a numeric status in the reply");
      }
    });
    const data = reply.body.data as { notification: WireNotification; approval_app_link?: unknown };
    const notification = data.notification;
    return {
      notification: { ...notification, id: notification.id ?? notificationId } as WireNotification,
      approvalAppLink: typeof data?.approval_app_link === "string" ? data.approval_app_link : undefined,
      logId: reply.logId,
    };
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
    const started = Date.now();
    const deadline = this.options.retryDeadlineMs ?? 300_000;
    let tokenRefreshed = false;
    for (let attempt = 0; ; attempt++) {
      // Build first (it may fetch a token), then take the slot just before sending: a slot
      // taken earlier would let the request reach Feishu later than the pacer assumes.
      const call = await build();
      if (endpoint) await this.pacer.take(endpoint, this.options.onWait);
      try {
        const reply = await this.http.send(call);
        validate?.(call, reply);
        return { call, reply };
      } catch (error) {
        if (FeishuApiError.isInstance(error) && tokenRejected.has(error.code) && this.#tokens.refreshable && !tokenRefreshed) {
          tokenRefreshed = true;
          this.#tokens.invalidate();
          continue;
        }
        const verdict = retryVerdict(error, idempotent, attempt, this.options);
        if (!verdict.retry || Date.now() + verdict.afterMs - started > deadline) throw error;
        this.options.onRetry?.({ endpoint: `${call.method} ${call.path}`, attempt: attempt + 1, afterMs: verdict.afterMs, error: error as Error });
        if (verdict.rateLimited && endpoint) this.pacer.pauseUntil(endpoint, Date.now() + verdict.afterMs);
        else await new Promise((resolve) => setTimeout(resolve, verdict.afterMs));
      }
    }
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
