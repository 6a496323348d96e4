import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/** Said when the run was cancelled while the call was under way. */
export const cancelledNote = "The run was cancelled while the request was under way; nothing more was sent.";

/**
 * A call that is not safe to repeat (creating a campaign, sending a bot message, a lifecycle
 * step) failed in a way that leaves its outcome unknown: Feishu may or may not have done it.
 * It was not retried, so as not to do it twice. The fields say what the caller needs to find out
 * (the job name, when it was sent, the request id); the message's advice is the client's, and a
 * caller such as the Pulumi provider adds its own.
 */
export class FeishuOutcomeUnknownError extends FeishuHelpdeskError {
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** What was attempted, for example `Creating push campaign "Q3 reminder"`. */
  readonly action: string;
  /** The campaign's job name, when the call was about one. */
  readonly jobName: string | undefined;
  /** The campaign's id, when the call was about an existing one. */
  readonly notificationId: string | undefined;
  /** When the request was first sent (ISO 8601). */
  readonly sentAt: string;
  /** The `x-tt-logid` request id, if a response arrived. */
  readonly logId: string | undefined;
  /** True when the run was cancelled (Ctrl-C) while the call was under way. */
  readonly cancelled: boolean;

  constructor(args: {
    endpoint: string;
    action: string;
    jobName?: string;
    notificationId?: string;
    sentAt: string;
    logId?: string;
    /** What to check before trying again, in terms of Feishu itself. */
    advice: string;
    /** The run was cancelled while the call was under way. */
    cancelled?: boolean;
    cause: Error;
  }) {
    super(
      `${args.action} may have succeeded: ${args.cause.message.split("\n")[0]}\n` +
        (args.cancelled ? `${cancelledNote}\n` : "") +
        `Sent at ${args.sentAt} (request id ${args.logId ?? "none: no response arrived"}); ` +
        `not retried, so as not to do it twice.\n${args.advice}`,
      { cause: args.cause },
    );
    this.endpoint = args.endpoint;
    this.action = args.action;
    this.jobName = args.jobName;
    this.notificationId = args.notificationId;
    this.sentAt = args.sentAt;
    this.logId = args.logId;
    this.cancelled = args.cancelled === true;
  }
}
