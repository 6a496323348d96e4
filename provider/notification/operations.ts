import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { renderCardText } from "../card/render-text";
import { blankInputs, definedOf, recordOf, withLists } from "./stored-state";
import { NotificationGoneError } from "./errors/gone-error";
import { FeishuOutcomeUnknownError } from "../client/errors/feishu-outcome-unknown-error";
import type { FetchedNotification, HelpdeskClient } from "../client/helpdesk-client";
import type { PacedEndpoint } from "../client/pacing/pacer";
import type { UncheckedInputs } from "../pulumi/input-check";
import { cardInputFailures } from "../pulumi/card-input-check";
import type { Reporter } from "../pulumi/reporter";
import { NotificationOutcomeUnknownError } from "./errors/outcome-unknown-error";
import { refusalError } from "./errors/refusal-error";
import { PlanExecutor, type PlanTarget } from "./executor";
import { campaignFields, type InputProperty, type NormalizedNotificationInputs } from "./fields";
import { inputsFromWire, toWireBody } from "./mapping";
import { say } from "./messages";
import { inputsOf, type NotificationState, type StoredNotification, stateFromLive } from "./outputs";
import { pendingSteps } from "./pending";
import { type LiveCampaign, liveCampaignOf } from "./plan";
import { RecentReads } from "./recent-reads";
import { deleteReadsLive, planAdopt, planCreate, planDelete, planDiff, planDraftCheck, planUpdate } from "./planner";
import { checkNotificationInputs, type InputCheck } from "./check-inputs";
import type { ApprovalRecord } from "./stage";
import { CreateJournal } from "./journal/create-journal";
import { InterruptedCreateError } from "./errors/interrupted-create-error";

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

/** What a host gives {@link NotificationOperations} besides the client and the reporter. */
export interface NotificationOperationsOptions {
  /**
   * Told of a rate-limited call the run will make once the engine gets to it (a create after a
   * new resource's check, a PATCH after a diff), so quota progress counts it.
   * @default nothing is told
   */
  readonly expectCall?: (endpoint: PacedEndpoint) => void;
  /**
   * The write-ahead journal of creates (see CreateJournal).
   * @default the journal in its default folder
   */
  readonly journal?: CreateJournal;
  /**
   * The recent live reads.
   * @default a fresh memory
   */
  readonly recent?: RecentReads;
  /**
   * The `cardLimits` setting, as given (see card-input-check.ts).
   * @default unset: community-sourced limits warn
   */
  readonly cardLimits?: () => string | undefined;
}

/**
 * A HelpdeskNotification's operations, whatever hosts them (the dynamic provider, or another
 * provider host): typed inputs and state in, typed results out. Each reads what it needs,
 * asks the planner (planner.ts) what to do, and has the executor do it.
 */
export class NotificationOperations {
  /** Campaigns read live moments ago: the next question about one in the same operation is not a new read. */
  readonly #recent: RecentReads;
  private readonly expectCall: (endpoint: PacedEndpoint) => void;
  private readonly journal: CreateJournal;
  private readonly cardLimits: () => string | undefined;

  /**
   * @param client The client, got at each operation (the host may configure it late).
   * @param reporter Where warnings go.
   * @param options What the host gives besides (each has a default that suits a test).
   */
  constructor(
    private readonly client: () => HelpdeskClient,
    private readonly reporter: Reporter,
    options: NotificationOperationsOptions = {},
  ) {
    this.expectCall = options.expectCall ?? (() => undefined);
    this.journal = options.journal ?? new CreateJournal();
    this.#recent = options.recent ?? new RecentReads();
    this.cardLimits = options.cardLimits ?? (() => undefined);
  }

  /**
   * Validates every request-body rule before any API call, and the card (paths named inside it);
   * names the property on failure.
   */
  check(olds: Partial<NormalizedNotificationInputs>, news: UncheckedInputs): InputCheck {
    const checked = checkNotificationInputs(news, olds);
    if (!checked.ok) return checked;
    if (typeof checked.inputs.pushContent === "string") {
      const path = "pushContent";
      const failures = cardInputFailures(checked.inputs.pushContent, path, this.cardLimits(), this.reporter);
      if (failures.length > 0) return { ok: false, failures };
    }
    // A new resource (nothing stored) that is not adopted: a create is coming in an `up`.
    if (Object.keys(olds).length === 0 && checked.inputs.adoptId === undefined) this.expectCall("create");
    return checked;
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
    if (plan.properties.some((property) => property in campaignFields)) this.expectCall("patch");
    if (plan.properties.includes("sendAt")) this.expectCall("executeSend");
    return { changes: true, readLive: plan.confirmDraft, properties: plan.properties };
  }

  /**
   * Creates the campaign as a draft (or adopts `adoptId`), then takes the lifecycle steps the
   * inputs ask for. Once the campaign exists nothing throws: a dynamic provider cannot record
   * half a create, so the next `pulumi up` would create (and schedule) a second one. A step that
   * fails is reported; the next `pulumi up` sees it pending and retries.
   */
  async create(inputs: NormalizedNotificationInputs, urn?: string): Promise<CreatedNotificationState> {
    const desired = withLists(inputs);
    if (desired.adoptId !== undefined) return this.adopt(desired.adoptId, desired);
    const recovered = urn === undefined ? undefined : await this.recoverInterrupted(urn, desired);
    if (recovered !== undefined) return recovered;
    // The intent is on disk before the POST, the id as soon as it is known: a run killed in
    // between leaves the next run a trace, where it would otherwise post a second campaign.
    const intent = { urn: urn ?? "", jobName: desired.jobName, startedAt: new Date().toISOString() };
    const created = await this.client()
      .createNotification(toWireBody(desired), {
        // Written once the pacing wait is over, just before the POST: a create still waiting
        // for its slot when the run died was never sent, and must not be refused next time.
        beforeSend: urn === undefined ? undefined : () => this.journal.write(intent),
      })
      .catch((error: unknown) => {
        if (!FeishuOutcomeUnknownError.isInstance(error)) {
          if (urn !== undefined) this.journal.forget(urn); // provably not created
          throw error;
        }
        throw new NotificationOutcomeUnknownError({ call: "create", jobName: desired.jobName, cause: error });
      });
    const id = created.notificationId;
    if (urn !== undefined) this.journal.write({ ...intent, id });
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
    // Refresh is where the truth is fetched: always a new read (kept for the Diff that follows it).
    const fetched = await this.readNow(this.client(), id);
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
    this.#recent.forget(id); // the steps change it
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
    this.#recent.forget(id);
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

  /**
   * A create an earlier run began for `urn` and never saw recorded: one whose id is known and
   * that Feishu still holds is adopted (no second POST); one whose answer never came is refused
   * (InterruptedCreateError). Undefined: nothing to recover, create as usual.
   */
  private async recoverInterrupted(
    urn: string,
    desired: NormalizedNotificationInputs,
  ): Promise<CreatedNotificationState | undefined> {
    const entry = this.journal.find(urn);
    if (entry === undefined) return undefined;
    if (entry.id === undefined)
      throw new InterruptedCreateError({ ...entry, urn, journalFile: this.journal.fileOf(urn) });
    if ((await this.find(entry.id, {})) === undefined) {
      this.journal.forget(urn); // gone since (or removed in the console): create it anew
      return undefined;
    }
    this.reporter.warn(
      `Campaign ${entry.id} ("${entry.jobName}") was created at ${entry.startedAt} by a run that was ` +
        "interrupted before the stack recorded it: adopted, not created again.",
    );
    return this.adopt(entry.id, desired);
  }

  /** Forgets `urn`'s journal entry: the resource is gone from the stack, a later create is a new one. */
  forgetCreate(urn: string): void {
    this.journal.forget(urn);
  }

  /** Adopts an existing campaign; brings it in line with the inputs if it is a draft that differs. */
  private async adopt(adoptId: string, desired: NormalizedNotificationInputs): Promise<CreatedNotificationState> {
    const found = await this.find(adoptId, {});
    const plan = planAdopt(desired, found?.live, found && inputsFromWire(found.fetched.notification, desired));
    if (plan.kind === "refuse") throw refusalError(adoptId, plan.refusal);
    if (found === undefined) throw refusalError(adoptId, { reason: "adoptNotFound" }); // planned above
    let fetched = found.fetched;
    if (plan.steps.length > 0) {
      this.#recent.forget(adoptId);
      const target = { id: adoptId, jobName: desired.jobName, desired, status: found.live.status, record: {} };
      await this.executor().run(target, plan.steps);
      fetched = await this.client().getNotification(adoptId);
    }
    return { id: adoptId, state: stateFromLive(fetched, desired) };
  }

  /**
   * The campaign as Feishu holds it, or undefined if it no longer exists: read moments ago in this
   * operation (see RecentReads), or read now.
   */
  private async find(
    id: string,
    record: ApprovalRecord,
  ): Promise<{ readonly fetched: FetchedNotification; readonly live: LiveCampaign } | undefined> {
    const client = this.client();
    const fetched = this.#recent.get(id, client) ?? (await this.readNow(client, id));
    return fetched && { fetched, live: liveCampaignOf(fetched.notification, record, fetched.serverTime) };
  }

  /** A new read of the campaign, remembered for the questions about it that follow in this operation. */
  private async readNow(client: HelpdeskClient, id: string): Promise<FetchedNotification | undefined> {
    const fetched = await client.findNotification(id);
    if (fetched === undefined) this.#recent.forget(id);
    else this.#recent.remember(id, client, fetched);
    return fetched;
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
        cardText: renderCardText(known.pushContent),
      };
    }
  }

  private executor(): PlanExecutor {
    return new PlanExecutor(this.client(), this.reporter);
  }
}
