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
 * Removes known credential values from text the client puts in an error, whatever a server
 * echoes back: each value as is, as escaped inside a JSON string, and its base64 form (unpadded,
 * so it also matches inside a longer base64 string that starts with it).
 */
export class SecretRedactor {
  // #private: the values stay out of console.log and util.inspect.
  #secrets: string[] = [];

  /** Searches for these values from now on (empty and short ones are ignored). */
  add(...values: readonly (string | undefined)[]): void {
    for (const value of values) {
      if (value === undefined || value.length < shortestSecret) continue;
      const forms = [
        value,
        // As it appears inside a JSON string a server quotes back.
        JSON.stringify(value).slice(1, -1),
        Buffer.from(value, "utf8").toString("base64").replace(/=+$/, ""),
      ];
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
