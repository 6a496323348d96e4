import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { noRedaction } from "./redact";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

// Failures that happen before a connection exists, so before any byte of the request is sent.
const beforeSending = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

// Failures that say nothing listens at the base URL: a wrong base URL far more often than an outage.
const nothingListens = new Set(["ECONNREFUSED", "ENOTFOUND"]);

/** The cause's own words, without node-fetch's "request to <url> failed, reason: " (the message names the URL). */
function reasonOf(cause: unknown): string {
  const message = (cause as Error)?.message ?? String(cause);
  return message.replace(/^request to \S+ failed, reason: /, "");
}

/** No response arrived: the connection failed, was dropped, or timed out. */
export class FeishuNetworkError extends FeishuHelpdeskError {
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** The request, credentials redacted. */
  readonly request: FeishuRequestInfo;
  /** True when the request timed out rather than failed. */
  readonly timedOut: boolean;
  /** The system error code, for example `ECONNREFUSED`, if any. */
  readonly code: string | undefined;
  /**
   * False only when the request provably never left: the connection was refused or could not be
   * made. Otherwise Feishu may have received, and processed, it.
   */
  readonly requestSent: boolean;

  constructor(args: {
    request: FeishuRequestInfo;
    /** Set when the call ran out of time: how long it was given, in ms. */
    timedOutAfterMs?: number;
    cause: unknown;
    /** Removes credential values from the cause's text. */
    redact?: (text: string) => string;
  }) {
    const redact = args.redact ?? noRedaction;
    const endpoint = endpointOf(args.request);
    const origin = new URL(args.request.url).origin;
    const code = (args.cause as { code?: unknown })?.code;
    const timedOut = args.timedOutAfterMs !== undefined;
    const why = timedOut
      ? `timed out: no complete reply within ${args.timedOutAfterMs} ms`
      : `failed: ${redact(reasonOf(args.cause))}`;
    super(
      `${endpoint} to ${origin} ${why}.\n` +
        (timedOut
          ? "Feishu, or the network or proxy in between, was too slow; a longer timeoutMs gives it more time."
          : nothingListens.has(String(code))
            ? `Nothing answers at ${origin}: check the client's baseUrl, and that it is reachable from here.`
            : `Check that ${origin} is reachable from here, through the proxy if HTTPS_PROXY / HTTP_PROXY set one.`),
      { cause: args.cause },
    );
    this.endpoint = endpoint;
    this.request = args.request;
    this.timedOut = timedOut;
    this.code = typeof code === "string" ? code : undefined;
    this.requestSent = timedOut || this.code === undefined || !beforeSending.has(this.code);
  }
}

/**
 * True if nothing answers at the base URL (the connection was refused, or the host name does not
 * resolve): the error a wrong base URL gives, so a caller can name the setting it comes from.
 */
export const nothingAnswers = (error: FeishuNetworkError): boolean =>
  error.code !== undefined && nothingListens.has(error.code);
