import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/** A method of the client was given an argument it cannot send: nothing was sent. */
export class FeishuArgumentError extends FeishuHelpdeskError {
  /** The argument's name, for example `notificationId`. */
  readonly argument: string;

  constructor(args: { argument: string; problem: string; fix: string }) {
    super(`Invalid ${args.argument}: ${args.problem}; nothing was sent.\n${args.fix}`);
    this.argument = args.argument;
  }
}
