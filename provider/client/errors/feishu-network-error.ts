import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

/** No response arrived: the connection failed, was dropped, or timed out. */
export class FeishuNetworkError extends FeishuHelpdeskError {
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** The request, credentials redacted. */
  readonly request: FeishuRequestInfo;
  /** True when the request timed out rather than failed. */
  readonly timedOut: boolean;

  constructor(args: { request: FeishuRequestInfo; timedOut: boolean; cause: unknown }) {
    const endpoint = endpointOf(args.request);
    const reason = args.timedOut ? "timed out" : `failed: ${(args.cause as Error)?.message ?? String(args.cause)}`;
    super("FeishuNetworkError", `${endpoint} to ${new URL(args.request.url).origin} ${reason}`, { cause: args.cause });
    this.endpoint = endpoint;
    this.request = args.request;
    this.timedOut = args.timedOut;
  }

  /** True if `value` is a FeishuNetworkError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuNetworkError {
    return FeishuHelpdeskError.isKind(value, "FeishuNetworkError");
  }
}
