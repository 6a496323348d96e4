import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";

/** The review command's input is not what it reads: not `pulumi preview --json`, or an unknown option. */
export class ReviewInputError extends FeishuHelpdeskError {
  constructor(message: string) {
    super(message);
  }
}
