import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/** The run was cancelled (Ctrl-C, or the CI runner stopping the job): no retry was started. */
export class FeishuCancelledError extends FeishuHelpdeskError {
  /** `METHOD /path` of the call that was given up. */
  readonly endpoint: string;

  constructor(args: { endpoint: string; cause?: unknown }) {
    const why = args.cause instanceof Error ? ` after: ${args.cause.message.split("\n")[0].replace(/\.$/, "")}` : "";
    super(
      `${args.endpoint} was given up because the run was cancelled${why}.\n` +
        "Nothing more was sent; run the command again when ready.",
      { cause: args.cause },
    );
    this.endpoint = args.endpoint;
  }
}
