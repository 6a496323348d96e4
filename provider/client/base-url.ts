import { FeishuConfigError } from "./errors/feishu-config-error";

/**
 * Whether `hostname` (as `URL.hostname` gives it) is this machine: `localhost`, 127.0.0.0/8 or
 * `[::1]`. Plain http to it never crosses a network, so an emulator or a local test server needs
 * no opt-in.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Why `baseUrl` may not be used, or undefined: plain `http://` to a host other than loopback
 * would send both credentials (the access token and the helpdesk token) in clear, so it needs
 * the explicit `allowInsecureHttp` opt-in (a trusted network, a TLS-terminating proxy). Assumes
 * `baseUrl` is an http(s) URL; other problems are the caller's.
 */
export function plainHttpProblem(baseUrl: string, allowInsecureHttp: boolean | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" || allowInsecureHttp === true || isLoopbackHost(url.hostname)) return undefined;
  return (
    `is plain http to ${url.hostname}, which would send both credentials across the network in clear; ` +
    `use https://${url.host}${url.pathname === "/" ? "" : url.pathname}, or set allowInsecureHttp to true ` +
    `if a trusted network needs http; got "${baseUrl}"`
  );
}

/** What a base URL should be, said whenever one cannot be used. */
const baseUrlAdvice =
  'Set baseUrl to the Feishu Open Platform ("https://open.feishu.cn"), ' +
  'Lark ("https://open.larksuite.com") or an emulator.';

/**
 * The origin every call goes to, from the base URL; a FeishuConfigError naming `baseUrl` for one
 * that is not an http(s) URL, or is plain http that {@link plainHttpProblem} refuses.
 */
export function apiBaseUrl(baseUrl: string, allowInsecureHttp: boolean | undefined): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new FeishuConfigError(`The base URL ${JSON.stringify(baseUrl)} is not a URL.\n${baseUrlAdvice}`, ["baseUrl"]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new FeishuConfigError(`The base URL ${JSON.stringify(baseUrl)} is not an http(s) URL.\n${baseUrlAdvice}`, [
      "baseUrl",
    ]);
  }
  const insecure = plainHttpProblem(baseUrl, allowInsecureHttp);
  if (insecure !== undefined)
    throw new FeishuConfigError(`The base URL ${insecure}.`, ["baseUrl", "allowInsecureHttp"]);
  return url;
}
