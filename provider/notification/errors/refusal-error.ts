import type { FeishuHelpdeskError } from "../../client/errors/feishu-helpdesk-error";
import type { Refusal } from "../plan";
import { NotificationAdoptMismatchError, NotificationAdoptNotFoundError } from "./adopt-errors";
import { NotificationAlreadySentError } from "./already-sent-error";
import { NotificationGoneError } from "./gone-error";
import { NotificationNotDraftError } from "./not-draft-error";
import { NotificationScheduledEditError } from "./scheduled-edit-error";

/** The error that reports a planner's refusal for campaign `notificationId` (for an adoption, the adoptId). */
export function refusalError(notificationId: string, refusal: Refusal): FeishuHelpdeskError {
  switch (refusal.reason) {
    case "gone":
      return new NotificationGoneError({ notificationId, jobName: refusal.jobName });
    case "notDraft":
      return new NotificationNotDraftError({ notificationId, jobName: refusal.jobName, status: refusal.status });
    case "scheduledEdit":
      return new NotificationScheduledEditError({ notificationId, ...refusal });
    case "alreadySent":
      return new NotificationAlreadySentError({ notificationId, ...refusal });
    case "adoptNotFound":
      return new NotificationAdoptNotFoundError({ adoptId: notificationId });
    case "adoptMismatch":
      return new NotificationAdoptMismatchError({ adoptId: notificationId, ...refusal });
  }
}
