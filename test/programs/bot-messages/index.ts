import * as pulumi from "@pulumi/pulumi";
import { HelpdeskBotMessage, type HelpdeskBotMessageArgs } from "pulumi-feishu-helpdesk";

const specs = new pulumi.Config().requireObject<Record<string, HelpdeskBotMessageArgs>>("messages");

export const messageIds: Record<string, pulumi.Output<string>> = {};
for (const [name, args] of Object.entries(specs)) {
  messageIds[name] = new HelpdeskBotMessage(name, args).messageId;
}
