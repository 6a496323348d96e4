import type { StackValidationPolicy } from "@pulumi/policy";
import { isCampaign } from "../decisions/campaign";
import { busyDays, type Scheduled } from "../decisions/same-day";
import { formatUtcOffset, parseUtcOffset, sendAtMillis } from "../decisions/time-window";
import { schemaDefaults } from "./campaign-policy";

interface Config {
  readonly maxPerDay: number;
  readonly utcOffset: string;
}

const configSchema = {
  properties: {
    maxPerDay: {
      type: "integer" as const,
      minimum: 1,
      default: 3,
      description: "Most campaigns scheduled on one day.",
    },
    utcOffset: {
      type: "string" as const,
      default: "+08:00",
      description: 'The offset days are counted in: "+08:00", "Z".',
    },
  },
};

/** A stack policy: employees get at most a few pushes a day from this stack. */
export const campaignsPerDay: StackValidationPolicy = {
  name: "campaigns-per-day",
  description: "At most maxPerDay campaigns of the stack are scheduled (sendAt) on the same day.",
  enforcementLevel: "mandatory",
  configSchema,
  validateStack: (args, reportViolation) => {
    const config = {
      ...schemaDefaults(configSchema),
      ...args.getConfig<Record<string, unknown>>(),
    } as unknown as Config;
    const offset = parseUtcOffset(config.utcOffset);
    if (offset === undefined) {
      reportViolation(
        `Policy config of campaigns-per-day: utcOffset ${JSON.stringify(config.utcOffset)} ` +
          'is not an offset like "+08:00".',
      );
      return;
    }
    const scheduled: Scheduled[] = [];
    for (const resource of args.resources) {
      if (!isCampaign(resource.type)) continue;
      const sendAt = sendAtMillis(resource.props.sendAt);
      if (sendAt !== undefined) scheduled.push({ name: resource.name, urn: resource.urn, sendAt });
    }
    for (const day of busyDays(scheduled, offset, config.maxPerDay)) {
      const names = day.campaigns.map((campaign) => `"${campaign.name}"`).join(", ");
      for (const campaign of day.campaigns.slice(config.maxPerDay)) {
        reportViolation(
          `Campaign "${campaign.name}" is one of ${day.campaigns.length} campaigns scheduled on ${day.date} ` +
            `(UTC${formatUtcOffset(offset)}): ${names}; at most ${config.maxPerDay} a day. ` +
            "Fix: move its sendAt to another day, or raise maxPerDay in the policy config.",
          campaign.urn,
        );
      }
    }
  },
};
