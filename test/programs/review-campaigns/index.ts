import * as pulumi from "@pulumi/pulumi";
import { HelpdeskNotification, type HelpdeskNotificationArgs } from "pulumi-feishu-helpdesk";

// The campaigns come from config (`campaigns`: name → args); `ext`, when set (as a secret), is
// given to every campaign, so the review can be shown to keep a secret input hidden.
const config = new pulumi.Config();
const specs = config.requireObject<Record<string, HelpdeskNotificationArgs>>("campaigns");
const ext = config.getSecret("ext");

for (const [name, args] of Object.entries(specs)) {
  new HelpdeskNotification(name, { ...args, ...(ext ? { ext } : {}) });
}
