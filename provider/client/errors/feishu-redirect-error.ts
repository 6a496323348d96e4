import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { noRedaction } from "./redact";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

/**
 * The server answered with a redirect (HTTP 3xx). Feishu's API never redirects, so something
 * else answered: the redirect is not followed, nothing is sent to its target, and the call is
 * not repeated.
 */
export class FeishuRedirectError extends FeishuHelpdeskError {
  /** HTTP status of the response, 300 to 399. */
  readonly status: number;
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** The request, credentials redacted. */
  readonly request: FeishuRequestInfo;
  /** The host the redirect pointed to (`host:port`), or undefined when it named none. */
  readonly targetHost: string | undefined;
  /** The `x-tt-logid` response header, if any. */
  readonly logId: string | undefined;

  constructor(args: {
    status: number;
    location: string | null;
    logId?: string;
    request: FeishuRequestInfo;
    redact?: (text: string) => string;
  }) {
    const redact = args.redact ?? noRedaction;
    const endpoint = endpointOf(args.request);
    const origin = new URL(args.request.url).origin;
    let targetHost: string | undefined;
    try {
      targetHost = args.location ? redact(new URL(args.location, args.request.url).host) : undefined;
    } catch {
      targetHost = undefined;
    }
    super(
      `${endpoint} to ${origin} was redirected (HTTP ${args.status}) to ${targetHost ?? "no valid location"}; ` +
        `the redirect was not followed.\n` +
        `Feishu's API does not redirect, so something else answered (a wrong base URL, or a proxy or gateway in ` +
        `between); no credential was sent to the target and the call was not repeated.\n` +
        `Check the client's baseUrl and the HTTPS_PROXY / HTTP_PROXY settings.`,
    );
    this.status = args.status;
    this.endpoint = endpoint;
    this.request = args.request;
    this.targetHost = targetHost;
    this.logId = args.logId === undefined ? undefined : redact(args.logId);
  }
}
