import * as pulumi from "@pulumi/pulumi";
import { HelpdeskNotification } from "pulumi-feishu-helpdesk";

// A reminder to a few people and the IT announcements group. It is created as a draft; add
// `approval: { reason }` to submit it for review and `sendAt` to schedule it once approved.
// `pulumi config set approvalReason "…"` does the first here: then approve it in the emulator's
// web console and watch the next edit be refused.
const config = new pulumi.Config();
const approvalReason = config.get("approvalReason");

const reminder = new HelpdeskNotification("q3-vpn-reminder", {
  jobName: "Q3 VPN client upgrade reminder",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: config.getObject<string[]>("users") ?? [
    "ou_7277fd1262bfafc363d5b2a1f9c2ac90",
    "ou_2f1e5a0c8d4b4e6f9a7b3c2d1e0f9a8b",
  ],
  chats: ["oc_7c1a2815c9846b5e518b950de0e62de8"],
  ...(approvalReason ? { approval: { reason: approvalReason } } : {}),
  pushContent: {
    config: { wide_screen_mode: true },
    header: { title: { tag: "plain_text", content: "VPN client upgrade" } },
    elements: [
      {
        tag: "div",
        text: {
          tag: "lark_md",
          content:
            config.get("message") ??
            "Please upgrade the VPN client to **5.2** before Friday. Ask the helpdesk if anything goes wrong.",
        },
      },
    ],
  },
});

export const notificationId = reminder.notificationId;
export const status = reminder.status;
export const isDraft = reminder.isDraft;
export const targetUserCount = reminder.targetUserCount;
export const approvalAppLink = reminder.approvalAppLink;
