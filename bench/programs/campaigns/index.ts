import * as pulumi from "@pulumi/pulumi";
import { HelpdeskNotification } from "pulumi-feishu-helpdesk";

// N campaigns from a count, as the floor (test/programs/noop) makes its N resources: a 1000-entry
// `campaigns` object would not fit on the `pulumi config set` command line.
const count = new pulumi.Config().getNumber("count") ?? 1;
// `edition`: appended to every job name, so changing it edits every campaign (the quota bench's edits).
const edition = new pulumi.Config().get("edition") ?? "";
const card = {
  config: { wide_screen_mode: true },
  elements: [{ tag: "div", text: { tag: "lark_md", content: "Please upgrade the VPN client." } }],
};
// `guarded`: campaigns that pass the policy pack (bench/policy-pack.ts): its time is that of checking,
// not of reporting findings.
const guarded = new pulumi.Config().getBoolean("guarded") ?? false;
const ids = [];
for (let n = 0; n < count; n++) {
  const campaign = new HelpdeskNotification(`c${n}`, {
    jobName: guarded ? `CHG-${n}: Campaign ${n}${edition}` : `Campaign ${n}${edition}`,
    pushType: "scheduled",
    pushScopeType: guarded ? "someMembers" : "allMembers",
    ...(guarded ? { users: [`ou_${n}`] } : {}),
    pushContent: card,
  });
  ids.push(campaign.notificationId);
}
export const created = ids;
