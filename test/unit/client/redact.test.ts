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

describe("SecretRedactor, encoded forms (review of issue 10)", () => {
  const secret = 'Xy7k+Q2m/N9p=Lr4&sT8?vW1 zA3bC5dE6fG0h"é';
  const encodings: [string, (t: string) => string][] = [
    ["base64", (t) => Buffer.from(t).toString("base64")],
    ["base64url", (t) => Buffer.from(t).toString("base64url")],
    ["encodeURIComponent", (t) => encodeURIComponent(t)],
    ["lower-case percent-escapes", (t) => encodeURIComponent(t).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ["form encoding", (t) => new URLSearchParams({ q: t }).toString()],
  ];

  it.each(encodings)("removes it from the %s of any longer text, at every alignment", (_name, encode) => {
    const redactor = new SecretRedactor();
    redactor.add(secret);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.boolean(), (before, after, json) => {
        const inner = json ? JSON.stringify({ app_secret: secret }) : secret;
        const encoded = encode(before + inner + after);
        const redacted = redactor.redact(encoded);
        // Whatever survives, no decoding of it holds the secret.
        const decoded = [
          redacted,
          ...[0, 1, 2, 3].flatMap((skip) =>
            redacted
              .split(REDACTED)
              .flatMap((part) => [
                Buffer.from(part.slice(skip), "base64").toString("utf8"),
                Buffer.from(part.slice(skip), "base64url").toString("utf8"),
              ]),
          ),
        ];
        for (const text of decoded) expect(text.includes(secret)).toBe(false);
        expect(redacted).not.toContain(encode(secret).replace(/=+$/, "").slice(4, -4));
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});
