import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { blankInputs, definedOf, recordOf, withLists } from "./stored-state";
import { NotificationGoneError } from "./errors/gone-error";
import { FeishuOutcomeUnknownError } from "../client/errors/feishu-outcome-unknown-error";
import type { FetchedNotification, HelpdeskClient } from "../client/helpdesk-client";
import type { UncheckedInputs } from "../pulumi/input-check";
import { cardInputFailures } from "../pulumi/card-input-check";
import type { Reporter } from "../pulumi/reporter";
import { NotificationOutcomeUnknownError } from "./errors/outcome-unknown-error";
import { refusalError } from "./errors/refusal-error";
import { PlanExecutor, type PlanTarget } from "./executor";
import type { InputProperty, NormalizedNotificationInputs } from "./fields";
import { inputsFromWire, toWireBody } from "./mapping";
import { say } from "./messages";
import { inputsOf, type NotificationState, type StoredNotification, stateFromLive } from "./outputs";
import { pendingSteps } from "./pending";
import { type LiveCampaign, liveCampaignOf } from "./plan";
import { deleteReadsLive, planAdopt, planCreate, planDelete, planDiff, planDraftCheck, planUpdate } from "./planner";
import { checkNotificationInputs, type InputCheck } from "./schema";
import type { ApprovalRecord } from "./stage";

/** The result of {@link NotificationOperations.diff}. */
export interface NotificationDiff {
  /** True if an update is due. Nothing is ever replaced. */
  readonly changes: boolean;
  /** True if the diff read the live campaign (so the credentials were just used successfully). */
  readonly readLive?: boolean;
  /** The inputs the update is due to, for a host that can show a detailed diff (empty without changes). */
  readonly properties: readonly InputProperty[];
}

/** The result of {@link NotificationOperations.create}. */
export interface CreatedNotificationState {
  /** The campaign's id: the resource id. */
  readonly id: string;
  /** The resource's outputs. */
  readonly state: NotificationState;
}

/** The result of {@link NotificationOperations.read} for a campaign that exists. */
export interface ReadNotificationState {
  /** The outputs, as Feishu now holds the campaign. */
  readonly state: NotificationState;
  /** The inputs that describe it, so the next diff compares the program with reality. */
  readonly inputs: NormalizedNotificationInputs;
}

const message = (error: unknown) => (FeishuHelpdeskError.isInstance(error) ? error.message : String(error));

/**
 * A HelpdeskNotification's operations, whatever hosts them (the dynamic provider, or another
 * provider host): typed inputs and state in, typed results out. Each reads what it needs,
 * asks the planner (planner.ts) what to do, and has the executor do it.
 */
export class NotificationOperations {
  /**
   * @param client The client, got at each operation (the host may configure it late).
   * @param reporter Where warnings go.
   * @param cardLimits The `cardLimits` setting, as given (see card-input-check.ts).
   */
  constructor(
    private readonly client: () => HelpdeskClient,
    private readonly reporter: Reporter,
    private readonly cardLimits: () => string | undefined = () => undefined,
  ) {}

  /**
   * Validates every request-body rule before any API call, and the card (paths named inside it);
   * names the property on failure.
   */
  check(olds: Partial<NormalizedNotificationInputs>, news: UncheckedInputs): InputCheck {
    const result = checkNotificationInputs(news, olds);
    if (!result.ok || typeof result.inputs.pushContent !== "string") return result;
    const failures = cardInputFailures(result.inputs.pushContent, "pushContent", this.cardLimits(), this.reporter);
    return failures.length > 0 ? { ok: false, failures } : result;
  }

  /**
   * Compares the inputs by meaning, and the lifecycle they ask for with where the campaign
   * stands. With no change it makes no API call; a change to the campaign itself reads the live
   * status, so a preview already fails when Feishu would refuse the update.
   */
  async diff(id: string, olds: StoredNotification, news: NormalizedNotificationInputs): Promise<NotificationDiff> {
    const stored = withLists(olds);
    const plan = planDiff(stored, news);
    if (plan.kind === "refuse") throw refusalError(id, plan.refusal);
    if (plan.kind === "noChange") return { changes: false, properties: [] };
    if (plan.confirmDraft) {
      const refusal = planDraftCheck(stored, (await this.find(id, {}))?.live);
      if (refusal) throw refusalError(id, refusal);
    }
    // The engine gets no detailed diff from a dynamic provider: say which lifecycle step is due.
    for (const step of pendingSteps(stored, news)) this.reporter.warn(say.pending(id, stored.jobName, step));
    return { changes: true, readLive: plan.confirmDraft, properties: plan.properties };
  }

  /**
   * Creates the campaign as a draft (or adopts `adoptId`), then takes the lifecycle steps the
   * inputs ask for. Once the campaign exists nothing throws: a dynamic provider cannot record
   * half a create, so the next `pulumi up` would create (and schedule) a second one. A step that
   * fails is reported; the next `pulumi up` sees it pending and retries.
   */
  async create(inputs: NormalizedNotificationInputs): Promise<CreatedNotificationState> {
    const desired = withLists(inputs);
    if (desired.adoptId !== undefined) return this.adopt(desired.adoptId, desired);
    const created = await this.client()
      .createNotification(toWireBody(desired))
      .catch((error: unknown) => {
        if (!FeishuOutcomeUnknownError.isInstance(error)) throw error;
        throw new NotificationOutcomeUnknownError({ call: "create", jobName: desired.jobName, cause: error });
      });
    const id = created.notificationId;
    const target = { id, jobName: desired.jobName, desired, status: created.status, record: {} };
    let record: ApprovalRecord;
    try {
      record = (await this.executor().run(target, planCreate(desired, created.status))).record;
    } catch (error) {
      this.reporter.warn(say.createdButStepFailed(id, desired.jobName, message(error)));
      record = { approvalSubmitted: desired.approval !== undefined };
    }
    return { id, state: await this.stateAfterWrite(target, created.status, record) };
  }

  /**
   * `pulumi refresh`: the live campaign, with its inputs. Undefined, with a warning, for a
   * campaign that no longer exists. `stored` undefined: nothing is known of it yet (a lookup, or
   * `pulumi import`), and a campaign Feishu does not have fails, naming `lookedUpBy` in the hint.
   */
  async read(
    id: string,
    stored: StoredNotification | undefined,
    lookedUpBy = "HelpdeskNotification.get",
  ): Promise<ReadNotificationState | undefined> {
    // A lookup (`HelpdeskNotification.get`) has nothing stored: every field comes from Feishu.
    const previous = withLists(stored?.jobName === undefined ? { ...blankInputs, ...definedOf(stored) } : stored);
    const fetched = await this.client().findNotification(id);
    if (fetched === undefined && stored?.notificationId === undefined) {
      // A lookup of a campaign that is not there is the program's mistake, not drift to drop.
      throw new NotificationGoneError({
        notificationId: id,
        jobName: previous.jobName,
        hint: `Check the id given to ${lookedUpBy}.`,
      });
    }
    if (fetched === undefined) {
      this.reporter.warn(say.goneOnRefresh(id, previous.jobName));
      return undefined;
    }
    const state = stateFromLive(fetched, previous, recordOf(previous));
    return { state, inputs: inputsOf(state) };
  }

  /**
   * Brings the campaign to the new inputs: PATCH while it is a draft; with `cancelToEdit`, a
   * campaign under review is withdrawn, edited and submitted again. Then the lifecycle steps.
   * Returns the full outputs.
   */
  async update(id: string, olds: StoredNotification, news: NormalizedNotificationInputs): Promise<NotificationState> {
    const stored = withLists(olds);
    const desired = withLists(news);
    const found = await this.find(id, recordOf(stored));
    const plan = planUpdate(stored, desired, found?.live);
    if (plan.kind === "refuse") throw refusalError(id, plan.refusal);
    if (found === undefined) throw refusalError(id, { reason: "gone", jobName: stored.jobName }); // planned above
    const target = {
      id,
      jobName: found.live.jobName ?? stored.jobName,
      desired,
      status: found.live.status,
      record: recordOf(stored),
    };
    const outcome = await this.executor().run(target, plan.steps);
    return this.stateAfterWrite(target, outcome.status ?? found.live.status, outcome.record);
  }

  /**
   * Feishu has no API to delete a push campaign. What removing one does is `onDelete` (see
   * planDelete). A refusal to cancel means nothing was left to cancel: the resource still goes.
   */
  async delete(id: string, state: StoredNotification): Promise<void> {
    const found = deleteReadsLive(state) ? await this.find(id, recordOf(state)) : undefined;
    const status = typeof state.status === "number" ? state.status : undefined;
    const steps = planDelete({ onDelete: state.onDelete, status }, found?.live);
    const target = {
      id,
      jobName: state.jobName ?? "",
      desired: state,
      status: found?.live.status ?? status,
      record: recordOf(state),
    };
    await this.executor().run(target, steps);
  }

  /** Adopts an existing campaign; brings it in line with the inputs if it is a draft that differs. */
  private async adopt(adoptId: string, desired: NormalizedNotificationInputs): Promise<CreatedNotificationState> {
    const found = await this.find(adoptId, {});
    const plan = planAdopt(desired, found?.live, found && inputsFromWire(found.fetched.notification, desired));
    if (plan.kind === "refuse") throw refusalError(adoptId, plan.refusal);
    if (found === undefined) throw refusalError(adoptId, { reason: "adoptNotFound" }); // planned above
    let fetched = found.fetched;
    if (plan.steps.length > 0) {
      const target = { id: adoptId, jobName: desired.jobName, desired, status: found.live.status, record: {} };
      await this.executor().run(target, plan.steps);
      fetched = await this.client().getNotification(adoptId);
    }
    return { id: adoptId, state: stateFromLive(fetched, desired) };
  }

  /** The campaign as Feishu holds it, or undefined if it no longer exists. */
  private async find(
    id: string,
    record: ApprovalRecord,
  ): Promise<{ readonly fetched: FetchedNotification; readonly live: LiveCampaign } | undefined> {
    const fetched = await this.client().findNotification(id);
    return fetched && { fetched, live: liveCampaignOf(fetched.notification, record, fetched.serverTime) };
  }

  /**
   * Full outputs after a create or update, from a fresh GET. The write already succeeded, so if
   * the GET fails the resource is still recorded (with what is known) rather than lost.
   */
  private async stateAfterWrite(
    target: PlanTarget,
    status: number,
    record: ApprovalRecord,
  ): Promise<NotificationState> {
    try {
      return stateFromLive(await this.client().getNotification(target.id), target.desired, record);
    } catch (error) {
      this.reporter.warn(say.readBackFailed(target.id, target.jobName, message(error)));
      const { sendAt: _, ...known } = target.desired;
      return {
        ...known,
        notificationId: target.id,
        status,
        isDraft: status === 0,
        stage: status === 0 ? "draft" : "unknown",
        ...record,
      };
    }
  }

  private executor(): PlanExecutor {
    return new PlanExecutor(this.client(), this.reporter);
  }
}
