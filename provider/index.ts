/**
 * pulumi-feishu-helpdesk: Feishu (Lark) Helpdesk push campaigns as code.
 *
 * - {@link HelpdeskNotification}: the Pulumi dynamic resource.
 * - {@link HelpdeskClient}: a typed client of the same API, usable without Pulumi.
 * - The emulator lives at `pulumi-feishu-helpdesk/emulator`.
 */

export type { BotMessageBody, BotMessageType, PostBody, PostElement } from "./bot-message/content";
export { BotMessage } from "./bot-message/content";
export type { BotMessageInputCheck, NormalizedBotMessageInputs } from "./bot-message/schema";
export { checkBotMessageInputs } from "./bot-message/schema";
export { FeishuErrorCode } from "./client/api/error-codes";
export { DOCUMENTED_RATE_LIMITS } from "./client/api/rate-limits";
export type { HelpdeskCredentials } from "./client/credentials";
export { FeishuApiError } from "./client/errors/feishu-api-error";
export { FeishuConfigError } from "./client/errors/feishu-config-error";
export { FeishuHelpdeskError } from "./client/errors/feishu-helpdesk-error";
export { FeishuNetworkError } from "./client/errors/feishu-network-error";
export { FeishuOutcomeUnknownError } from "./client/errors/feishu-outcome-unknown-error";
export { FeishuResponseError } from "./client/errors/feishu-response-error";
export { NotificationNotDraftError } from "./client/errors/notification-not-draft-error";
export type { FeishuRequestInfo } from "./client/errors/request-info";
export type {
  CreatedNotification,
  FetchedNotification,
  HelpdeskClientOptions,
  RetryNotice,
  UserIdType,
} from "./client/helpdesk-client";
export { FEISHU_BASE_URL, HelpdeskClient, LARK_BASE_URL } from "./client/helpdesk-client";
export type { PacedEndpoint, PacingOptions, WaitNotice } from "./client/pacing/pacer";
export { describeWait } from "./client/pacing/pacer";
export type { RetryOptions } from "./client/retry/retry-policy";
export type {
  WireBotMessage,
  WireNotification,
  WireNotificationBody,
  WireNotificationChat,
  WireNotificationDepartment,
  WireNotificationUser,
} from "./client/wire-types";
export { NewStaffScopeType, PushScopeType, PushType } from "./notification/enums";
export type { DeletePolicy, NormalizedNotificationInputs } from "./notification/inputs";
export type { InputCheck, InputFailure } from "./notification/schema";
export { checkNotificationInputs } from "./notification/schema";
export type { CampaignStage } from "./notification/stage";
export type { HelpdeskBotMessageArgs } from "./resources/helpdesk-bot-message";
export { HelpdeskBotMessage } from "./resources/helpdesk-bot-message";
export type { HelpdeskNotificationArgs, MessageCard } from "./resources/helpdesk-notification";
export { HelpdeskNotification } from "./resources/helpdesk-notification";
export type { NotificationServerFields, NotificationUserOutput } from "./resources/notification-outputs";
export { sendNotificationPreview } from "./resources/notification-preview";
export { CONFIG_NAMESPACE, configKeys } from "./resources/provider-settings";
export { sendBotMessage } from "./resources/send-bot-message";
