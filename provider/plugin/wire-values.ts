import { UNKNOWN } from "../pulumi/unknown";

// The engine's property values as the plugin sees them (a protobuf Struct, as `toJavaScript()`
// gives it) and back. Two special forms reach this provider: the unknown sentinel string during
// a preview (passed through as it is: the core already treats it as "not known yet"), and, only
// in Configure (which the engine always sends with secrets kept), a secret wrapped in a
// signature object. Resource calls never carry secrets: the plugin declares acceptSecrets=false,
// so the engine strips them before a call and marks the outputs of secret inputs secret itself
// (see server.ts).

/** The key that marks a special value (a secret, an asset...) in the engine's wire format. */
export const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret: `{ [SIGNATURE_KEY]: SECRET_SIGNATURE, value }`. */
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** A value as a Struct holds it. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };

/** True if `value` is a secret in the engine's wire format. */
export function isWireSecret(value: unknown): value is { readonly value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SIGNATURE_KEY] === SECRET_SIGNATURE
  );
}

/** `value` marked secret in the engine's wire format. */
export const wireSecret = (value: unknown) => ({ [SIGNATURE_KEY]: SECRET_SIGNATURE, value });

/**
 * A Struct's value as the core takes it: secrets unwrapped (their values only), and null (the
 * engine's "not set") as absent, in objects and lists alike. The unknown sentinel stays.
 */
export function fromWire(value: unknown): unknown {
  if (isWireSecret(value)) return fromWire(value.value);
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(fromWire);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = fromWire(item);
      if (plain !== undefined) out[key] = plain;
    }
    return out;
  }
  return value;
}

/** A Struct's properties, as {@link fromWire} gives them. */
export const propertiesFromWire = (struct: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> =>
  (fromWire(struct ?? {}) as Record<string, unknown>) ?? {};

/**
 * A value the core returned, as a Struct can hold it: undefined properties left out (a Struct
 * has no undefined, and `Struct.fromJavaScript` throws on one), undefined list items as null.
 */
export function toWire(value: unknown): WireValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object") {
    if (isWireSecret(value)) return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value: toWire(value.value) };
    const out: Record<string, WireValue> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toWire(item);
    return out;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Properties for a Struct (see {@link toWire}). */
export const propertiesToWire = (properties: object): Record<string, WireValue> =>
  toWire(properties) as Record<string, WireValue>;

/** True if the value is the engine's "not known yet" (during a preview). */
export const isUnknownValue = (value: unknown) => value === UNKNOWN;
