import { jsonTextEqual } from "../json/json-equal";
import { isUnknown } from "../pulumi/unknown";
import { type CampaignProperty, campaignProperties, listProperties, type NormalizedNotificationInputs } from "./fields";

function sameIds(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = new Set(a ?? []);
  const right = new Set(b ?? []);
  return left.size === right.size && [...left].every((id) => right.has(id));
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
    if (listProperties.has(property)) return !sameIds(before as readonly string[], after as readonly string[]);
    if (typeof before === "string" && typeof after === "string" && property === "pushContent")
      return !jsonTextEqual(before, after);
    return before !== after;
  });
}
