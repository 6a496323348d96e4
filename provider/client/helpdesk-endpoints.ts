import type { CreatedNotification, FetchedNotification } from "./client-options";
import { endpoint, logIdOnly } from "./endpoint";
import { FeishuArgumentError } from "./errors/feishu-argument-error";
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

// The Helpdesk endpoints HelpdeskClient calls, one row each (创建推送, 更新推送, 查询推送, 预览推送,
// 提交审核, 取消审核, 执行推送, 取消推送, 服务台机器人发送消息): see endpoint.ts for what a row holds.

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

/** `sendAt` if it is a time; a FeishuArgumentError otherwise. */
function sendTime(sendAt: number): number {
  if (Number.isFinite(sendAt)) return sendAt;
  throw new FeishuArgumentError({
    argument: "sendAt",
    problem: `${sendAt} is not a time`,
    fix: 'Pass the send time in milliseconds since the epoch, for example Date.parse("2026-01-01T09:00:00Z").',
  });
}

/** The arguments of a call about one campaign. */
interface Campaign {
  readonly notificationId: string;
}

/** What to check, in Feishu, before repeating a lifecycle step whose outcome is unknown. */
const readFirst = (whether: string) => `Read the campaign (getNotification) to see ${whether} before trying again.`;

/** Every endpoint of the client, by the method that calls it. */
export const helpdeskEndpoints = {
  createNotification: endpoint<{ readonly body: WireNotificationBody }, CreatedNotification>({
    method: "POST",
    path: () => notificationsPath,
    body: ({ body }) => body,
    pacing: "create",
    idempotent: false,
    words: ({ body }) => ({
      action: `Creating push campaign "${body.job_name}"`,
      jobName: body.job_name,
      advice:
        `Feishu may now hold a draft named "${body.job_name}": ` +
        "look for it in the Helpdesk console before creating it again.",
    }),
    validate: (data) =>
      typeof data?.notification_id === "string" && data.notification_id !== ""
        ? undefined
        : "no data.notification_id in the reply",
    result: (reply) => {
      const data = reply.body.data as WireCreateData;
      return {
        notificationId: data.notification_id,
        status: typeof data.status === "number" ? data.status : 0,
        logId: reply.logId,
      };
    },
  }),

  previewNotification: endpoint<Campaign, { readonly logId: string | undefined }>({
    method: "POST",
    path: ({ notificationId }) => `${campaignPath(notificationId)}/preview`,
    idempotent: false,
    words: ({ notificationId }) => ({
      notificationId,
      action: `Sending a preview of push campaign ${notificationId}`,
      advice: "Check your Feishu chats for the preview before asking for another.",
    }),
    result: logIdOnly,
  }),

  submitApproval: endpoint<
    Campaign & { readonly reason: string },
    { readonly hasAccess: boolean; readonly logId: string | undefined }
  >({
    method: "POST",
    path: ({ notificationId }) => `${campaignPath(notificationId)}/submit_approve`,
    body: ({ reason }) => ({ reason }),
    idempotent: false,
    words: ({ notificationId }) => ({
      notificationId,
      action: `Submitting push campaign ${notificationId} for approval`,
      advice: readFirst("whether it was submitted"),
    }),
    result: (reply) => ({
      hasAccess: (reply.body.data as WireSubmitApproveData | undefined)?.has_access === true,
      logId: reply.logId,
    }),
  }),

  cancelApproval: endpoint<Campaign, { readonly logId: string | undefined }>({
    method: "POST",
    path: ({ notificationId }) => `${campaignPath(notificationId)}/cancel_approve`,
    idempotent: false,
    words: ({ notificationId }) => ({
      notificationId,
      action: `Withdrawing the review of push campaign ${notificationId}`,
      advice: readFirst("whether its review was withdrawn"),
    }),
    result: logIdOnly,
  }),

  executeSend: endpoint<Campaign & { readonly sendAt: number }, { readonly logId: string | undefined }>({
    method: "POST",
    path: ({ notificationId }) => `${campaignPath(notificationId)}/execute_send`,
    body: ({ sendAt }) => ({ send_at: String(sendTime(sendAt)) }),
    pacing: "executeSend",
    idempotent: false,
    words: ({ notificationId, sendAt }) => ({
      notificationId,
      action: `Scheduling push campaign ${notificationId} for ${new Date(sendAt).toISOString()}`,
      advice: readFirst("whether it is scheduled"),
    }),
    result: logIdOnly,
  }),

  cancelSend: endpoint<Campaign & { readonly recall: boolean }, { readonly logId: string | undefined }>({
    method: "POST",
    path: ({ notificationId }) => `${campaignPath(notificationId)}/cancel_send`,
    body: ({ recall }) => ({ is_recall: recall }),
    idempotent: false,
    words: ({ notificationId, recall }) => ({
      notificationId,
      action: `Cancelling the send of push campaign ${notificationId}${recall ? " and recalling its messages" : ""}`,
      advice: readFirst("where it stands"),
    }),
    result: logIdOnly,
  }),

  sendBotMessage: endpoint<
    { readonly message: WireBotMessage },
    { readonly messageId: string; readonly logId: string | undefined }
  >({
    method: "POST",
    path: () => "/open-apis/helpdesk/v1/message",
    body: ({ message }) => message,
    pacing: "botMessage",
    // The API page requires a tenant access token.
    tenantToken: () => true,
    idempotent: false,
    words: ({ message }) => ({
      action: `Sending a ${message.msg_type} message to ${message.receiver_id}`,
      advice: "Check the receiver's helpdesk chat before sending it again.",
    }),
    validate: (data) =>
      typeof data?.message_id === "string" && data.message_id !== "" ? undefined : "no data.message_id in the reply",
    result: (reply) => ({ messageId: (reply.body.data as WireBotMessageData).message_id, logId: reply.logId }),
  }),

  patchNotification: endpoint<
    Campaign & { readonly body: WireNotificationBody },
    { readonly logId: string | undefined }
  >({
    method: "PATCH",
    path: ({ notificationId }) => campaignPath(notificationId),
    body: ({ body }) => body,
    pacing: "patch",
    // A full-body PATCH is idempotent, so it is retried like a read.
    idempotent: true,
    result: logIdOnly,
  }),

  getNotification: endpoint<Campaign & { readonly tenantToken?: boolean }, FetchedNotification>({
    method: "GET",
    path: ({ notificationId }) => campaignPath(notificationId),
    pacing: "get",
    tenantToken: (args) => args.tenantToken === true,
    idempotent: true,
    validate: (data) => {
      const notification = (data as Partial<WireGetData> | undefined)?.notification;
      return typeof notification !== "object" || notification === null || typeof notification.status !== "number"
        ? "no data.notification with a numeric status in the reply"
        : undefined;
    },
    result: (reply, { notificationId }) => {
      const data = reply.body.data as WireGetData;
      const notification: WireNotification = { ...data.notification, id: data.notification.id ?? notificationId };
      return {
        notification,
        approvalAppLink: typeof data.approval_app_link === "string" ? data.approval_app_link : undefined,
        logId: reply.logId,
        serverTime: serverTimeOf(reply.date),
      };
    },
  }),
} as const;
