import { countAudience, describeAudience } from "../decisions/audience";
import { campaignLabel, hasApproval, listOf } from "../decisions/campaign";
import { campaignPolicy } from "./campaign-policy";

interface Config {
  readonly maxTargets: number;
}

/** A campaign listing many targets goes through review. */
export const audienceCap = campaignPolicy<Config>({
  name: "audience-cap",
  description: "A campaign listing more than maxTargets targets (users + departments + chats) has `approval`.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxTargets: {
        type: "integer",
        minimum: 0,
        default: 50,
        description: "Most listed targets (users + departments + chats, each id once) without approval.",
      },
    },
  },
  check(inputs, name, config) {
    const audience = countAudience(listOf(inputs, "users"), listOf(inputs, "departments"), listOf(inputs, "chats"));
    if (audience.total <= config.maxTargets || hasApproval(inputs)) return undefined;
    return (
      `Campaign ${campaignLabel(name, inputs.jobName)} lists ${describeAudience(audience)}, more than ` +
      `${config.maxTargets} without review. Fix: add approval: { reason: "..." }, or split it into smaller campaigns.`
    );
  },
});
