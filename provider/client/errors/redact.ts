/** What every redacted value is replaced by. */
export const REDACTED = "[REDACTED]";

/** Request headers that carry credentials; their values never leave the client. */
const credentialHeaders = new Set(["authorization", "x-lark-helpdesk-authorization"]);

/** A copy of `headers` with every credential value replaced by `[REDACTED]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = credentialHeaders.has(name.toLowerCase()) ? REDACTED : value;
  }
  return copy;
}

/**
 * Values shorter than this are not searched for: they would match ordinary words of a message.
 * Feishu's secrets and tokens are 32 characters or more.
 */
const shortestSecret = 6;

/**
 * The base64 text that certainly encodes `value` wherever it sits in a longer text, for each of
 * the three byte alignments it can start at: encode it behind 0, 1 or 2 filler bytes and keep
 * only the characters that depend on the value alone (drop the edge characters that mix with
 * the neighbours). Each is also given in base64url.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  // Aligned and at the end of the text: the whole encoding, the last partial character included.
  const whole = bytes.toString("base64").replace(/=+$/, "");
  const forms = [whole, whole.replace(/\+/g, "-").replace(/\//g, "_")];
  for (let lead = 0; lead < 3; lead++) {
    const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString("base64");
    // Characters 0..start-1 carry the filler; the value's first whole character starts after it.
    const start = Math.ceil((lead * 8) / 6);
    // The last character that depends only on value bits.
    const end = Math.floor(((lead + bytes.length) * 8) / 6);
    const core = encoded.slice(start, end);
    forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

/**
 * Removes known credential values from text the client puts in an error, whatever a server
 * echoes back: each value as is, as escaped inside a JSON string, URL-encoded (as in a query or
 * a form body, `+` for a space or not), and its base64 and base64url forms at any alignment (so
 * it also matches inside the base64 of a longer text that contains it).
 */
export class SecretRedactor {
  // #private: the values stay out of console.log and util.inspect.
  #secrets: string[] = [];

  /** Searches for these values from now on (empty and short ones are ignored). */
  add(...values: readonly (string | undefined)[]): void {
    for (const value of values) {
      if (value === undefined || value.length < shortestSecret) continue;
      // As is, and as it appears inside a JSON string a server quotes back; then each of those
      // URL-encoded (percent-escapes in either case; `+` for a space in a form body) and in base64.
      const forms = [value, JSON.stringify(value).slice(1, -1)].flatMap((plain) => {
        const uri = encodeURIComponent(plain);
        return [
          plain,
          uri,
          uri.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
          new URLSearchParams({ v: plain }).toString().slice(2),
          ...base64Forms(plain),
        ];
      });
      for (const form of forms) {
        if (form.length >= shortestSecret && !this.#secrets.includes(form)) this.#secrets.push(form);
      }
    }
    // Longest first, so a value that contains another is replaced whole.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  /** `text` with every known value replaced by `[REDACTED]`. */
  redact(text: string): string {
    for (const secret of this.#secrets) {
      if (text.includes(secret)) text = text.split(secret).join(REDACTED);
    }
    return text;
  }
}

/** Leaves text as it is: for errors built where no credential is known. */
export const noRedaction = (text: string): string => text;
