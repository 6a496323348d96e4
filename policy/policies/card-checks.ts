import { checkCard } from "pulumi-feishu-helpdesk/client";
import { campaignLabel } from "../decisions/campaign";
import { campaignPolicy } from "./campaign-policy";

interface Config {
  readonly communityLimitsAreViolations: boolean;
  readonly warningsAreViolations: boolean;
}

/** How many findings a message lists before it says how many more there are. */
const LISTED = 5;

/** The card passes the card model's checks (the provider's own, run at review time instead of at send time). */
export const cardChecks = campaignPolicy<Config>({
  name: "card-checks",
  description:
    "A campaign's card (pushContent) passes the card checks of pulumi-feishu-helpdesk: structure, tags, " +
    "text objects, link schemes; the community-sourced limits when configured.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      communityLimitsAreViolations: {
        type: "boolean",
        default: false,
        description:
          "Whether a card over a limit known only from community sources (30 KB of JSON; JSON 2.0: 200 elements, " +
          "5 nested containers, element_id rules) breaks the policy. Off by default: Feishu does not document them.",
      },
      warningsAreViolations: {
        type: "boolean",
        default: false,
        description: "Whether the card model's warnings (a misplaced or unknown element) break the policy too.",
      },
    },
  },
  check(inputs, name, config) {
    const content = inputs.pushContent;
    if (content === undefined || content === null) return undefined; // the provider refuses a missing card itself
    // Reading every value first: one unknown at preview then makes the policy "not run", never a partial pass
    // (the card model's size check would otherwise skip a card it cannot write out).
    JSON.stringify(content);
    const findings = checkCard(content, {
      communityLimits: config.communityLimitsAreViolations ? "error" : "off",
    }).filter((finding) => finding.severity === "error" || config.warningsAreViolations);
    if (findings.length === 0) return undefined;
    const listed = findings
      .slice(0, LISTED)
      .map((finding) => `${finding.path}: ${finding.message} (${finding.rule})`)
      .join("; ");
    const more = findings.length > LISTED ? ` (and ${findings.length - LISTED} more)` : "";
    return (
      `Campaign ${campaignLabel(name, inputs.jobName)} has a card Feishu would refuse or show wrongly: ` +
      `${listed}${more}. Fix: correct the card at each path as its message says (the rules are in the ` +
      'README\'s "Card checks"; checkCard from "pulumi-feishu-helpdesk/client" lists the same findings).'
    );
  },
});
