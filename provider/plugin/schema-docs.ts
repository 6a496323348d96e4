import { declarationDocs } from "./source-docs";
import type { SchemaDocs } from "./package-schema";

/**
 * The JSDoc of the TypeScript resources, read from the sources under `repo`: the one text of
 * each description, for the TypeScript API and the package schema alike. Dev-time only.
 */
export function collectSchemaDocs(repo: string): SchemaDocs {
  const notification = declarationDocs(repo, "provider/notification/helpdesk-notification.ts", [
    "HelpdeskNotificationArgs",
    "HelpdeskNotification",
  ]);
  const enums = declarationDocs(repo, "provider/notification/enums.ts", [
    "PushType",
    "PushScopeType",
    "NewStaffScopeType",
  ]);
  const botMessage = declarationDocs(repo, "provider/bot-message/helpdesk-bot-message.ts", [
    "HelpdeskBotMessageArgs",
    "HelpdeskBotMessage",
  ]);
  return {
    notificationArgs: notification.HelpdeskNotificationArgs,
    notificationClass: notification.HelpdeskNotification,
    notificationUser: declarationDocs(repo, "provider/notification/server-fields.ts", ["NotificationUserOutput"])
      .NotificationUserOutput,
    campaignStage: declarationDocs(repo, "provider/notification/stage.ts", ["CampaignStage"]).CampaignStage,
    deletePolicy: declarationDocs(repo, "provider/notification/fields.ts", ["DeletePolicy"]).DeletePolicy,
    pushType: enums.PushType,
    pushScopeType: enums.PushScopeType,
    newStaffScopeType: enums.NewStaffScopeType,
    botMessageArgs: botMessage.HelpdeskBotMessageArgs,
    botMessageClass: botMessage.HelpdeskBotMessage,
    providerArgs: declarationDocs(repo, "provider/pulumi/explicit-provider.ts", ["FeishuHelpdeskProviderArgs"])
      .FeishuHelpdeskProviderArgs,
  };
}
