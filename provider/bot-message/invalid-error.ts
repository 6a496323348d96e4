import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import type { InputFailure } from "../pulumi/input-check";

/** A bot message given to sendBotMessage breaks a rule of the API page: nothing was sent. */
export class BotMessageInvalidError extends FeishuHelpdeskError {
  /** Each broken rule, with the property to blame. */
  readonly failures: readonly InputFailure[];

  constructor(args: { receiverId: unknown; failures: readonly InputFailure[] }) {
    super(
      `Invalid bot message to ${String(args.receiverId)}: nothing was sent.\n` +
        `${args.failures.map((f) => f.reason).join("; ")}.`,
    );
    this.failures = args.failures;
  }
}
