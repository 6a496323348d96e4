import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { campaignName } from "./campaign-name";

/**
 * The campaign is no longer a draft, and Feishu only lets drafts be edited: nothing was sent.
 * Only status 0 (draft) is documented, so the error shows the number it saw rather than a label.
 */
export class NotificationNotDraftError extends FeishuHelpdeskError {
  /** The campaign's id. */
  readonly notificationId: string;
  /** The campaign's job name, as Feishu holds it. */
  readonly jobName: string;
  /** The status number Feishu returned (0 would be a draft). */
  readonly status: number;

  constructor(args: { notificationId: string; jobName: string; status: number }) {
    super(
      `Cannot update ${campaignName(args.notificationId, args.jobName)}: Feishu reports status ${args.status}, ` +
        "and only drafts (status 0) can be edited. Nothing was sent and the stack state is unchanged.\n" +
        "To go on, either: revert this change in code; or, while the campaign is under review, set " +
        "`cancelToEdit: true` to withdraw the review, edit it and submit it again; or keep the campaign as it is " +
        "with the resource option `ignoreChanges` for the changed properties, or declare a new campaign (rename " +
        "the resource) and withdraw the old one in the Helpdesk console.",
    );
    this.notificationId = args.notificationId;
    this.jobName = args.jobName;
    this.status = args.status;
  }
}
