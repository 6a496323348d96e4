import { type CampaignProperty, campaignProperties, type NormalizedNotificationInputs } from "./inputs";
import { cardsEqual } from "./mapping";
import { UNKNOWN } from "./schema";

const listProperties = new Set<CampaignProperty>(["newStaffDepartments", "users", "departments", "chats"]);

function sameIds(a: unknown, b: unknown): boolean {
  const left = new Set((a as string[] | undefined) ?? []);
  const right = new Set((b as string[] | undefined) ?? []);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * The lifecycle steps the new inputs ask for that the campaign has not reached: `approval` if
 * it is wanted and the campaign is still a draft, `sendAt` if a send time is wanted and Feishu
 * does not hold that one. `olds` are the last outputs, which carry the live status and send_at.
 * Removing `approval` or `sendAt` asks for nothing: un-submitting and un-scheduling are what
 * `onDelete` is for.
 */
export function pendingLifecycleSteps(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): ("approval" | "sendAt")[] {
  const steps: ("approval" | "sendAt")[] = [];
  if (news.approval !== undefined && (olds.status === 0 || olds.status === undefined)) steps.push("approval");
  if (news.sendAt !== undefined && news.sendAt !== olds.sendAt) steps.push("sendAt");
  return steps;
}

/** True if a value is, or contains, a value not known yet (during preview). */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN || (Array.isArray(value) && value.some(isUnknown));
}

/**
 * The campaign properties whose meaning differs between the stored and the new inputs: cards
 * compared as JSON values, target lists as sets of ids. A property not known yet counts as changed.
 */
export function changedProperties(
  olds: Partial<NormalizedNotificationInputs>,
  news: Partial<NormalizedNotificationInputs>,
): CampaignProperty[] {
  return campaignProperties.filter((property) => {
    const before = olds[property];
    const after = news[property];
    if (isUnknown(after)) return true;
    if (listProperties.has(property)) return !sameIds(before, after);
    if (property === "pushContent" && typeof before === "string" && typeof after === "string")
      return !cardsEqual(before, after);
    return before !== after;
  });
}
