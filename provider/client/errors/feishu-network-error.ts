import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

// Failures that happen before a connection exists, so before any byte of the request is sent.
const beforeSending = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

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

  constructor(args: { request: FeishuRequestInfo; timedOut: boolean; cause: unknown }) {
    const endpoint = endpointOf(args.request);
    const code = (args.cause as { code?: unknown })?.code;
    const reason = args.timedOut ? "timed out" : `failed: ${(args.cause as Error)?.message ?? String(args.cause)}`;
    super("FeishuNetworkError", `${endpoint} to ${new URL(args.request.url).origin} ${reason}`, { cause: args.cause });
    this.endpoint = endpoint;
    this.request = args.request;
    this.timedOut = args.timedOut;
    this.code = typeof code === "string" ? code : undefined;
    this.requestSent = args.timedOut || this.code === undefined || !beforeSending.has(this.code);
  }

  /** True if `value` is a FeishuNetworkError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuNetworkError {
    return FeishuHelpdeskError.isKind(value, "FeishuNetworkError");
  }
}
