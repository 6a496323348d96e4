import fc from "fast-check";
import { REDACTED, SecretRedactor } from "../../../provider/client/errors/redact";

// The long property runs of the redactor (the fuzz project, `npm run test:fuzz`): a secret in any
// longer text, under every encoding a server may echo it in, at every alignment.

describe("SecretRedactor, encoded forms", () => {
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
