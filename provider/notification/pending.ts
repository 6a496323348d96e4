import { isUnknown } from "../pulumi/unknown";
import type { NormalizedNotificationInputs } from "./fields";
import type { StoredNotification } from "./outputs";

/** A lifecycle step the inputs ask for that has not happened yet, and why. */
export interface PendingStep {
  /** The input property the step comes from. */
  readonly property: "approval" | "sendAt";
  /** Why it is pending: `draft` (the next `pulumi up` takes it) or `awaitingApproval` (it waits for the owner). */
  readonly why: "draft" | "awaitingApproval";
  /** For `sendAt`: the time asked for, milliseconds since the epoch as text. */
  readonly sendAt?: string;
}

/**
 * The lifecycle steps a diff finds due. The dynamic host sends the engine no detailed diff, so a
 * preview shows `~ update` with no property marked; the provider names these under the resource
 * instead, so a reviewer (or a drift job) can tell "waiting for approval" from a change in code.
 */
export function pendingSteps(olds: StoredNotification, news: NormalizedNotificationInputs): PendingStep[] {
  const steps: PendingStep[] = [];
  if (news.approval !== undefined && !isUnknown(news.approval) && (olds.status === 0 || olds.status === undefined))
    steps.push({ property: "approval", why: "draft" });
  if (news.sendAt !== undefined && !isUnknown(news.sendAt) && news.sendAt !== olds.sendAt)
    steps.push({
      property: "sendAt",
      why: olds.stage === "submitted" ? "awaitingApproval" : "draft",
      sendAt: news.sendAt,
    });
  return steps;
}
