import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { UNKNOWN } from "../../../provider/pulumi/unknown";
import { fromWire, propertiesToWire, toWire, wireSecret } from "../../../provider/plugin/wire-values";

// The engine's Struct values to the core's and back: secrets unwrapped, null as absent, the
// unknown sentinel untouched; and whatever the core returns fits a Struct.
describe("wire values", () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it("unwraps secrets anywhere, drops nulls from objects, keeps the unknown sentinel", () => {
    expect(
      fromWire({
        a: wireSecret("s"),
        b: null,
        c: [1, wireSecret({ d: null, e: UNKNOWN }), null],
        f: UNKNOWN,
      }),
    ).toEqual({ a: "s", c: [1, { e: UNKNOWN }, undefined], f: UNKNOWN });
  });

  it("gives a Struct every value the core may return, undefined properties left out", () => {
    fc.assert(
      fc.property(json, fc.string(), (value, key) => {
        const properties = { [key]: value, left: undefined, nested: { gone: undefined, kept: value } };
        const struct = Struct.fromJavaScript(propertiesToWire(properties));
        expect(Object.keys(struct.toJavaScript())).not.toContain("left");
        expect(struct.toJavaScript()).toEqual(JSON.parse(JSON.stringify(propertiesToWire(properties))));
      }),
    );
  });

  it("round-trips a JSON value through a Struct as the core saw it (nulls as absent)", () => {
    const withoutNulls = (v: unknown): unknown =>
      v === null
        ? undefined
        : Array.isArray(v)
          ? v.map(withoutNulls)
          : typeof v === "object"
            ? Object.fromEntries(
                Object.entries(v as object)
                  .map(([k, x]) => [k, withoutNulls(x)])
                  .filter(([, x]) => x !== undefined),
              )
            : v;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (properties) => {
        const struct = Struct.fromJavaScript(propertiesToWire(properties));
        expect(fromWire(struct.toJavaScript())).toEqual(withoutNulls(properties));
      }),
    );
  });

  it("keeps a secret the core returns (CheckConfig's settings) in the wire format", () => {
    expect(toWire({ token: wireSecret("t"), gone: undefined })).toEqual({ token: wireSecret("t") });
  });
});
