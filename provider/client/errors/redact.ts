/** Request headers that carry credentials; their values never leave the client. */
const credentialHeaders = new Set(["authorization", "x-lark-helpdesk-authorization"]);

/** A copy of `headers` with every credential value replaced by `[REDACTED]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = credentialHeaders.has(name.toLowerCase()) ? "[REDACTED]" : value;
  }
  return copy;
}
