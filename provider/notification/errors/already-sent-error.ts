import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { campaignName, capitalized, isoTime } from "./campaign-name";

/** A new `sendAt` for a campaign that already went out: it would be sent a second time. Nothing was changed. */
export class NotificationAlreadySentError extends FeishuHelpdeskError {
  /** The campaign's id. */
  readonly notificationId: string;
  /** The campaign's job name. */
  readonly jobName: string;
  /** Where it stands: `sending` or `sent`. */
  readonly stage: "sending" | "sent";
  /** When it went out, milliseconds since the epoch as text (Feishu's `send_at`). */
  readonly sendAt: string;

  constructor(args: { notificationId: string; jobName: string; stage: "sending" | "sent"; sendAt: string }) {
    super(
      `${capitalized(campaignName(args.notificationId, args.jobName))} already went out ` +
        `(stage ${args.stage}, sent at ` +
        `${isoTime(args.sendAt)}); a new sendAt would send it a second time. Nothing was changed.\n` +
        "Keep sendAt as it was, or declare a new campaign for a new send.",
    );
    this.notificationId = args.notificationId;
    this.jobName = args.jobName;
    this.stage = args.stage;
    this.sendAt = args.sendAt;
  }
}
