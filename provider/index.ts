/**
 * pulumi-feishu-helpdesk: Feishu (Lark) Helpdesk push campaigns as code.
 *
 * - {@link HelpdeskNotification}: a push campaign as a Pulumi (dynamic) resource.
 * - {@link HelpdeskBotMessage}: a message through the helpdesk bot, as a resource.
 * - {@link FeishuHelpdeskProvider}: the settings of one helpdesk, for programs that manage several.
 * - {@link getNotification}, {@link getNotificationOutput}: read an existing campaign in a program.
 * - {@link HelpdeskClient}: a typed client of the same API, usable without Pulumi.
 * - The emulator lives at `pulumi-feishu-helpdesk/emulator`.
 */

export type { BotMessageBody, BotMessageType, PostBody, PostElement } from "./bot-message/content";
export { BotMessage } from "./bot-message/content";
export type { HelpdeskBotMessageArgs } from "./bot-message/helpdesk-bot-message";
export { HelpdeskBotMessage } from "./bot-message/helpdesk-bot-message";
export { BotMessageInvalidError } from "./bot-message/invalid-error";
export type { BotMessageState } from "./bot-message/operations";
export type { BotMessageInputCheck, NormalizedBotMessageInputs } from "./bot-message/check-inputs";
export { checkBotMessageInputs } from "./bot-message/check-inputs";
export { sendBotMessage } from "./bot-message/send";
// The whole client, as `pulumi-feishu-helpdesk/client` exports it: one list, so the two entries cannot drift.
export * from "./client/index";
export { NewStaffScopeType, PushScopeType, PushType } from "./notification/enums";
export { NotificationAdoptMismatchError, NotificationAdoptNotFoundError } from "./notification/errors/adopt-errors";
export { NotificationAlreadySentError } from "./notification/errors/already-sent-error";
export { NotificationEditFailedError } from "./notification/errors/edit-failed-error";
export { NotificationGoneError } from "./notification/errors/gone-error";
export { NotificationNotDraftError } from "./notification/errors/not-draft-error";
export type { CampaignCall } from "./notification/errors/outcome-unknown-error";
export { NotificationOutcomeUnknownError } from "./notification/errors/outcome-unknown-error";
export { NotificationScheduledEditError } from "./notification/errors/scheduled-edit-error";
export type {
  CampaignProperty,
  DeletePolicy,
  InputProperty,
  NormalizedNotificationInputs,
} from "./notification/fields";
export type { HelpdeskNotificationArgs, MessageCard } from "./notification/helpdesk-notification";
export type { LookedUpNotification, NotificationLookupOptions } from "./notification/lookup";
export { getNotification, getNotificationOutput } from "./notification/lookup";
export { HelpdeskNotification } from "./notification/helpdesk-notification";
export type { NotificationState, StoredNotification } from "./notification/outputs";
export type { NotificationServerFields, NotificationUserOutput } from "./notification/server-fields";
export { sendNotificationPreview } from "./notification/preview";
export type { InputCheck } from "./notification/check-inputs";
export { checkNotificationInputs } from "./notification/check-inputs";
export type { CampaignStage } from "./notification/stage";
export type { FeishuHelpdeskProviderArgs } from "./pulumi/explicit-provider";
export { FeishuHelpdeskProvider } from "./pulumi/explicit-provider";
export type { CheckedInputs, InputFailure } from "./pulumi/input-check";
export type { ConfigKey, SettingValues } from "./pulumi/settings";
export { CONFIG_NAMESPACE, configKeys } from "./pulumi/settings";
export { clientOptionsFromSettings } from "./pulumi/settings-for-client";
export {
  type CampaignReview,
  COMMENT_MARKER,
  DRIFT_MARKER,
  type DriftedCampaign,
  type DriftedProperty,
  type DriftResult,
  reviewDrift,
  reviewPreview,
  type ReviewInput,
  ReviewInputError,
  type ReviewResult,
  type WaitingCampaign,
} from "./review";
