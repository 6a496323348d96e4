import { hintForCode } from "./error-hints";
import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { noRedaction } from "./redact";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

/** Feishu answered, with a non-zero `code`: the request was understood and refused. */
export class FeishuApiError extends FeishuHelpdeskError {
  /** HTTP status of the response. */
  readonly status: number;
  /** Feishu's error code, for example `154000` (see `FeishuErrorCode`). */
  readonly code: number;
  /** Feishu's `msg`, credentials redacted. */
  readonly feishuMessage: string;
  /** The `x-tt-logid` response header: the request id Feishu support asks for. */
  readonly logId: string | undefined;
  /** What to do about this code, from the error tables of the Feishu documentation. */
  readonly hint: string | undefined;
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** The request, credentials redacted. */
  readonly request: FeishuRequestInfo;
  /** For a throttled call (429 / 99991400): seconds until the gateway's window resets (`x-ogw-ratelimit-reset`). */
  readonly rateLimitResetSeconds: number | undefined;

  constructor(args: {
    status: number;
    code: number;
    msg: string;
    logId?: string;
    request: FeishuRequestInfo;
    rateLimitResetSeconds?: number;
    /** Removes credential values from text the server sent (its `msg`, its request id). */
    redact?: (text: string) => string;
  }) {
    const redact = args.redact ?? noRedaction;
    const endpoint = endpointOf(args.request);
    const hint = hintForCode(args.code);
    const msg = redact(args.msg);
    const logId = args.logId === undefined ? undefined : redact(args.logId);
    super(
      `Feishu refused ${endpoint}: HTTP ${args.status}, code ${args.code} "${msg}"` +
        ` (request id ${logId ?? "not given"}).` +
        (hint ? `\n${hint}` : ""),
    );
    this.status = args.status;
    this.code = args.code;
    this.feishuMessage = msg;
    this.logId = logId;
    this.hint = hint;
    this.endpoint = endpoint;
    this.request = args.request;
    this.rateLimitResetSeconds = args.rateLimitResetSeconds;
  }
}
