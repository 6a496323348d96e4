import { campaignLabel } from "../decisions/campaign";
import { campaignPolicy } from "./campaign-policy";

interface Config {
  readonly pattern: string;
  readonly example: string;
}

/** Job names follow the team's convention, for example a change-ticket prefix. */
export const jobNamePattern = campaignPolicy<Config>({
  name: "job-name-pattern",
  description: "A campaign's jobName matches the configured regular expression (by default a change-ticket prefix).",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      pattern: {
        type: "string",
        default: "^[A-Z][A-Z0-9]*-\\d+[: ]",
        description: "A JavaScript regular expression the whole jobName is tested against (unanchored unless it says).",
      },
      example: {
        type: "string",
        default: "CHG-1234: VPN client upgrade",
        description: "A name that fits, for the message.",
      },
    },
  },
  check(inputs, name, config) {
    const jobName = inputs.jobName;
    if (typeof jobName !== "string") return undefined; // the provider's own check names a missing jobName
    let pattern: RegExp;
    try {
      pattern = new RegExp(config.pattern, "u");
    } catch (error) {
      return (
        `Policy config of job-name-pattern: pattern ${JSON.stringify(config.pattern)} is not a regular ` +
        `expression (${(error as Error).message}).`
      );
    }
    if (pattern.test(jobName)) return undefined;
    return (
      `Campaign ${campaignLabel(name, jobName)}: the jobName does not match ${config.pattern}. ` +
      `Fix: name it like ${JSON.stringify(config.example)}.`
    );
  },
});
