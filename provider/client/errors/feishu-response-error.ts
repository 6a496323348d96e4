import { FeishuHelpdeskError } from "./feishu-helpdesk-error";
import { noRedaction } from "./redact";
import { endpointOf, type FeishuRequestInfo } from "./request-info";

/** How much of an unreadable body an error quotes. */
const excerptLength = 200;

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
  /** The first 200 characters of the body, credentials redacted. */
  readonly bodyExcerpt: string;

  constructor(args: {
    status: number;
    problem: string;
    body: string;
    logId?: string;
    request: FeishuRequestInfo;
    /** Removes credential values from text the server sent. */
    redact?: (text: string) => string;
  }) {
    const redact = args.redact ?? noRedaction;
    const endpoint = endpointOf(args.request);
    // Redacts a little past the cut, so a value straddling it is found whole.
    const bodyExcerpt = redact(args.body.slice(0, excerptLength * 2 + 200)).slice(0, excerptLength);
    const logId = args.logId === undefined ? undefined : redact(args.logId);
    super(
      `Unreadable response from ${endpoint}: HTTP ${args.status}, ${args.problem}` +
        ` (request id ${logId ?? "not given"}).\n` +
        `Body starts: ${JSON.stringify(bodyExcerpt)}\n` +
        `The reply is not the Feishu API's JSON; if this persists, check that baseUrl points at the Feishu Open API.`,
    );
    this.status = args.status;
    this.logId = logId;
    this.endpoint = endpoint;
    this.request = args.request;
    this.bodyExcerpt = bodyExcerpt;
  }
}
