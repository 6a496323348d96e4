// The policy pack: guardrails for Feishu Helpdesk push campaigns, for both the dynamic resource
// (TypeScript programs) and the native plugin (YAML, Go, Python, .NET). Run it with
// `pulumi preview --policy-pack <this folder>`; see README.md for each policy and its config.
import { PolicyPack } from "@pulumi/policy";
import { approvalForEveryone } from "./policies/approval-for-everyone";
import { audienceCap } from "./policies/audience-cap";
import { campaignsPerDay } from "./policies/campaigns-per-day";
import { cardChecks } from "./policies/card-checks";
import { cardLinksPolicy } from "./policies/card-links";
import { jobNamePattern } from "./policies/job-name";
import { mentionEveryone } from "./policies/mention-everyone";
import { workingHoursPolicy } from "./policies/working-hours";

new PolicyPack("feishu-helpdesk-guardrails", {
  description: "Guardrails for Feishu Helpdesk push campaigns declared with pulumi-feishu-helpdesk.",
  policies: [
    approvalForEveryone,
    workingHoursPolicy,
    cardChecks,
    cardLinksPolicy,
    audienceCap,
    mentionEveryone,
    jobNamePattern,
    campaignsPerDay,
  ],
});
