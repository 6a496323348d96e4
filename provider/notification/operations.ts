import { cardInputFailures } from "../pulumi/card-input-check";
import type { HelpdeskClient } from "../client/helpdesk-client";
import type { PacedEndpoint } from "../client/pacing/pacer";
import type { UncheckedInputs } from "../pulumi/input-check";
import { type Reporter, silentReporter } from "../pulumi/reporter";
import { NotificationGoneError } from "./errors/gone-error";
import { InterruptedCreateError } from "./errors/interrupted-create-error";
import { NotificationOutcomeUnknownError } from "./errors/outcome-unknown-error";
import { refusalError } from "./errors/refusal-error";
import { PlanExecutor } from "./executor";
import { campaignFields, type NormalizedNotificationInputs } from "./fields";
import { CreateJournal } from "./journal/create-journal";
import { inputsFromWire } from "./mapping";
import { say } from "./messages";
import type {
  CreatedNotificationState,
  NotificationDiff,
  NotificationOperationsOptions,
  ReadNotificationState,
} from "./operation-results";
import { inputsOf, type NotificationState, type StoredNotification, stateFromLive } from "./outputs";
import { deleteReadsLive, planAdopt, planCreate, planDelete, planDiff, planDraftCheck, planUpdate } from "./planner";
import { RecentReads } from "./recent-reads";
import { checkNotificationInputs, type InputCheck } from "./check-inputs";
import type { ApprovalRecord } from "./stage";
import { previousInputsOf, recordOf, upgradeStoredState } from "./stored-state";

/**
 * A HelpdeskNotification's operations, whatever hosts them (the dynamic provider, or another
 * provider host): typed inputs and state in, typed results out. Each asks the planner
 * (planner.ts) what to do and has the executor (executor.ts) read, create and do it.
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
   * names the property on failure. A new resource, not adopted, announces its create to the quota.
   */
  check(olds: Partial<NormalizedNotificationInputs>, news: UncheckedInputs): InputCheck {
    const checked = this.checkInputs(olds, news, this.reporter);
    if (checked.ok && Object.keys(olds).length === 0 && checked.inputs.adoptId === undefined) this.expectCall("create");
    return checked;
  }

  /** {@link check} again, for a host that re-checks what it is handed: the same answer, told no one twice. */
  recheck(olds: Partial<NormalizedNotificationInputs>, news: UncheckedInputs): InputCheck {
    return this.checkInputs(olds, news, silentReporter);
  }

  /** The inputs' rules, then the card's, whose warnings go `to` a reporter. */
  private checkInputs(olds: Partial<NormalizedNotificationInputs>, news: UncheckedInputs, to: Reporter): InputCheck {
    const checked = checkNotificationInputs(news, olds);
    if (!checked.ok || typeof checked.inputs.pushContent !== "string") return checked;
    const failures = cardInputFailures(checked.inputs.pushContent, "pushContent", this.cardLimits(), to);
    return failures.length > 0 ? { ok: false, failures } : checked;
  }

  /**
   * Compares the inputs by meaning, and the lifecycle they ask for with where the campaign
   * stands. With no change it makes no API call; a change to the campaign itself reads the live
   * status, so a preview already fails when Feishu would refuse the update.
   */
  async diff(id: string, olds: StoredNotification, news: NormalizedNotificationInputs): Promise<NotificationDiff> {
    const stored = upgradeStoredState(olds);
    const plan = planDiff(stored, news);
    if (plan.kind === "refuse") throw refusalError(id, plan.refusal);
    if (plan.kind === "noChange") return { changes: false, callsFeishuUnproven: false, properties: [] };
    if (plan.confirmDraft) {
      const refusal = planDraftCheck(stored, await this.calls().find(id, {}));
      if (refusal) throw refusalError(id, refusal);
    }
    // The engine gets no detailed diff from a dynamic provider: say which lifecycle step is due.
    for (const step of plan.pending) this.reporter.warn(say.pending(id, stored.jobName, step));
    if (plan.properties.some((property) => property in campaignFields)) this.expectCall("patch");
    if (plan.properties.includes("sendAt")) this.expectCall("executeSend");
    // Every update reads the campaign, at least; a diff that read it has just proven the credentials.
    return { changes: true, callsFeishuUnproven: !plan.confirmDraft, properties: plan.properties };
  }

  /**
   * Creates the campaign as a draft (or adopts `adoptId`), then takes the lifecycle steps the
   * inputs ask for. Once the campaign exists nothing throws: a dynamic provider cannot record
   * half a create, so the next `pulumi up` would create (and schedule) a second one. A step that
   * fails is reported; the next `pulumi up` sees it pending and retries.
   */
  async create(desired: NormalizedNotificationInputs, urn?: string): Promise<CreatedNotificationState> {
    if (desired.adoptId !== undefined) return this.adopt(desired.adoptId, desired);
    const recovered = urn === undefined ? undefined : await this.recoverInterrupted(urn, desired);
    if (recovered !== undefined) return recovered;
    // The intent is on disk before the POST, the id as soon as it is known: a run killed in
    // between leaves the next run a trace, where it would otherwise post a second campaign.
    const intent = { urn: urn ?? "", jobName: desired.jobName, startedAt: new Date().toISOString() };
    const calls = this.calls();
    const created = await calls
      .create(desired, urn === undefined ? undefined : () => this.journal.write(intent))
      .catch((error: unknown) => {
        // Provably not created, unless its outcome is unknown: then the entry stays for the next run.
        if (urn !== undefined && !NotificationOutcomeUnknownError.isInstance(error)) this.journal.forget(urn);
        throw error;
      });
    const id = created.notificationId;
    if (urn !== undefined) this.journal.write({ ...intent, id });
    const target = { id, jobName: desired.jobName, desired, status: created.status, record: {} };
    let record: ApprovalRecord;
    try {
      record = (await calls.run(target, planCreate(desired, created.status))).record;
    } catch (error) {
      this.reporter.warn(say.createdButStepFailed(id, desired.jobName, error));
      record = { approvalSubmitted: desired.approval !== undefined };
    }
    return { id, state: await calls.stateAfterWrite(target, created.status, record) };
  }

  /**
   * `pulumi refresh`: the live campaign, with its inputs. Undefined, with a warning, for a
   * campaign that no longer exists. `stored` undefined: nothing is known of it yet (a lookup, or
   * `pulumi import`), and a campaign Feishu does not have fails, naming `lookedUpBy` in the hint.
   */
  async read(id: string, stored: undefined, lookedUpBy: string): Promise<ReadNotificationState>;
  async read(
    id: string,
    stored: StoredNotification | undefined,
    lookedUpBy?: string,
  ): Promise<ReadNotificationState | undefined>;
  async read(
    id: string,
    stored: StoredNotification | undefined,
    lookedUpBy = "HelpdeskNotification.get",
  ): Promise<ReadNotificationState | undefined> {
    // A lookup (`HelpdeskNotification.get`) has nothing stored: every field comes from Feishu.
    const previous = previousInputsOf(stored);
    // Refresh is where the truth is fetched: always a new read (kept for the Diff that follows it).
    const fetched = await this.calls().readNow(id);
    if (fetched === undefined && stored?.notificationId === undefined) {
      // A lookup of a campaign that is not there is the program's mistake, not drift to drop.
      throw new NotificationGoneError({
        notificationId: id,
        jobName: previous.jobName,
        hint: `Check the id given to ${lookedUpBy}: it names no campaign of this helpdesk.`,
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
  async update(
    id: string,
    olds: StoredNotification,
    desired: NormalizedNotificationInputs,
  ): Promise<NotificationState> {
    const stored = upgradeStoredState(olds);
    const calls = this.calls();
    const plan = planUpdate(stored, desired, await calls.find(id, recordOf(stored)));
    if (plan.kind === "refuse") throw refusalError(id, plan.refusal);
    const { found } = plan;
    const jobName = found.jobName ?? stored.jobName;
    const target = { id, jobName, desired, status: found.status, record: recordOf(stored) };
    const outcome = await calls.run(target, plan.steps);
    return calls.stateAfterWrite(target, outcome.status ?? found.status, outcome.record);
  }

  /**
   * Feishu has no API to delete a push campaign. What removing one does is `onDelete` (see
   * planDelete). A refusal to cancel means nothing was left to cancel: the resource still goes.
   */
  async delete(id: string, olds: StoredNotification): Promise<void> {
    const state = upgradeStoredState(olds);
    const calls = this.calls();
    const found = deleteReadsLive(state) ? await calls.find(id, recordOf(state)) : undefined;
    const status = typeof state.status === "number" ? state.status : undefined;
    const steps = planDelete({ onDelete: state.onDelete, status }, found);
    const jobName = state.jobName ?? "";
    const target = { id, jobName, desired: state, status: found?.status ?? status, record: recordOf(state) };
    await calls.run(target, steps);
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
    if ((await this.calls().find(entry.id, {})) === undefined) {
      this.journal.forget(urn); // gone since (or removed in the console): create it anew
      return undefined;
    }
    this.reporter.warn(say.adoptedAfterInterruption(entry.id, entry.jobName, entry.startedAt));
    return this.adopt(entry.id, desired);
  }

  /** Forgets `urn`'s journal entry: the resource is gone from the stack, a later create is a new one. */
  forgetCreate(urn: string): void {
    this.journal.forget(urn);
  }

  /** Adopts an existing campaign; brings it in line with the inputs if it is a draft that differs. */
  private async adopt(adoptId: string, desired: NormalizedNotificationInputs): Promise<CreatedNotificationState> {
    const calls = this.calls();
    const found = await calls.find(adoptId, {});
    const plan = planAdopt(desired, found, found && inputsFromWire(found.fetched.notification, desired));
    if (plan.kind === "refuse") throw refusalError(adoptId, plan.refusal);
    if (plan.steps.length === 0) return { id: adoptId, state: stateFromLive(plan.found.fetched, desired) };
    const target = { id: adoptId, jobName: desired.jobName, desired, status: plan.found.status, record: {} };
    await calls.run(target, plan.steps);
    return { id: adoptId, state: stateFromLive(await calls.readBack(adoptId), desired) };
  }

  /** The executor of this operation's calls, with the client as configured now. */
  private calls(): PlanExecutor {
    return new PlanExecutor(this.client(), this.reporter, this.#recent);
  }
}
