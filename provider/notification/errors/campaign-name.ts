/** How every message names a campaign: its id and, when known, its job name. */
export function campaignName(notificationId: string, jobName: string | undefined): string {
  return jobName === undefined || jobName === ""
    ? `push campaign ${notificationId}`
    : `push campaign ${notificationId} ("${jobName}")`;
}

/** `text` to start a sentence with: "push campaign 7 …" as "Push campaign 7 …". */
export const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A send time as messages show it: ISO 8601, from Feishu's milliseconds-as-text. */
export const isoTime = (ms: string): string => new Date(Number(ms)).toISOString();
