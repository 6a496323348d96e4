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
 * `value` as `object[key]`, an own enumerable property whatever the key: plain assignment of
 * `__proto__` would set the object's prototype instead, and the key (and its value) would vanish.
 */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A value inside a property, as the core takes it: secrets unwrapped (their values only), every
 * key kept as an own property (`__proto__` too), and null kept: inside a free-form value such as a
 * card, null is content. The unknown sentinel stays.
 */
export function fromWire(value: unknown): unknown {
  if (isWireSecret(value)) return fromWire(value.value);
  if (Array.isArray(value)) return value.map(fromWire);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, fromWire(item));
    return out;
  }
  return value;
}

/**
 * A Struct's properties as the core takes them (see {@link fromWire}); a property that is null
 * (the engine's "not set"), or a secret holding null, is left out: only there does null mean
 * "not set".
 */
export function propertiesFromWire(struct: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(struct ?? {})) {
    const plain = fromWire(item);
    if (plain !== null && plain !== undefined) setOwn(out, key, plain);
  }
  return out;
}

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
    for (const [key, item] of Object.entries(value)) if (item !== undefined) setOwn(out, key, toWire(item));
    return out;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Properties for a Struct (see {@link toWire}). */
export const propertiesToWire = (properties: object): Record<string, WireValue> =>
  toWire(properties) as Record<string, WireValue>;
