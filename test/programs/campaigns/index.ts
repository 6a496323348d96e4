import * as pulumi from "@pulumi/pulumi";
import { getNotificationOutput, HelpdeskNotification, type HelpdeskNotificationArgs } from "pulumi-feishu-helpdesk";

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

// `lookups` (name → campaign id): existing campaigns read with HelpdeskNotification.get.
const lookups = new pulumi.Config().getObject<Record<string, string>>("lookups") ?? {};
export const found: Record<string, pulumi.Output<unknown>> = {};
for (const [name, id] of Object.entries(lookups)) {
  const campaign = HelpdeskNotification.get(name, id);
  found[name] = pulumi
    .all([campaign.jobName, campaign.users, campaign.pushContent, campaign.status, campaign.stage])
    .apply(([jobName, users, pushContent, status, stage]) => ({ jobName, users, pushContent, status, stage }));
}

// `readOnly` (name → campaign id): existing campaigns read in the program with getNotificationOutput.
const readOnly = new pulumi.Config().getObject<Record<string, string>>("readOnly") ?? {};
export const read: Record<string, pulumi.Output<unknown>> = {};
for (const [name, id] of Object.entries(readOnly)) {
  const campaign = getNotificationOutput(id);
  read[name] = pulumi.all([campaign.jobName, campaign.stage]).apply(([jobName, stage]) => ({ jobName, stage }));
}
