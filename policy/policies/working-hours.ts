import { campaignLabel } from "../decisions/campaign";
import { checkWorkingHours, parseClockTime, parseUtcOffset, sendAtMillis } from "../decisions/time-window";
import { campaignPolicy } from "./campaign-policy";

interface Config {
  readonly utcOffset: string;
  readonly start: string;
  readonly end: string;
  readonly weekdays: number[];
}

/** The config's working hours, or the config error to report. */
function workingHours(config: Config) {
  const offsetMinutes = parseUtcOffset(config.utcOffset);
  const start = parseClockTime(config.start);
  const end = parseClockTime(config.end);
  if (offsetMinutes === undefined)
    return `utcOffset ${JSON.stringify(config.utcOffset)} is not an offset like "+08:00"`;
  if (start === undefined || end === undefined || start >= end) {
    return (
      `start ${JSON.stringify(config.start)} and end ${JSON.stringify(config.end)} ` +
      'are not times like "09:00" with start before end'
    );
  }
  return { offsetMinutes, start, end, weekdays: config.weekdays };
}

/** Nothing is sent at night or at the weekend. */
export const workingHoursPolicy = campaignPolicy<Config>({
  name: "send-in-working-hours",
  description:
    "A campaign's sendAt falls inside the configured working hours and weekdays, in the configured UTC offset.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      utcOffset: {
        type: "string",
        default: "+08:00",
        description: 'The offset the hours are in: "+08:00", "Z", "-05:00".',
      },
      start: { type: "string", default: "09:00", description: "Earliest send time of day (included), HH:MM." },
      end: { type: "string", default: "18:00", description: "Latest send time of day (excluded), HH:MM." },
      weekdays: {
        type: "array",
        items: { type: "integer", minimum: 1, maximum: 7 },
        default: [1, 2, 3, 4, 5],
        description: "Days a campaign may go out, ISO numbering: 1 = Monday ... 7 = Sunday.",
      },
    },
  },
  check(inputs, name, config) {
    if (inputs.sendAt === undefined || inputs.sendAt === null) return undefined;
    const ms = sendAtMillis(inputs.sendAt);
    if (ms === undefined) return undefined; // the provider refuses a malformed sendAt with its own message
    const hours = workingHours(config);
    if (typeof hours === "string")
      return `Policy config of send-in-working-hours: ${hours}. Fix the --policy-pack-config.`;
    const verdict = checkWorkingHours(ms, hours);
    if (verdict.inside) return undefined;
    const when = verdict.reason === "weekday" ? "not on a working day" : `outside ${config.start}-${config.end}`;
    return (
      `Campaign ${campaignLabel(name, inputs.jobName)} is scheduled for ${verdict.local.text}, ${when}. ` +
      `Fix: set sendAt to a time between ${config.start} and ${config.end} (UTC${config.utcOffset}) on days ` +
      `${config.weekdays.join(",")} (1 = Monday).`
    );
  },
});
