import { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";

/**
 * An earlier run began creating this campaign and was killed before Feishu's answer was
 * recorded: Feishu may hold it. The provider refuses to POST it again (that could push the same
 * message twice) and says how to go on.
 */
export class InterruptedCreateError extends FeishuHelpdeskError {
  constructor(args: { urn: string; jobName: string; startedAt: string; journalFile: string }) {
    super(
      `Not creating "${args.jobName}" again: an earlier run began creating it at ${args.startedAt} and was ` +
        "interrupted before Feishu's answer was recorded, so Feishu may already hold it (Feishu has no way " +
        "to ask, nor to make a create safe to repeat).\n" +
        `Look for a draft named "${args.jobName}" in the Helpdesk console. If it is there, set adoptId to its ` +
        "id and run again; if it is not, delete the journal entry and run again:\n" +
        `  rm ${JSON.stringify(args.journalFile)}\n` +
        `(resource ${args.urn})`,
    );
  }
}
