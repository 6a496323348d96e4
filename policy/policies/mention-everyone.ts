import { campaignLabel, cardOf, hasApproval } from "../decisions/campaign";
import { mentionOfEveryone } from "../decisions/mentions";
import { campaignPolicy } from "./campaign-policy";

/** A card that @-mentions everyone goes through review. */
export const mentionEveryone = campaignPolicy<Record<string, never>>({
  name: "mention-everyone-needs-approval",
  description: 'A campaign whose card mentions everyone (<at id=all>, <at user_id="all">) has `approval`.',
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  check(inputs, name) {
    const path = mentionOfEveryone(cardOf(inputs));
    if (path === undefined || hasApproval(inputs)) return undefined;
    return (
      `Campaign ${campaignLabel(name, inputs.jobName)} mentions everyone (pushContent.${path}) without review. ` +
      'Fix: add approval: { reason: "..." }, or remove the <at id=all> mention.'
    );
  },
});
