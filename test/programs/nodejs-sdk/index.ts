import * as pulumi from "@pulumi/pulumi";
import * as feishu from "@pulumi-feishu-helpdesk/feishu-helpdesk";

// The generated Node.js SDK (sdk/nodejs), not the dynamic resource: campaigns go through the
// native plugin installed into PULUMI_HOME, with the SDK's typed args and enums.
// `campaigns` in config (name → args, as test/programs/campaigns takes them): the parity test's
// campaigns instead of the one below.
const specs = new pulumi.Config().getObject<Record<string, feishu.HelpdeskNotificationArgs>>("campaigns");

export const campaigns: Record<string, pulumi.Output<string>> = {};
for (const [name, args] of Object.entries(specs ?? {})) {
  campaigns[name] = new feishu.HelpdeskNotification(name, args).notificationId;
}

const reminder = specs
  ? undefined
  : new feishu.HelpdeskNotification("nodejs-sdk-reminder", {
      jobName: "Node.js SDK: password rotation reminder",
      pushType: feishu.PushType.Scheduled,
      pushScopeType: feishu.PushScopeType.SomeMembers,
      users: ["ou_nodejs_sdk"],
      pushContent: { elements: [{ tag: "div", text: { tag: "lark_md", content: "Please rotate your password." } }] },
      approval: { reason: "Password rotation" },
      onDelete: feishu.DeletePolicy.Cancel,
    });
export const notificationId = reminder?.notificationId;
export const stage = reminder?.stage;
