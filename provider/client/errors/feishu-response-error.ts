import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

/** Feishu (or something in between) answered with a body this client cannot read. */
export class FeishuResponseError extends FeishuHelpdeskError {
  /** HTTP status of the response. */
  readonly status: number;
  /** The `x-tt-logid` response header, if any. */
  readonly logId: string | undefined;
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** The request, credentials redacted. */
  readonly request: FeishuRequestInfo;
  /** The first 200 characters of the body. */
  readonly bodyExcerpt: string;

  constructor(args: { status: number; problem: string; body: string; logId?: string; request: FeishuRequestInfo }) {
    const endpoint = endpointOf(args.request);
    const bodyExcerpt = args.body.slice(0, 200);
    super(
      "FeishuResponseError",
      `Unreadable response from ${endpoint}: HTTP ${args.status}, ${args.problem}` +
        ` (request id ${args.logId ?? "not given"}). Body starts: ${JSON.stringify(bodyExcerpt)}`,
    );
    this.status = args.status;
    this.logId = args.logId;
    this.endpoint = endpoint;
    this.request = args.request;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** True if `value` is a FeishuResponseError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuResponseError {
    return FeishuHelpdeskError.isKind(value, "FeishuResponseError");
  }
}
