import { containsUnknown } from "../pulumi/unknown";
import type { CheckedInputs, InputFailure, UncheckedInputs } from "../pulumi/input-check";
import {
  inputFields,
  type InputProperty,
  inputProperties,
  type NormalizedNotificationInputs,
  requiredFields,
} from "./fields";
import { crossFieldFailures } from "./rules";
import { unknownPropertyFailures } from "../pulumi/unknown-properties";
import { serverFields } from "./server-fields";

/** The outcome of {@link checkNotificationInputs}. */
export type InputCheck = CheckedInputs<NormalizedNotificationInputs>;

const wireNameOf = (property: InputProperty): string | undefined =>
  property in requiredFields ? requiredFields[property as keyof typeof requiredFields] : undefined;

/**
 * Validates a HelpdeskNotification's inputs against every rule of the request-body table, and
 * normalizes them. Every property is checked on its own, then the cross-field rules run on those
 * that passed, so one preview reports every mistake. Unknown values (preview) pass untouched.
 */
export function checkNotificationInputs(
  raw: UncheckedInputs,
  olds: { readonly sendAt?: unknown } = {},
  now = Date.now(),
): InputCheck {
  const failures: InputFailure[] = unknownPropertyFailures(raw, inputProperties, serverFields);
  const values: Record<string, unknown> = {};
  const usable = new Set<InputProperty>();
  for (const property of inputProperties) {
    const value = raw[property];
    if (containsUnknown(value)) {
      values[property] = value;
      continue;
    }
    const wireName = wireNameOf(property);
    if (value === undefined && wireName !== undefined) {
      failures.push({ property, reason: `${property} is required (${wireName} is a required field)` });
      continue;
    }
    const parsed = inputFields[property].safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length > 0 ? `${property}[${issue.path.join("][")}]` : property;
        failures.push({ property, reason: `${where} ${issue.message}` });
      }
      continue;
    }
    usable.add(property);
    if (parsed.data !== undefined) values[property] = parsed.data;
  }
  const inputs = values as NormalizedNotificationInputs;
  failures.push(...crossFieldFailures(inputs, (p) => usable.has(p)));
  // A past time is fine once it has been used (the campaign went out then); a new one must be ahead.
  if (
    usable.has("sendAt") &&
    inputs.sendAt !== undefined &&
    inputs.sendAt !== olds.sendAt &&
    Number(inputs.sendAt) <= now
  ) {
    failures.push({
      property: "sendAt",
      reason: `sendAt ${new Date(Number(inputs.sendAt)).toISOString()} is in the past`,
    });
  }
  return failures.length > 0 ? { ok: false, failures } : { ok: true, inputs };
}
