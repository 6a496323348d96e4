import { FeishuErrorCode } from "../../client/api/error-codes";
import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import { campaignName } from "./campaign-name";

/** `adoptId` names a campaign Feishu does not have (code 154004): nothing was adopted. */
export class NotificationAdoptNotFoundError extends FeishuHelpdeskError {
  /** The id given as `adoptId`. */
  readonly adoptId: string;

  constructor(args: { adoptId: string }) {
    super(
      `adoptId: there is no ${campaignName(args.adoptId, undefined)} to adopt ` +
        `(Feishu code ${FeishuErrorCode.notFound}).\nCheck the id.`,
    );
    this.adoptId = args.adoptId;
  }
}

/**
 * The campaign to adopt differs from the inputs and is not a draft, so it cannot be brought in
 * line: nothing was adopted.
 */
export class NotificationAdoptMismatchError extends FeishuHelpdeskError {
  /** The id given as `adoptId`. */
  readonly adoptId: string;
  /** The campaign's job name, as Feishu holds it. */
  readonly jobName: string;
  /** The status number Feishu returned. */
  readonly status: number;
  /** The input properties whose values differ from the campaign's. */
  readonly differences: readonly string[];

  constructor(args: { adoptId: string; jobName: string; status: number; differences: readonly string[] }) {
    super(
      `adoptId: ${campaignName(args.adoptId, args.jobName)} differs from these inputs ` +
        `(${args.differences.join(", ")}), and Feishu reports status ${args.status}. ` +
        "Nothing was changed or adopted.\n" +
        "Only drafts (status 0) can be edited.\n" +
        "Make the inputs match the campaign as it is, or adopt a draft.",
    );
    this.adoptId = args.adoptId;
    this.jobName = args.jobName;
    this.status = args.status;
    this.differences = args.differences;
  }
}
