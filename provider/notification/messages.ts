import { FeishuErrorCode } from "../client/api/error-codes";
import type { FeishuApiError } from "../client/errors/feishu-api-error";
import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { campaignName, capitalized, isoTime } from "./errors/campaign-name";
import type { Notice, PendingStep } from "./plan";

// Every warning a campaign's operations give, in one place. Each starts with the campaign it
// is about and what happened, then why, then what to do.

/** What went wrong, as a warning quotes it: this package's errors by their message. */
const why = (error: unknown): string => (FeishuHelpdeskError.isInstance(error) ? error.message : String(error));

const stays = "Feishu has no API to delete a push campaign, so it stays in the Helpdesk console";

/** The warning for a planner's {@link Notice}. */
export function noticeText(id: string, jobName: string, notice: Notice): string {
  const name = campaignName(id, jobName);
  switch (notice.about) {
    case "retained":
      return (
        `${name} was removed from the stack. ${stays}. ` +
        (notice.status === 0
          ? "It is a draft: it will not be sent unless someone submits it for approval there."
          : `Its last seen status was ${notice.status ?? "unknown"} (not a draft), and onDelete is "retain": ` +
            "nothing was cancelled.")
      );
    case "draftStays":
      return (
        `${name} was removed from the stack. ${stays}. ` +
        "It is a draft: it will not be sent unless someone submits it there."
      );
    case "alreadySent":
      return (
        `${name} was removed from the stack. It was already sent; its messages stay ` +
        '(onDelete: "recall" would recall them).'
      );
  }
}

/** The warnings that depend on what Feishu answered. */
export const say = {
  awaitingApproval: (id: string, jobName: string) =>
    `${campaignName(id, jobName)} was submitted for review; the helpdesk owner must approve it before it can be ` +
    "scheduled.",
  lifecycleRefused: (id: string, jobName: string, error: FeishuApiError, approvalGranted: boolean) =>
    `${campaignName(id, jobName)}: Feishu refused a lifecycle step (HTTP ${error.status}, code ${error.code} ` +
    `"${error.feishuMessage}", request id ${error.logId ?? "not given"}). ` +
    (approvalGranted ? "" : "It is probably still waiting for the helpdesk owner's approval. ") +
    "Run `pulumi up` again to retry.",
  sendCancelled: (id: string, jobName: string, recalled: boolean) =>
    `${campaignName(id, jobName)} was removed from the stack: its send was cancelled` +
    `${recalled ? " and its delivered messages recalled" : ""}; it stays in the console.`,
  reviewWithdrawn: (id: string, jobName: string) =>
    `${campaignName(id, jobName)} was removed from the stack: its review was withdrawn, and it stays in the console ` +
    "as a draft.",
  cancelRefused: (id: string, jobName: string, error: FeishuApiError, status: number | undefined) =>
    `${campaignName(id, jobName)} was removed from the stack; Feishu refused to cancel it (code ${error.code} ` +
    `"${error.feishuMessage}", request id ${error.logId ?? "not given"}), which means it was already cancelled or ` +
    `finished. Status seen: ${status ?? "not read"}.`,
  createdButStepFailed: (id: string, jobName: string, error: unknown) =>
    `${campaignName(id, jobName)} was created, but a lifecycle step failed (${why(error)}). ` +
    "It is recorded in the stack; run `pulumi refresh` and `pulumi up` to finish.",
  readBackFailed: (id: string, jobName: string, error: unknown) =>
    `${campaignName(id, jobName)} was written, but reading it back failed (${why(error)}); ` +
    "run `pulumi refresh` to fill in its server fields.",
  pending: (id: string, jobName: string, step: PendingStep) =>
    `${campaignName(id, jobName)}: \`${step.property}\` is pending, not changed in code: ` +
    (step.property === "approval"
      ? "the campaign is a draft, and `pulumi up` submits it for review."
      : step.why === "awaitingApproval"
        ? `it waits for the helpdesk owner's approval; the first \`pulumi up\` after approval schedules it for ` +
          `${isoTime(step.sendAt)}.`
        : `\`pulumi up\` schedules it for ${isoTime(step.sendAt)}.`),
  goneOnRefresh: (id: string, jobName: string) =>
    `${campaignName(id, jobName)} no longer exists in Feishu (code ${FeishuErrorCode.notFound}); ` +
    "removing it from the stack.",
  adoptedAfterInterruption: (id: string, jobName: string, startedAt: string) =>
    `${capitalized(campaignName(id, jobName))} was created at ${startedAt} by a run that was interrupted before ` +
    "the stack recorded it: adopted, not created again.",
} as const;
