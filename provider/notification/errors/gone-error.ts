import { FeishuErrorCode } from "../../client/api/error-codes";
import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { campaignName, capitalized } from "./campaign-name";

/** The stack holds a campaign that Feishu no longer has (code 154004): nothing was changed. */
export class NotificationGoneError extends FeishuHelpdeskError {
  /** The campaign's id, as the stack records it. */
  readonly notificationId: string;
  /** The campaign's job name, as the stack records it. */
  readonly jobName: string;

  /**
   * @param args.jobName The job name the stack records; empty when nothing is recorded (a lookup).
   * @param args.hint What to do, instead of the stack's `pulumi refresh` advice.
   */
  constructor(args: { notificationId: string; jobName: string; hint?: string }) {
    super(
      `${capitalized(campaignName(args.notificationId, args.jobName))} ` +
        `${args.hint === undefined ? "no longer exists" : "does not exist"} in Feishu ` +
        `(code ${FeishuErrorCode.notFound}).\n` +
        (args.hint ?? "Run `pulumi refresh` to drop it from the stack; the next `pulumi up` then creates it again."),
    );
    this.notificationId = args.notificationId;
    this.jobName = args.jobName;
  }
}
