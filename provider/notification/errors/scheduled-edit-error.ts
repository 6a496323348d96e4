import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { campaignName, isoTime } from "./campaign-name";

/** An edit of a campaign that has a send scheduled: `cancelToEdit` only withdraws a review. Nothing was changed. */
export class NotificationScheduledEditError extends FeishuHelpdeskError {
  /** The campaign's id. */
  readonly notificationId: string;
  /** The campaign's job name. */
  readonly jobName: string;
  /** The status number Feishu returned. */
  readonly status: number;
  /** The scheduled send time, milliseconds since the epoch as text (Feishu's `send_at`). */
  readonly sendAt: string;

  constructor(args: { notificationId: string; jobName: string; status: number; sendAt: string }) {
    super(
      `Cannot edit ${campaignName(args.notificationId, args.jobName)}: it is scheduled for ` +
        `${isoTime(args.sendAt)} (status ${args.status}). Nothing was changed.\n` +
        "cancelToEdit only withdraws a review; a scheduled send must be cancelled first.\n" +
        'Remove the resource with onDelete: "cancel", or cancel the send in the Helpdesk console.',
    );
    this.notificationId = args.notificationId;
    this.jobName = args.jobName;
    this.status = args.status;
    this.sendAt = args.sendAt;
  }
}
