import { isUnknown } from "../pulumi/unknown";
import { changedProperties } from "./compare";
import type { DeletePolicy, InputProperty, NormalizedNotificationInputs } from "./fields";
import type { StoredNotification } from "./outputs";
import type { DiffPlan, LiveCampaign, PendingStep, Plan, Refusal, Step } from "./plan";

// The campaign's lifecycle as pure decisions: given what the stack holds, what the program
// declares and what Feishu reports, which calls to make, in which order, or why to make none.
// No I/O here; operations.ts reads, asks, and hands the steps to the executor.

const refuse = (refusal: Refusal): Plan<never> => ({ kind: "refuse", refusal });

/**
 * The lifecycle steps the inputs ask for, from a campaign with `status` (undefined: a state
 * written before the status was recorded, taken as a draft) and send time `sendAt`: submit a
 * draft for review (`approval`), then schedule it (`sendAt`) once it is not a draft. Removing
 * `approval` or `sendAt` asks for nothing: un-submitting and un-scheduling are what `onDelete`
 * is for. The one statement of which step is due: create, update and diff all ask it.
 */
function lifecycleSteps(
  desired: NormalizedNotificationInputs,
  status: number | undefined,
  sendAt: string | undefined,
): Step[] {
  const planned: Step[] = [];
  let draft = status === 0 || status === undefined;
  if (desired.approval !== undefined && draft) {
    planned.push({ kind: "submit", reason: desired.approval.reason });
    draft = false;
  }
  // A send time not known yet (a preview) may turn out due: the diff counts it rather than hide it.
  if (desired.sendAt !== undefined && desired.sendAt !== sendAt && (!draft || isUnknown(desired.sendAt))) {
    planned.push({ kind: "schedule", sendAt: desired.sendAt });
  }
  return planned;
}

/** The due steps whose values are known, as the host names them; `stage`: where the stack last saw the campaign. */
function pendingOf(due: readonly Step[], news: NormalizedNotificationInputs, stage: StoredNotification["stage"]) {
  return due.flatMap((step): PendingStep[] => {
    if (step.kind === "submit") return isUnknown(news.approval) ? [] : [{ property: "approval", why: "draft" }];
    if (step.kind !== "schedule" || isUnknown(step.sendAt)) return [];
    return [{ property: "sendAt", why: stage === "submitted" ? "awaitingApproval" : "draft", sendAt: step.sendAt }];
  });
}

/** After a create (Feishu answered `status`, 0 for a new draft): the lifecycle steps. */
export function planCreate(desired: NormalizedNotificationInputs, status: number): readonly Step[] {
  return lifecycleSteps(desired, status, undefined);
}

/**
 * Adopting `live` (undefined: Feishu has no such campaign), whose fields read as inputs are
 * `liveInputs`: a draft that differs is patched to the inputs; a non-draft that differs is
 * refused. The lifecycle waits for the next update.
 */
export function planAdopt<Found extends LiveCampaign>(
  desired: NormalizedNotificationInputs,
  live: Found | undefined,
  liveInputs: NormalizedNotificationInputs | undefined,
): Plan<Found> {
  if (live === undefined || liveInputs === undefined) return refuse({ reason: "adoptNotFound" });
  const differences = changedProperties(liveInputs, desired);
  if (differences.length === 0) return { kind: "steps", steps: [], found: live };
  if (live.status !== 0) {
    return refuse({
      reason: "adoptMismatch",
      jobName: live.jobName ?? desired.jobName,
      status: live.status,
      differences,
    });
  }
  return { kind: "steps", steps: [{ kind: "patch" }], found: live };
}

/**
 * An update from the stored state `olds` to `desired`, with the campaign as Feishu holds it
 * (`live`; undefined: gone). A changed campaign is patched while a draft; under review, only
 * with `cancelToEdit` (withdraw, patch, submit again); a scheduled one never. Then the
 * lifecycle steps.
 */
export function planUpdate<Found extends LiveCampaign>(
  olds: StoredNotification,
  desired: NormalizedNotificationInputs,
  live: Found | undefined,
): Plan<Found> {
  if (live === undefined) return refuse({ reason: "gone", jobName: olds.jobName });
  const planned: Step[] = [];
  let status = live.status;
  if (changedProperties(olds, desired).length > 0) {
    const jobName = live.jobName ?? olds.jobName;
    if (status === 0) planned.push({ kind: "patch" });
    else if (desired.cancelToEdit !== true) return refuse({ reason: "notDraft", jobName, status });
    else if (live.sendAt !== undefined)
      return refuse({ reason: "scheduledEdit", jobName, status, sendAt: live.sendAt });
    else {
      planned.push(
        { kind: "withdrawReviewToEdit" },
        { kind: "patch", afterWithdrawal: { resubmitReason: desired.approval?.reason } },
      );
    }
    status = 0;
  }
  return { kind: "steps", steps: [...planned, ...lifecycleSteps(desired, status, live.sendAt)], found: live };
}

/**
 * Whether an update is due, from the stored state and the new inputs alone: any campaign
 * change, setting change, or lifecycle step not reached. A change to the campaign itself
 * needs the live status (`confirmDraft`), so that a preview already fails when Feishu would
 * refuse the update; not when the change is only a value unknown during preview, nor with
 * `cancelToEdit` (update decides then, with known values).
 */
export function planDiff(olds: StoredNotification, news: NormalizedNotificationInputs): DiffPlan {
  const changed = changedProperties(olds, news);
  const settingsChanged = olds.onDelete !== news.onDelete || olds.cancelToEdit !== news.cancelToEdit;
  const due = lifecycleSteps(news, olds.status, olds.sendAt);
  const submitDue = due.some((step) => step.kind === "submit");
  const scheduleDue = due.some((step) => step.kind === "schedule");
  if (changed.length === 0 && !submitDue && !scheduleDue && !settingsChanged) return { kind: "noChange" };
  if (scheduleDue && (olds.stage === "sending" || olds.stage === "sent") && olds.sendAt !== undefined) {
    return {
      kind: "refuse",
      refusal: { reason: "alreadySent", jobName: olds.jobName, stage: olds.stage, sendAt: olds.sendAt },
    };
  }
  const confirmDraft =
    changed.length > 0 &&
    !changed.every((property) => isUnknown(news[property])) &&
    news.cancelToEdit !== true &&
    !isUnknown(news.cancelToEdit);
  const properties: InputProperty[] = [
    ...changed,
    ...(olds.onDelete !== news.onDelete ? (["onDelete"] as const) : []),
    ...(olds.cancelToEdit !== news.cancelToEdit ? (["cancelToEdit"] as const) : []),
    ...(submitDue ? (["approval"] as const) : []),
    ...(scheduleDue ? (["sendAt"] as const) : []),
  ];
  return { kind: "change", confirmDraft, properties, pending: pendingOf(due, news, olds.stage) };
}

/** The check a diff with `confirmDraft` makes of the live campaign (undefined: gone): refused unless a draft. */
export function planDraftCheck(olds: StoredNotification, live: LiveCampaign | undefined): Refusal | undefined {
  if (live === undefined) return { reason: "gone", jobName: olds.jobName };
  if (live.status !== 0) return { reason: "notDraft", jobName: live.jobName ?? olds.jobName, status: live.status };
  return undefined;
}

/** Whether removing the resource needs the live campaign: not with onDelete "retain", which calls nothing. */
export const deleteReadsLive = (stored: { readonly onDelete?: DeletePolicy }): boolean => stored.onDelete !== "retain";

/**
 * Removing the resource: Feishu has no API to delete a campaign, so what happens is
 * `onDelete` (stored; default "cancel"): retain calls nothing; a draft is left as it is; a
 * campaign with a send time has its send cancelled (and with "recall", its messages recalled);
 * one under review has the review withdrawn. `live` undefined: gone, or not read (retain).
 */
export function planDelete(
  stored: { readonly onDelete?: DeletePolicy; readonly status?: number },
  live: LiveCampaign | undefined,
): readonly Step[] {
  const policy = stored.onDelete ?? "cancel";
  if (policy === "retain") return [{ kind: "warn", notice: { about: "retained", status: stored.status } }];
  if (live === undefined) return [];
  if (live.status === 0) return [{ kind: "warn", notice: { about: "draftStays" } }];
  // "sent" is certain only when Feishu counts targets; a chats-only push may still be going out.
  if (live.stage === "sent" && policy === "cancel" && (live.targetUserCount ?? 0) > 0) {
    return [{ kind: "warn", notice: { about: "alreadySent" } }];
  }
  if (live.sendAt !== undefined) return [{ kind: "cancelSend", recall: policy === "recall" }];
  return [{ kind: "withdrawReviewOnDelete" }];
}
