import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { campaignName, capitalized } from "./campaign-name";

/**
 * `cancelToEdit` withdrew the campaign's review, then the edit failed. With `approval`, the
 * campaign was submitted again, unchanged; otherwise it is left a draft.
 */
export class NotificationEditFailedError extends FeishuHelpdeskError {
  /** The campaign's id. */
  readonly notificationId: string;
  /** The campaign's job name. */
  readonly jobName: string;
  /** True if the campaign was submitted for review again, unchanged. */
  readonly resubmitted: boolean;

  constructor(args: { notificationId: string; jobName: string; resubmitted: boolean; cause: unknown }) {
    const why = args.cause instanceof Error ? args.cause.message : String(args.cause);
    super(
      `${capitalized(campaignName(args.notificationId, args.jobName))}: ` +
        "its review was withdrawn to edit it, but the edit " +
        `failed (${why}).\n` +
        (args.resubmitted
          ? "It was submitted for review again, unchanged."
          : "It is now a draft: run `pulumi refresh`, then `pulumi up` to edit and submit it again."),
      { cause: args.cause },
    );
    this.notificationId = args.notificationId;
    this.jobName = args.jobName;
    this.resubmitted = args.resubmitted;
  }
}
