import { UNKNOWN } from "../pulumi/unknown";
import type { Properties } from "./adapter-types";

// What a preview shows as a resource's outputs: the plugin supports previews (Configure says so),
// so the engine asks Create and Update with preview=true instead of taking the inputs as the
// outputs. The inputs are known; what Feishu will report is not, and says so (unknown), so a
// program that uses `notificationId` sees "known after apply" rather than nothing. Pure.

/**
 * Outputs for a create's preview: the checked inputs, and every one of `serverFields` the inputs
 * do not give, unknown.
 */
export function createPreview(inputs: Properties, serverFields: readonly string[]): Properties {
  const outputs: Properties = { ...inputs };
  for (const field of serverFields) if (outputs[field] === undefined) outputs[field] = UNKNOWN;
  return outputs;
}

/**
 * Outputs for an update's preview: the new inputs; of the server fields the inputs do not give,
 * those an update cannot change (`stable`: the id, the creation) as they were, the others unknown.
 */
export function updatePreview(
  olds: Properties,
  news: Properties,
  serverFields: readonly string[],
  stable: readonly string[],
): Properties {
  const outputs: Properties = { ...news };
  for (const field of serverFields) {
    if (outputs[field] !== undefined) continue;
    if (!stable.includes(field)) outputs[field] = UNKNOWN;
    else if (olds[field] !== undefined) outputs[field] = olds[field];
  }
  return outputs;
}
