// Which link targets a card may have: hosts on an allow-list, their subdomains included.

/** How a link fares against the allow-list. */
export type LinkVerdict =
  | { readonly allowed: true; readonly host: string }
  | { readonly allowed: false; readonly host?: string; readonly why: string };

/** A host as compared: lower case, without a trailing dot (`Example.COM.` is `example.com`). */
const canonicalHost = (host: string): string => host.toLowerCase().replace(/\.$/, "");

/**
 * True if `host` is one of `allowed` or a subdomain of one: `docs.example.com` matches
 * `example.com`; `example.com.evil.io`, `evilexample.com` and `example.co` do not.
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const candidate = canonicalHost(host);
  if (candidate === "") return false;
  return allowed.some((entry) => {
    const base = canonicalHost(entry.trim());
    return base !== "" && (candidate === base || candidate.endsWith(`.${base}`));
  });
}

/**
 * A link against the allow-list and schemes. The URL is parsed as a browser would (WHATWG URL):
 * `https://example.com@evil.io/` goes to evil.io, `https://EXAMPLE.com` to example.com, and a
 * punycode or percent-encoded host is compared in its ASCII form.
 */
export function judgeLink(
  url: string,
  allowedHosts: readonly string[],
  allowedSchemes: readonly string[],
): LinkVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { allowed: false, why: "is not an absolute URL" };
  }
  const scheme = parsed.protocol.replace(/:$/, "").toLowerCase();
  if (!allowedSchemes.map((s) => s.toLowerCase()).includes(scheme)) {
    return {
      allowed: false,
      host: parsed.hostname,
      why: `uses the scheme ${scheme}:, not ${allowedSchemes.join(", ")}`,
    };
  }
  if (!hostAllowed(parsed.hostname, allowedHosts)) {
    return { allowed: false, host: parsed.hostname, why: `goes to ${parsed.hostname}, which is not an allowed host` };
  }
  return { allowed: true, host: parsed.hostname };
}
