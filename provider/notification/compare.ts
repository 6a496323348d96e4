import { cardsEqual } from "./mapping";
import { campaignProperties, type CampaignProperty, type NormalizedNotificationInputs } from "./inputs";
import { UNKNOWN } from "./schema";

const listProperties = new Set<CampaignProperty>(["newStaffDepartments", "users", "departments", "chats"]);

function sameIds(a: unknown, b: unknown): boolean {
  const left = new Set((a as string[] | undefined) ?? []);
  const right = new Set((b as string[] | undefined) ?? []);
  return left.size === right.size && [...left].every((id) => right.has(id));
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
    if (property === "pushContent" && typeof before === "string" && typeof after === "string") return !cardsEqual(before, after);
    return before !== after;
  });
}
