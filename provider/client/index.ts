/**
 * `pulumi-feishu-helpdesk/client`: the typed Feishu Helpdesk client alone. It loads no Pulumi
 * module, so a script or service that only calls the API starts fast and stays small.
 */

export { FeishuErrorCode, type KnownFeishuErrorCode } from "./api/error-codes";
export {
  DOCUMENTED_RATE_LIMIT_WINDOW_MS,
  DOCUMENTED_RATE_LIMITS,
  RATE_LIMITED_ENDPOINTS,
  type RateLimitedEndpoint,
} from "./api/rate-limits";
export type { HelpdeskCredentials } from "./credentials";
export { FeishuApiError } from "./errors/feishu-api-error";
export { FeishuArgumentError } from "./errors/feishu-argument-error";
export { FeishuCancelledError } from "./errors/feishu-cancelled-error";
export { FeishuConfigError } from "./errors/feishu-config-error";
export { FeishuHelpdeskError } from "./errors/feishu-helpdesk-error";
export { FeishuNetworkError } from "./errors/feishu-network-error";
export { FeishuOutcomeUnknownError } from "./errors/feishu-outcome-unknown-error";
export { FeishuRedirectError } from "./errors/feishu-redirect-error";
export { FeishuResponseError } from "./errors/feishu-response-error";
export type { FeishuRequestInfo } from "./errors/request-info";
export type {
  CreatedNotification,
  FetchedNotification,
  HelpdeskClientOptions,
  RetryNotice,
  UserIdType,
} from "./helpdesk-client";
export { FEISHU_BASE_URL, HelpdeskClient, LARK_BASE_URL, type ReadOptions } from "./helpdesk-client";
export type { PacedEndpoint, PacingOptions, WaitNotice } from "./pacing/pacer";
export { describeWait } from "./pacing/pacer";
export type { RetryOptions } from "./retry/retry-policy";
export type {
  WireBotMessage,
  WireBotMessageData,
  WireCreateData,
  WireEnvelope,
  WireGetData,
  WireNotification,
  WireNotificationBody,
  WireNotificationChat,
  WireNotificationDepartment,
  WireNotificationUser,
  WireSubmitApproveData,
  WireTenantTokenResponse,
} from "./wire-types";
// The card model: parse, check and render message cards, for programs and bots as for the provider.
export * from "../card/index";
