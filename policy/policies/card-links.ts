import { cardLinks } from "pulumi-feishu-helpdesk/client";
import { campaignLabel } from "../decisions/campaign";
import { judgeLink } from "../decisions/hosts";
import { campaignPolicy } from "./campaign-policy";

interface Config {
  readonly allowedHosts: string[];
  readonly allowedSchemes: string[];
}

/** Links in a card go only to the organization's own hosts. */
export const cardLinksPolicy = campaignPolicy<Config>({
  name: "card-links-allowed-hosts",
  description:
    "Every link in a campaign's card goes to an allowed host (or a subdomain of one) over an allowed scheme.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowedHosts: {
        type: "array",
        items: { type: "string" },
        default: ["feishu.cn", "larksuite.com"],
        description: "Hosts a link may go to; their subdomains are allowed too (example.com allows docs.example.com).",
      },
      allowedSchemes: {
        type: "array",
        items: { type: "string" },
        default: ["https"],
        description: "URL schemes a link may use.",
      },
    },
  },
  check(inputs, name, config) {
    const refused = cardLinks(inputs.pushContent)
      .map((link) => ({ link, verdict: judgeLink(link.url, config.allowedHosts, config.allowedSchemes) }))
      .filter(({ verdict }) => !verdict.allowed);
    if (refused.length === 0) return undefined;
    const listed = refused
      .slice(0, 5)
      .map(({ link, verdict }) => `${link.path}: ${JSON.stringify(link.url)} ${verdict.allowed ? "" : verdict.why}`)
      .join("; ");
    const more = refused.length > 5 ? ` (and ${refused.length - 5} more)` : "";
    return (
      `Campaign ${campaignLabel(name, inputs.jobName)} links outside the allowed hosts: ${listed}${more}. ` +
      `Fix: link to ${config.allowedHosts.join(", ")} (or a subdomain) over ${config.allowedSchemes.join(", ")}, ` +
      "or add the host to allowedHosts in the policy config."
    );
  },
});
