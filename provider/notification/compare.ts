import { jsonTextEqual } from "../json/json-equal";
import { isUnknown } from "../pulumi/unknown";
import { type CampaignProperty, campaignProperties, campaignRows, type NormalizedNotificationInputs } from "./fields";
import type { PropertyKind } from "./property-kinds";

// When two values of a campaign property mean the same, by the kind of its row (fields.ts): the one
// comparison of each kind, for diff (changedProperties) and refresh (mapping.ts's inputsFromWire).

/** Two id lists name the same ids, whatever the order; an absent list is an empty one. */
export function sameIdSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = new Set(a ?? []);
  const right = new Set(b ?? []);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/** Two cards (JSON texts) are the same JSON value, whatever the key order and spacing. */
export const sameCard = (a: string, b: string): boolean => jsonTextEqual(a, b);

/** Two values of a property of `kind` mean the same. */
export function sameValue(kind: PropertyKind, a: unknown, b: unknown): boolean {
  if (kind === "idList") return sameIdSet(a as readonly string[] | undefined, b as readonly string[] | undefined);
  if (kind === "card" && typeof a === "string" && typeof b === "string") return sameCard(a, b);
  return a === b;
}

/**
 * The campaign properties whose meaning differs between the stored and the new inputs: cards
 * compared as JSON values, target lists as sets of ids. A property not known yet counts as changed.
 */
export function changedProperties(
  olds: Partial<NormalizedNotificationInputs>,
  news: Partial<NormalizedNotificationInputs>,
): CampaignProperty[] {
  return campaignProperties.filter(
    (property) => isUnknown(news[property]) || !sameValue(campaignRows[property].kind, olds[property], news[property]),
  );
}
