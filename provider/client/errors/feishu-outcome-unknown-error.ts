import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/**
 * A create (POST) failed in a way that leaves its outcome unknown: Feishu may or may not have
 * made the draft. It is not retried, since that could make a second one.
 */
export class FeishuOutcomeUnknownError extends FeishuHelpdeskError {
  /** `METHOD /path` of the request. */
  readonly endpoint: string;
  /** The campaign's job name, to find the draft by. */
  readonly jobName: string;
  /** When the request was sent (ISO 8601). */
  readonly sentAt: string;
  /** The `x-tt-logid` request id, if a response arrived. */
  readonly logId: string | undefined;

  constructor(args: { endpoint: string; jobName: string; sentAt: string; logId?: string; cause: Error }) {
    super(
      "FeishuOutcomeUnknownError",
      `Creating push campaign "${args.jobName}" may have succeeded: ${args.cause.message}. Feishu may now hold a draft ` +
        `named "${args.jobName}" created around ${args.sentAt} (request id ${args.logId ?? "none: no response arrived"}); ` +
        `it was not retried, so as not to create a second one, and nothing was recorded in the stack. ` +
        `Look for it in the Helpdesk console: if it is there, set \`adoptId: "<its id>"\` on this resource and run ` +
        `\`pulumi up\` again to manage it; if it is not, just run \`pulumi up\` again.`,
      { cause: args.cause },
    );
    this.endpoint = args.endpoint;
    this.jobName = args.jobName;
    this.sentAt = args.sentAt;
    this.logId = args.logId;
  }

  /** True if `value` is a FeishuOutcomeUnknownError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuOutcomeUnknownError {
    return FeishuHelpdeskError.isKind(value, "FeishuOutcomeUnknownError");
  }
}
