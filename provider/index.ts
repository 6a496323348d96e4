/**
 * pulumi-feishu-helpdesk: Feishu (Lark) Helpdesk push campaigns as code.
 *
 * - {@link HelpdeskNotification}: the Pulumi dynamic resource.
 * - {@link HelpdeskClient}: a typed client of the same API, usable without Pulumi.
 * - The emulator lives at `pulumi-feishu-helpdesk/emulator`.
 */
export { HelpdeskNotification } from "./resources/helpdesk-notification";
export type { HelpdeskNotificationArgs, MessageCard } from "./resources/helpdesk-notification";
export type { NotificationUserOutput, NotificationServerFields } from "./resources/notification-outputs";
export { CONFIG_NAMESPACE, configKeys } from "./resources/provider-settings";
export { sendNotificationPreview } from "./resources/notification-preview";

export { HelpdeskBotMessage } from "./resources/helpdesk-bot-message";
export type { HelpdeskBotMessageArgs } from "./resources/helpdesk-bot-message";
export { sendBotMessage } from "./resources/send-bot-message";
export { BotMessage } from "./bot-message/content";
export type { BotMessageBody, BotMessageType, PostBody, PostElement } from "./bot-message/content";
export { checkBotMessageInputs } from "./bot-message/schema";
export type { BotMessageInputCheck, NormalizedBotMessageInputs } from "./bot-message/schema";

export { NewStaffScopeType, PushScopeType, PushType } from "./notification/enums";
export { checkNotificationInputs } from "./notification/schema";
export type { InputCheck, InputFailure } from "./notification/schema";
export type { DeletePolicy, NormalizedNotificationInputs } from "./notification/inputs";
export type { CampaignStage } from "./notification/stage";

export { HelpdeskClient, FEISHU_BASE_URL, LARK_BASE_URL } from "./client/helpdesk-client";
export type { CreatedNotification, FetchedNotification, HelpdeskClientOptions, RetryNotice, UserIdType } from "./client/helpdesk-client";
export { DOCUMENTED_RATE_LIMITS, describeWait } from "./client/pacing/pacer";
export type { PacedEndpoint, PacingOptions, WaitNotice } from "./client/pacing/pacer";
export type { RetryOptions } from "./client/retry/retry-policy";
export type { HelpdeskCredentials } from "./client/credentials";
export type {
  WireBotMessage,
  WireNotification,
  WireNotificationBody,
  WireNotificationChat,
  WireNotificationDepartment,
  WireNotificationUser,
} from "./client/wire-types";

export { FeishuHelpdeskError } from "./client/errors/feishu-helpdesk-error";
export { FeishuApiError } from "./client/errors/feishu-api-error";
export { FeishuResponseError } from "./client/errors/feishu-response-error";
export { FeishuNetworkError } from "./client/errors/feishu-network-error";
export { FeishuConfigError } from "./client/errors/feishu-config-error";
export { FeishuOutcomeUnknownError } from "./client/errors/feishu-outcome-unknown-error";
export { NotificationNotDraftError } from "./client/errors/notification-not-draft-error";
export type { FeishuRequestInfo } from "./client/errors/request-info";
