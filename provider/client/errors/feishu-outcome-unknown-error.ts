import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/**
 * A call that is not safe to repeat (creating a campaign, sending a bot message, a lifecycle
 * step) failed in a way that leaves its outcome unknown: Feishu may or may not have done it.
 * It was not retried, so as not to do it twice.
 */
export class FeishuOutcomeUnknownError extends FeishuHelpdeskError {
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** What was attempted, for example `Creating push campaign "Q3 reminder"`. */
  readonly action: string;
  /** The campaign's job name, when the call was about one. */
  readonly jobName: string | undefined;
  /** When the request was sent (ISO 8601). */
  readonly sentAt: string;
  /** The `x-tt-logid` request id, if a response arrived. */
  readonly logId: string | undefined;

  constructor(args: {
    endpoint: string;
    action: string;
    jobName?: string;
    sentAt: string;
    logId?: string;
    advice: string;
    cause: Error;
  }) {
    super(
      "FeishuOutcomeUnknownError",
      `${args.action} may have succeeded: ${args.cause.message}. Sent at ${args.sentAt} ` +
        `(request id ${args.logId ?? "none: no response arrived"}); not retried, so as not to do it twice. ${args.advice}`,
      { cause: args.cause },
    );
    this.endpoint = args.endpoint;
    this.action = args.action;
    this.jobName = args.jobName;
    this.sentAt = args.sentAt;
    this.logId = args.logId;
  }

  /** True if `value` is a FeishuOutcomeUnknownError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuOutcomeUnknownError {
    return FeishuHelpdeskError.isKind(value, "FeishuOutcomeUnknownError");
  }
}
