import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { cancelledNote, type FeishuOutcomeUnknownError } from "../../client/errors/feishu-outcome-unknown-error";
import { campaignName } from "./campaign-name";

/** A call of a campaign's life that Feishu may or may not have done. */
export type CampaignCall = "create" | "submit" | "schedule" | "withdrawReview" | "cancelSend";

const what: Record<Exclude<CampaignCall, "create">, string> = {
  submit: "Submitting %s for review",
  schedule: "Scheduling %s",
  withdrawReview: "Withdrawing the review of %s",
  cancelSend: "Cancelling the send of %s",
};

/**
 * A call the provider made for a campaign (its create, or a lifecycle step) failed in a way
 * that leaves its outcome unknown; the client did not repeat it, so as not to do it twice. The
 * message says how to find out and go on; `cause` is the client's FeishuOutcomeUnknownError.
 */
export class NotificationOutcomeUnknownError extends FeishuHelpdeskError {
  /** Which call. */
  readonly call: CampaignCall;
  /** The campaign's id; undefined for a create, whose reply (and id) was lost. */
  readonly notificationId: string | undefined;
  /** The campaign's job name. */
  readonly jobName: string;
  /** When the request was sent (ISO 8601). */
  readonly sentAt: string;
  /** The `x-tt-logid` request id, if a response arrived. */
  readonly logId: string | undefined;

  constructor(args: {
    call: CampaignCall;
    notificationId?: string;
    jobName: string;
    cause: FeishuOutcomeUnknownError;
  }) {
    const { cause } = args;
    // Its own full stop goes: the sentence ends with the one added after it.
    const why = (cause.cause instanceof Error ? cause.cause.message : cause.message).replace(/\.+$/, "");
    const facts =
      (cause.cancelled ? `${cancelledNote} ` : "") +
      `Sent at ${cause.sentAt} (request id ${cause.logId ?? "none: no response arrived"}); ` +
      "not retried, so as not to do it twice.";
    const message =
      args.call === "create" || args.notificationId === undefined
        ? `Creating push campaign "${args.jobName}" may have succeeded: ${why}. ${facts}\n` +
          `Nothing was recorded in the stack. If the Helpdesk console shows a draft named "${args.jobName}", set ` +
          '`adoptId: "<its id>"` on this resource and run `pulumi up` to manage it; if not, run `pulumi up` again.'
        : `${what[args.call].replace("%s", campaignName(args.notificationId, args.jobName))} may have succeeded: ` +
          `${why}. ${facts}\n` +
          "Run `pulumi refresh` to see where it stands, then `pulumi up` again.";
    super(message, { cause });
    this.call = args.call;
    this.notificationId = args.notificationId;
    this.jobName = args.jobName;
    this.sentAt = cause.sentAt;
    this.logId = cause.logId;
  }
}
