// A native provider, unlike a dynamic one, tells the engine which properties an update changes
// (its detailed diff), so `pulumi preview --diff` marks them. Pure: what changed is the core's
// decision; this only says how each property changed, for the engine's vocabulary.

/** How one property changes, in the engine's terms (PropertyDiff.Kind, without replacement). */
export type PropertyChange = "add" | "update" | "delete";

/**
 * Each of `properties` (the core's list of what the update is due to) with how it changes:
 * `add` when it had no value, `delete` when it has none now, otherwise `update` (a lifecycle
 * step due with an unchanged value is an update of that property too). Never a replacement:
 * nothing of a campaign is replaced.
 */
export function detailedDiff(
  properties: readonly string[],
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): Record<string, PropertyChange> {
  const diff: Record<string, PropertyChange> = {};
  for (const property of properties) {
    const before = olds[property];
    const after = news[property];
    diff[property] = before === undefined && after !== undefined ? "add" : after === undefined ? "delete" : "update";
  }
  return diff;
}

/**
 * For a replacement (a bot message: any change is a new message): each changed property as a
 * replacing change.
 */
export function replacingDiff(properties: readonly string[]): Record<string, "update-replace"> {
  return Object.fromEntries(properties.map((property) => [property, "update-replace" as const]));
}
