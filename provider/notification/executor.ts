import { renderCardText } from "../card/render-text";
import { FeishuApiError } from "../client/errors/feishu-api-error";
import { FeishuOutcomeUnknownError } from "../client/errors/feishu-outcome-unknown-error";
import type { CreatedNotification, FetchedNotification, HelpdeskClient } from "../client/helpdesk-client";
import type { Reporter } from "../pulumi/reporter";
import { NotificationEditFailedError } from "./errors/edit-failed-error";
import { type CampaignCall, NotificationOutcomeUnknownError } from "./errors/outcome-unknown-error";
import type { NormalizedNotificationInputs } from "./fields";
import { toWireBody } from "./mapping";
import { noticeText, say } from "./messages";
import { type NotificationState, stateFromLive } from "./outputs";
import { type LiveCampaign, liveCampaignOf, type Step } from "./plan";
import type { RecentReads } from "./recent-reads";
import type { ApprovalRecord } from "./stage";

/** The campaign a plan is run for. */
export interface PlanTarget {
  /** The campaign's id. */
  readonly id: string;
  /** Its job name, for messages. */
  readonly jobName: string;
  /** The inputs it is brought to (the body of a patch). */
  readonly desired: NormalizedNotificationInputs;
  /** The status last seen, if the campaign was read. */
  readonly status: number | undefined;
  /** The provider's record of its review before the plan. */
  readonly record: ApprovalRecord;
}

/** What running a plan leaves known. */
export interface PlanOutcome {
  /** The status as far as the steps tell: 0 after a patch, else as seen before. */
  readonly status: number | undefined;
  /** The provider's record of the review: reset by a withdrawal, set by a submission. */
  readonly record: ApprovalRecord;
}

/** A campaign as just read: what the planner needs of it, and all Feishu sent. */
export interface FoundCampaign extends LiveCampaign {
  /** The read itself. */
  readonly fetched: FetchedNotification;
}

/** A Feishu refusal (4xx) rather than a failure: a lifecycle or cancel step it refuses is reported, not fatal. */
function isRefusal(error: unknown): error is FeishuApiError {
  return FeishuApiError.isInstance(error) && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/**
 * The one place where a campaign's operations call Feishu: its reads, its create, and a plan's
 * steps in order. A call whose outcome is unknown fails here, once, with advice on going on.
 */
export class PlanExecutor {
  /**
   * @param client The client the calls go through.
   * @param reporter Where the warnings the steps give go.
   * @param recent The campaigns read moments ago: a read made here is kept there, a write forgets it.
   */
  constructor(
    private readonly client: HelpdeskClient,
    private readonly reporter: Reporter,
    private readonly recent: RecentReads,
  ) {}

  /**
   * Creates the campaign as a draft. `beforeSend` runs once any pacing wait is over, just before
   * the POST: a create still waiting for its permit when the run died was never sent.
   */
  create(desired: NormalizedNotificationInputs, beforeSend?: () => void): Promise<CreatedNotification> {
    const body = toWireBody(desired);
    return this.call({ jobName: desired.jobName }, "create", () =>
      this.client.createNotification(body, { beforeSend }),
    );
  }

  /**
   * The campaign as Feishu holds it (undefined: it does not exist), with `record` the provider's
   * record of its review: read moments ago in this operation (see RecentReads), or read now.
   */
  async find(id: string, record: ApprovalRecord): Promise<FoundCampaign | undefined> {
    const fetched = this.recent.get(id, this.client) ?? (await this.readNow(id));
    return fetched && { ...liveCampaignOf(fetched.notification, record, fetched.serverTime), fetched };
  }

  /** A new read of the campaign (undefined: it does not exist), kept for the questions that follow. */
  async readNow(id: string): Promise<FetchedNotification | undefined> {
    const fetched = await this.client.findNotification(id);
    if (fetched === undefined) this.recent.forget(id);
    else this.recent.remember(id, this.client, fetched);
    return fetched;
  }

  /** The campaign just written, read back; fails as the read does (the campaign must exist). */
  readBack(id: string): Promise<FetchedNotification> {
    return this.client.getNotification(id);
  }

  /**
   * Full outputs after a create or update, from a fresh read. The write already succeeded, so if
   * the read fails the resource is still recorded (with what is known) rather than lost.
   */
  async stateAfterWrite(target: PlanTarget, status: number, record: ApprovalRecord): Promise<NotificationState> {
    try {
      return stateFromLive(await this.readBack(target.id), target.desired, record);
    } catch (error) {
      this.reporter.warn(say.readBackFailed(target.id, target.jobName, error));
      const { sendAt: _, ...known } = target.desired;
      return {
        ...known,
        notificationId: target.id,
        status,
        isDraft: status === 0,
        stage: status === 0 ? "draft" : "unknown",
        ...record,
        cardText: renderCardText(known.pushContent),
      };
    }
  }

  /** Runs `steps` for `target`; throws what the step kinds say a failure means (see {@link Step}). */
  async run(target: PlanTarget, steps: readonly Step[]): Promise<PlanOutcome> {
    this.recent.forget(target.id); // the steps change it: what was read before no longer holds
    let outcome: PlanOutcome = { status: target.status, record: target.record };
    for (const step of steps) {
      const next = await this.step(target, step, outcome);
      if (next === "stop") break;
      outcome = next;
    }
    return outcome;
  }

  private async step(target: PlanTarget, step: Step, now: PlanOutcome): Promise<PlanOutcome | "stop"> {
    const { id, jobName } = target;
    switch (step.kind) {
      case "warn":
        this.reporter.warn(noticeText(id, jobName, step.notice));
        return now;
      case "patch":
        await this.patch(target, step.afterWithdrawal);
        return { ...now, status: 0 };
      case "withdrawReviewToEdit":
        await this.call(target, "withdrawReview", () => this.client.cancelApproval(id));
        return { ...now, record: {} };
      case "submit":
      case "schedule":
        return this.lifecycle(target, step, now);
      case "withdrawReviewOnDelete":
      case "cancelSend": {
        const done =
          step.kind === "cancelSend"
            ? await this.refusable(target, "cancelSend", () => this.client.cancelSend(id, step.recall))
            : await this.refusable(target, "withdrawReview", () => this.client.cancelApproval(id));
        if (done) {
          this.reporter.warn(
            step.kind === "cancelSend" ? say.sendCancelled(id, jobName, step.recall) : say.reviewWithdrawn(id, jobName),
          );
        }
        return now;
      }
    }
  }

  /** A lifecycle step: a refusal (typically: not approved yet) is a warning and ends the plan. */
  private async lifecycle(
    target: PlanTarget,
    step: Extract<Step, { kind: "submit" | "schedule" }>,
    now: PlanOutcome,
  ): Promise<PlanOutcome | "stop"> {
    const { id, jobName } = target;
    try {
      if (step.kind === "schedule") {
        await this.call(target, "schedule", () => this.client.executeSend(id, Number(step.sendAt)));
        return now;
      }
      const { hasAccess } = await this.call(target, "submit", () => this.client.submitApproval(id, step.reason));
      if (!hasAccess) this.reporter.warn(say.awaitingApproval(id, jobName));
      return { ...now, record: { approvalSubmitted: true, approvalGranted: hasAccess } };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.reporter.warn(say.lifecycleRefused(id, jobName, error, now.record.approvalGranted === true));
      return "stop";
    }
  }

  /**
   * PATCH to the inputs. After a withdrawn review, a failed edit puts the campaign back up for
   * review (with `resubmitReason`) rather than leave a draft the state says is submitted.
   */
  private async patch(
    target: PlanTarget,
    afterWithdrawal: { readonly resubmitReason: string | undefined } | undefined,
  ): Promise<void> {
    try {
      await this.client.patchNotification(target.id, toWireBody(target.desired));
    } catch (error) {
      if (afterWithdrawal === undefined) throw error;
      const reason = afterWithdrawal.resubmitReason;
      const resubmitted =
        reason !== undefined &&
        (await this.client.submitApproval(target.id, reason).then(
          () => true,
          () => false,
        ));
      throw new NotificationEditFailedError({
        notificationId: target.id,
        jobName: target.jobName,
        resubmitted,
        cause: error,
      });
    }
  }

  /** A cancel step at delete: true once done; a refusal means nothing was left to cancel, and is a warning. */
  private async refusable(target: PlanTarget, call: CampaignCall, run: () => Promise<unknown>): Promise<boolean> {
    try {
      await this.call(target, call, run);
      return true;
    } catch (error) {
      // A refusal means there is nothing left to cancel (cancelled in the console, or by an
      // earlier attempt whose answer was lost): the resource must still be able to go.
      if (!isRefusal(error)) throw error;
      this.reporter.warn(say.cancelRefused(target.id, target.jobName, error, target.status));
      return false;
    }
  }

  /** A call not repeated by the client: an unknown outcome gets the provider's advice. `of.id`: none for a create. */
  private async call<T>(
    of: { readonly id?: string; readonly jobName: string },
    call: CampaignCall,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!FeishuOutcomeUnknownError.isInstance(error)) throw error;
      throw new NotificationOutcomeUnknownError({ call, notificationId: of.id, jobName: of.jobName, cause: error });
    }
  }
}
