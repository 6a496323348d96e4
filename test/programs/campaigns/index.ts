import * as pulumi from "@pulumi/pulumi";
import { HelpdeskNotification, type HelpdeskNotificationArgs } from "pulumi-feishu-helpdesk";

// The tests describe the stack in config (`campaigns`: name → args), so one program on disk
// serves every scenario and a change is a `pulumi config set`, as a user's edit would be.
const specs = new pulumi.Config().requireObject<Record<string, HelpdeskNotificationArgs>>("campaigns");

export const campaigns: Record<string, pulumi.Output<unknown>> = {};
for (const [name, args] of Object.entries(specs)) {
  const campaign = new HelpdeskNotification(name, args);
  campaigns[name] = pulumi
    .all([campaign.notificationId, campaign.status, campaign.targetUserCount])
    .apply(([notificationId, status, targetUserCount]) => ({ notificationId, status, targetUserCount }));
}
