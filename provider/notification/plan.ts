import type { WireNotification } from "../client/wire-types";
import type { CampaignProperty, InputProperty } from "./fields";
import { type ApprovalRecord, type CampaignStage, stageOf } from "./stage";

/** What the planner needs to know of the live campaign, as just read from Feishu. */
export interface LiveCampaign {
  /** The status number Feishu reports; only 0 (draft) is documented. */
  readonly status: number;
  /** The job name Feishu holds, if it sent one. */
  readonly jobName: string | undefined;
  /** `send_at`: the scheduled send time (ms since the epoch, as text), once one is set. */
  readonly sendAt: string | undefined;
  /** Where it stands, from the live fields and the provider's record of its review. */
  readonly stage: CampaignStage;
  /** Feishu's count of target users. */
  readonly targetUserCount: number | undefined;
}

/** The {@link LiveCampaign} of a campaign just read; `now`: the server's time of the read (see stageOf). */
export function liveCampaignOf(live: WireNotification, record: ApprovalRecord, now?: number): LiveCampaign {
  return {
    status: live.status,
    jobName: live.job_name,
    sendAt: live.send_at || undefined,
    stage: stageOf(live, record, now),
    targetUserCount: live.target_user_count,
  };
}

/**
 * One API call (or warning) of a plan, in the order given. The executor runs them through the
 * client; what a failure of each means is the executor's (executor.ts).
 */
export type Step =
  /**
   * PATCH the campaign to the inputs. `afterWithdrawal`: a review was withdrawn for it; if the
   * PATCH fails, submit again with `resubmitReason`, if any.
   */
  | { readonly kind: "patch"; readonly afterWithdrawal?: { readonly resubmitReason: string | undefined } }
  /** cancel_approve before an edit (`cancelToEdit`); a failure fails the update. */
  | { readonly kind: "withdrawReviewToEdit" }
  /** submit_approve: a lifecycle step; a refusal is a warning and ends the plan. */
  | { readonly kind: "submit"; readonly reason: string }
  /** execute_send: a lifecycle step; a refusal is a warning and ends the plan. */
  | { readonly kind: "schedule"; readonly sendAt: string }
  /** cancel_approve when the resource is removed; a refusal is a warning. */
  | { readonly kind: "withdrawReviewOnDelete" }
  /** cancel_send when the resource is removed; a refusal is a warning. */
  | { readonly kind: "cancelSend"; readonly recall: boolean }
  /** No call: tell the user something. */
  | { readonly kind: "warn"; readonly notice: Notice };

/** A warning the planner decides on, whatever the calls answer. */
export type Notice =
  /** Removed with onDelete "retain": nothing is cancelled; `status` is the last one seen. */
  | { readonly about: "retained"; readonly status: number | undefined }
  /** Removed while a draft: it stays in the console, unsent. */
  | { readonly about: "draftStays" }
  /** Removed after it was sent, with onDelete "cancel": its messages stay. */
  | { readonly about: "alreadySent" };

/** Why the planner refuses: nothing is called, and the operation fails with the matching error. */
export type Refusal =
  | { readonly reason: "gone"; readonly jobName: string }
  | { readonly reason: "notDraft"; readonly jobName: string; readonly status: number }
  | { readonly reason: "scheduledEdit"; readonly jobName: string; readonly status: number; readonly sendAt: string }
  | {
      readonly reason: "alreadySent";
      readonly jobName: string;
      readonly stage: "sending" | "sent";
      readonly sendAt: string;
    }
  | { readonly reason: "adoptNotFound" }
  | {
      readonly reason: "adoptMismatch";
      readonly jobName: string;
      readonly status: number;
      readonly differences: readonly CampaignProperty[];
    };

/**
 * The planner's answer for an update or an adoption: steps to take on the campaign found, or a
 * refusal. `found` is the campaign the planner was given, handed back: whoever read it (with more
 * than the planner needs) gets it back where the steps are sure to have one.
 */
export type Plan<Found extends LiveCampaign = LiveCampaign> =
  | { readonly kind: "steps"; readonly steps: readonly Step[]; readonly found: Found }
  | { readonly kind: "refuse"; readonly refusal: Refusal };

/**
 * A lifecycle step the inputs ask for that has not happened yet, and why: `property` names the
 * input it comes from; `why` is `draft` (the next `pulumi up` takes it) or `awaitingApproval` (it
 * waits for the helpdesk owner).
 */
export type PendingStep =
  | { readonly property: "approval"; readonly why: "draft" }
  | {
      readonly property: "sendAt";
      readonly why: "draft" | "awaitingApproval";
      /** The time asked for, milliseconds since the epoch as text. */
      readonly sendAt: string;
    };

/** The planner's answer for a diff. */
export type DiffPlan =
  /** Program and campaign agree: no update. */
  | { readonly kind: "noChange" }
  /** An update; with `confirmDraft`, only once the live campaign is read and found a draft (planDraftCheck). */
  | {
      readonly kind: "change";
      readonly confirmDraft: boolean;
      /** The inputs the update is due to: changed, or asking for a lifecycle step not reached yet. */
      readonly properties: readonly InputProperty[];
      /**
       * The lifecycle steps due whose values are known, for the host to name: the dynamic host
       * sends the engine no detailed diff, so a preview shows `~ update` with no property marked,
       * and a reviewer (or a drift job) must still tell "waiting for approval" from a change in code.
       */
      readonly pending: readonly PendingStep[];
    }
  | { readonly kind: "refuse"; readonly refusal: Refusal };
