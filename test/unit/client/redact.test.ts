import fc from "fast-check";
import { REDACTED, redactHeaders, SecretRedactor } from "../../../provider/client/errors/redact";

describe("SecretRedactor", () => {
  it("removes each value and its base64 form, padded or not, wherever it appears", () => {
    const redactor = new SecretRedactor();
    redactor.add("secret-value-1", undefined, "", "x");
    const b64 = Buffer.from("secret-value-1").toString("base64");
    expect(b64.endsWith("=")).toBe(true);
    expect(redactor.redact(`a secret-value-1 b ${b64} c secret-value-1`)).toBe(
      `a ${REDACTED} b ${REDACTED}= c ${REDACTED}`,
    );
    // Too short to search for without wrecking ordinary words.
    expect(redactor.redact("x marks")).toBe("x marks");
  });

  it("replaces a value that contains another one whole", () => {
    const redactor = new SecretRedactor();
    redactor.add("abcdef", "abcdefghijkl");
    expect(redactor.redact("abcdefghijkl")).toBe(REDACTED);
  });

  it("leaves no value in any text, whatever surrounds it", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 40 }),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
        (secret, around) => {
          const redactor = new SecretRedactor();
          redactor.add(secret);
          const b64 = Buffer.from(secret).toString("base64");
          const text = around.join(secret) + b64 + around.join(b64);
          const redacted = redactor.redact(text);
          expect(redacted.includes(secret)).toBe(false);
          expect(redacted.includes(b64.replace(/=+$/, ""))).toBe(false);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("redactHeaders", () => {
  it("hides both credential headers, whatever their case", () => {
    expect(redactHeaders({ authorization: "Bearer t", "X-Lark-Helpdesk-Authorization": "aGQ6dA==", A: "b" })).toEqual({
      authorization: REDACTED,
      "X-Lark-Helpdesk-Authorization": REDACTED,
      A: "b",
    });
  });
});
