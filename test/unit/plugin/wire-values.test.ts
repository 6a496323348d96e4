import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { checkBotMessageInputs } from "../../../provider/bot-message/check-inputs";
import { checkNotificationInputs } from "../../../provider/notification/check-inputs";
import { UNKNOWN } from "../../../provider/pulumi/unknown";
import {
  fromWire,
  propertiesFromWire,
  propertiesToWire,
  toWire,
  wireSecret,
} from "../../../provider/plugin/wire-values";

// The engine's Struct values to the core's and back: secrets unwrapped, a null property as not
// set (null inside a value kept), every key kept, the unknown sentinel untouched; and whatever the
// core returns fits a Struct.

/** `value` as JSON with sorted keys: own `__proto__` keys included, key order ignored. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]])
      : v,
  );
const hostileKey = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty"));
/** JSON values whose objects may have keys such as `__proto__`, as own properties (as JSON.parse makes them). */
const hostileJson = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.string(),
      fc.array(tie("value")),
      fc.array(fc.tuple(hostileKey, tie("value"))).map((entries) => Object.fromEntries(entries)),
    ),
  }))
  .value.map((v) => JSON.parse(JSON.stringify(v)) as unknown);
describe("wire values", () => {
  // Not `__proto__` through a Struct: google-protobuf's Struct (its jspb.Map) drops that key
  // itself, in Struct.fromJavaScript and when decoding a request, before any code of ours sees it.
  const notProto = fc.string().filter((key) => key !== "__proto__");
  const json = fc
    .jsonValue({ maxDepth: 4 })
    .map((v) => JSON.parse(JSON.stringify(v), (k, x: unknown) => (k === "__proto__" ? undefined : x)) as unknown);

  it("unwraps secrets anywhere, drops null properties, keeps nulls inside values and the unknown sentinel", () => {
    expect(
      propertiesFromWire({
        a: wireSecret("s"),
        b: null,
        g: wireSecret(null),
        c: [1, wireSecret({ d: null, e: UNKNOWN }), null],
        f: UNKNOWN,
      }),
    ).toEqual({ a: "s", c: [1, { d: null, e: UNKNOWN }, null], f: UNKNOWN });
    expect(fromWire({ d: null })).toEqual({ d: null });
  });

  it("keeps a card's __proto__, constructor and null as they were given (the review's case)", () => {
    const card = '{"__proto__":{"elements":[{"tag":"hr"}]},"header":null,"constructor":1}';
    const properties = propertiesFromWire({ jobName: "J", pushContent: JSON.parse(card) });
    expect(JSON.stringify(properties.pushContent)).toBe(card);
    expect(Object.getPrototypeOf(properties.pushContent)).toBe(Object.prototype);
    // And back to the engine: the outputs keep them too.
    expect(JSON.stringify(propertiesToWire(properties).pushContent)).toBe(card);

    const check = checkNotificationInputs({
      ...properties,
      pushType: "scheduled",
      pushScopeType: "someMembers",
      users: ["ou_1"],
    });
    expect(check).toMatchObject({ ok: true, inputs: { pushContent: card } });
    const message = checkBotMessageInputs({
      msgType: "interactive",
      receiverId: "ou_1",
      content: properties.pushContent,
    });
    expect(message).toMatchObject({ ok: true, inputs: { content: card } });
  });

  it("keeps a null inside a value through a Struct, and drops a null property", () => {
    const struct = Struct.fromJavaScript({ jobName: null, pushContent: { header: null, elements: [null] } });
    expect(propertiesFromWire(struct.toJavaScript())).toEqual({ pushContent: { header: null, elements: [null] } });
  });

  it("keeps every key and inner null, null properties dropped, whatever the properties", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileKey, hostileJson)), (entries) => {
        const properties = JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, unknown>;
        const set = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null));
        expect(canonical(propertiesFromWire(properties))).toBe(canonical(set));
        expect(canonical(propertiesToWire(set))).toBe(canonical(set));
      }),
    );
  });

  it("round-trips a JSON value through a Struct, inner nulls kept", () => {
    fc.assert(
      fc.property(fc.dictionary(notProto, json), (properties) => {
        const struct = Struct.fromJavaScript(propertiesToWire(properties));
        const set = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null));
        expect(canonical(propertiesFromWire(struct.toJavaScript()))).toBe(canonical(JSON.parse(JSON.stringify(set))));
      }),
    );
  });

  it("gives a Struct every value the core may return, undefined properties left out", () => {
    fc.assert(
      fc.property(json, notProto, (value, key) => {
        const properties = { [key]: value, left: undefined, nested: { gone: undefined, kept: value } };
        const struct = Struct.fromJavaScript(propertiesToWire(properties));
        expect(Object.keys(struct.toJavaScript())).not.toContain("left");
        // As JSON: a Struct keeps -0, which JSON (and so the expected value) writes as 0.
        expect(canonical(struct.toJavaScript())).toBe(canonical(propertiesToWire(properties)));
      }),
    );
  });

  it("keeps a secret the core returns (CheckConfig's settings) in the wire format", () => {
    expect(toWire({ token: wireSecret("t"), gone: undefined })).toEqual({ token: wireSecret("t") });
  });
});
