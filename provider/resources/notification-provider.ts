import type * as pulumi from "@pulumi/pulumi";
import { FeishuApiError } from "../client/errors/feishu-api-error";
import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { NotificationNotDraftError } from "../client/errors/notification-not-draft-error";
import { type FetchedNotification, HelpdeskClient, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { describeWait } from "../client/pacing/pacer";
import { changedProperties, isUnknown, pendingLifecycleSteps } from "../notification/compare";
import type { NormalizedNotificationInputs } from "../notification/inputs";
import { inputsFromWire, toWireBody } from "../notification/mapping";
import { checkNotificationInputs } from "../notification/schema";
import { type ApprovalRecord, stageOf } from "../notification/stage";
import { inputsOf, type NotificationState, stateFromLive } from "./notification-outputs";
import { clientOptionsFrom } from "./provider-settings";

const NOT_FOUND = 154004;

/** Stored inputs/outputs may come from older versions of this provider: fill what they lack. */
function previousInputs(props: Record<string, unknown>): NormalizedNotificationInputs {
  const p = props as Partial<NormalizedNotificationInputs>;
  return {
    ...(p as NormalizedNotificationInputs),
    newStaffDepartments: p.newStaffDepartments ?? [],
    users: p.users ?? [],
    departments: p.departments ?? [],
    chats: p.chats ?? [],
  };
}

/** The review the provider recorded in the last outputs. */
function recordOf(props: Record<string, unknown>): ApprovalRecord {
  return { approvalSubmitted: props.approvalSubmitted === true, approvalGranted: props.approvalGranted === true };
}

/** A warning in the `pulumi up` output: the dynamic provider's stderr reaches the engine. */
function warn(message: string): void {
  console.warn(`warning: ${message}`);
}

/** A Feishu refusal (4xx) rather than a failure: a lifecycle step it refuses is reported, not fatal. */
function isRefusal(error: unknown): error is FeishuApiError {
  return FeishuApiError.isInstance(error) && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/**
 * Says why calls are slow, at most once per endpoint every 5 s: with 40 campaigns queued for
 * create slots, one line is news and forty are noise.
 */
function progressReporter(): Pick<HelpdeskClientOptions, "onWait" | "onRetry"> {
  const lastSaid = new Map<string, number>();
  const say = (key: string, message: string) => {
    const now = Date.now();
    if (now - (lastSaid.get(key) ?? 0) < 5000) return;
    lastSaid.set(key, now);
    console.error(`info: ${message}`);
  };
  return {
    onWait: (notice) => say(`wait ${notice.endpoint}`, describeWait(notice)),
    onRetry: (notice) =>
      say(
        `retry ${notice.endpoint}`,
        `retrying ${notice.endpoint} in ${(notice.afterMs / 1000).toFixed(1)}s (attempt ${notice.attempt} failed: ${notice.error.message})`,
      ),
  };
}

/**
 * The HelpdeskNotification provider. One instance per provider process, shared by every resource,
 * so the client (connections, pacing, token cache) is shared too.
 */
export class NotificationProvider implements pulumi.dynamic.ResourceProvider {
  // #private: the options hold credentials; keep them out of console.log and util.inspect.
  #options: HelpdeskClientOptions | undefined;
  #client: HelpdeskClient | undefined;

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#options = clientOptionsFrom(req.config);
    this.#client = undefined;
  }

  /** Validates every request-body rule before any API call; names the property on failure. */
  async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const { __provider: _, ...raw } = news;
    const result = checkNotificationInputs(raw, olds);
    return result.ok ? { inputs: { ...result.inputs } } : { failures: [...result.failures] };
  }

  /**
   * Compares the campaign's inputs by meaning, and the lifecycle it asks for with where the
   * campaign stands. With no change it makes no API call. A change to the campaign itself reads
   * the live status, so a preview already fails when Feishu would refuse the update.
   */
  async diff(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<pulumi.dynamic.DiffResult> {
    const changed = changedProperties(olds, news);
    const settingsChanged = olds.onDelete !== news.onDelete || olds.cancelToEdit !== news.cancelToEdit;
    const steps = pendingLifecycleSteps(olds, news);
    if (changed.length === 0 && steps.length === 0 && !settingsChanged) return { changes: false };
    if (steps.includes("sendAt") && (olds.stage === "sending" || olds.stage === "sent")) {
      throw new Error(
        `Push campaign ${id} ("${String(olds.jobName)}") already went out (stage ${String(olds.stage)}, sent at ` +
          `${new Date(Number(olds.sendAt)).toISOString()}); a new sendAt would send it a second time. Keep sendAt as it ` +
          "was, or declare a new campaign for a new send.",
      );
    }
    // A value only unknown during preview may turn out the same; the diff at apply time, with
    // known values, and update itself check the live status then.
    if (
      changed.length === 0 ||
      changed.every((property) => isUnknown(news[property])) ||
      news.cancelToEdit === true ||
      isUnknown(news.cancelToEdit)
    ) {
      return { changes: true };
    }
    await this.liveDraft(id, String(olds.jobName ?? ""));
    return { changes: true, replaces: [], deleteBeforeReplace: false };
  }

  async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const desired = previousInputs(inputs);
    if (desired.adoptId !== undefined) return this.adopt(desired.adoptId, desired);
    const created = await this.api().createNotification(toWireBody(desired));
    // The campaign exists now, and a dynamic provider cannot record half a create: from here on
    // nothing may throw, or the next `pulumi up` would create (and schedule) a second one. A
    // lifecycle step that fails is reported; the next `pulumi up` sees it pending and retries.
    let record: ApprovalRecord = {};
    try {
      record = await this.advanceLifecycle(created.notificationId, desired, { status: created.status }, {});
    } catch (error) {
      warn(
        `push campaign ${created.notificationId} was created, but a lifecycle step failed (${(error as Error).message}). It is recorded in the stack; run \`pulumi refresh\` and \`pulumi up\` to finish.`,
      );
      record = { approvalSubmitted: desired.approval !== undefined };
    }
    return {
      id: created.notificationId,
      outs: await this.stateAfterWrite(created.notificationId, desired, created.status, record),
    };
  }

  /** `pulumi refresh`: the live campaign, with its inputs, so later diffs compare with reality. */
  async read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    let fetched: FetchedNotification;
    try {
      fetched = await this.api().getNotification(id);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === NOT_FOUND) {
        warn(`push campaign ${id} no longer exists in Feishu (code ${NOT_FOUND}); removing it from the stack.`);
        return {};
      }
      throw error;
    }
    const state = stateFromLive(fetched, previousInputs(props), recordOf(props));
    return { id, props: { ...state }, inputs: { ...inputsOf(state) } };
  }

  /**
   * PATCH only while the campaign is a draft (the live status is read first); with
   * `cancelToEdit`, a campaign under review is withdrawn, edited and submitted again. Then the
   * lifecycle the inputs ask for: submit for review, schedule.
   */
  async update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<pulumi.dynamic.UpdateResult> {
    const desired = previousInputs(news);
    let record = recordOf(olds);
    let live = (await this.fetch(id, String(olds.jobName ?? ""))).notification;
    if (changedProperties(olds, news).length > 0) {
      if (live.status !== 0) {
        if (!desired.cancelToEdit)
          throw new NotificationNotDraftError({
            notificationId: id,
            jobName: live.job_name ?? String(olds.jobName),
            status: live.status,
          });
        if (live.send_at) {
          throw new Error(
            `Cannot edit push campaign ${id} ("${live.job_name}"): it is scheduled for ${new Date(Number(live.send_at)).toISOString()} ` +
              `(status ${live.status}). cancelToEdit only withdraws a review; a scheduled send must be cancelled first ` +
              '(remove the resource with onDelete: "cancel", or cancel it in the Helpdesk console). Nothing was changed.',
          );
        }
        await this.api().cancelApproval(id);
        record = {};
        try {
          await this.api().patchNotification(id, toWireBody(desired));
        } catch (error) {
          // The review is withdrawn but the edit failed: put the campaign back up for review
          // rather than leave a draft the state says is submitted (its diff would then be empty).
          const resubmitted = desired.approval
            ? await this.api()
                .submitApproval(id, desired.approval.reason)
                .then(
                  () => true,
                  () => false,
                )
            : false;
          throw new Error(
            `Push campaign ${id}: its review was withdrawn to edit it, but the edit failed (${(error as Error).message}). ` +
              (resubmitted
                ? "It was submitted for review again, unchanged."
                : "It is now a draft: run `pulumi refresh`, then `pulumi up` to edit and submit it again."),
          );
        }
      } else {
        await this.api().patchNotification(id, toWireBody(desired));
      }
      live = { ...live, status: 0 };
    }
    record = await this.advanceLifecycle(id, desired, live, record);
    return { outs: await this.stateAfterWrite(id, desired, live.status, record) };
  }

  /**
   * Feishu has no API to delete a push campaign. What removing one does is `onDelete`:
   * `retain` calls nothing; `cancel` (the default) withdraws a pending review, cancels a
   * scheduled send or stops one in progress; `recall` also recalls what was delivered.
   */
  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    const policy = (props.onDelete as string | undefined) ?? "cancel";
    const name = `push campaign ${id} ("${String(props.jobName ?? "")}")`;
    const stays = "Feishu has no API to delete a push campaign, so it stays in the Helpdesk console";
    if (policy === "retain") {
      const status = typeof props.status === "number" ? props.status : undefined;
      const draft =
        status === 0
          ? "It is a draft: it will not be sent unless someone submits it for approval there."
          : `Its last seen status was ${status ?? "unknown"} (not a draft), and onDelete is "retain": nothing was cancelled.`;
      return warn(`${name} was removed from the stack. ${stays}. ${draft}`);
    }
    let fetched: FetchedNotification;
    try {
      fetched = await this.api().getNotification(id);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === NOT_FOUND) return;
      throw error;
    }
    const live = fetched.notification;
    const stage = stageOf(live, recordOf(props));
    if (live.status === 0)
      return warn(
        `${name} was removed from the stack. ${stays}. It is a draft: it will not be sent unless someone submits it there.`,
      );
    // "sent" is certain only when Feishu counts targets; a chats-only push may still be going out.
    if (stage === "sent" && policy === "cancel" && (live.target_user_count ?? 0) > 0) {
      return warn(
        `${name} was removed from the stack. It was already sent; its messages stay (onDelete: "recall" would recall them).`,
      );
    }
    // A refusal means there is nothing left to cancel (cancelled in the console, or by an
    // earlier attempt whose answer was lost): the resource must still be able to go.
    const refused = (error: unknown) => {
      if (!isRefusal(error)) throw error;
      warn(
        `${name} was removed from the stack; Feishu refused to cancel it (code ${error.code} "${error.feishuMessage}", request id ${error.logId ?? "not given"}), which means it was already cancelled or finished. Status seen: ${live.status}.`,
      );
      return false;
    };
    if (live.send_at) {
      const cancelled = await this.api()
        .cancelSend(id, policy === "recall")
        .then(() => true, refused);
      if (cancelled)
        warn(
          `${name} was removed from the stack: its send was cancelled${policy === "recall" ? " and its delivered messages recalled" : ""}; it stays in the console.`,
        );
      return;
    }
    const withdrawn = await this.api()
      .cancelApproval(id)
      .then(() => true, refused);
    if (withdrawn)
      warn(`${name} was removed from the stack: its review was withdrawn, and it stays in the console as a draft.`);
  }

  private api(): HelpdeskClient {
    this.#client ??= new HelpdeskClient({
      ...(this.#options ?? clientOptionsFrom({ get: () => undefined })),
      ...progressReporter(),
    });
    return this.#client;
  }

  /** Reads the campaign; a campaign that is gone gets a message saying how to recover. */
  private async fetch(id: string, jobName: string): Promise<FetchedNotification> {
    try {
      return await this.api().getNotification(id);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === NOT_FOUND) {
        throw new Error(
          `Push campaign ${id} ("${jobName}") no longer exists in Feishu (code ${NOT_FOUND}, request id ${error.logId ?? "not given"}). ` +
            "Run `pulumi refresh` to drop it from the stack; the next `pulumi up` then creates it again.",
        );
      }
      throw error;
    }
  }

  /** Reads the campaign and throws the refusal unless it is a draft. */
  private async liveDraft(id: string, jobName: string): Promise<FetchedNotification> {
    const fetched = await this.fetch(id, jobName);
    const { status } = fetched.notification;
    if (status !== 0)
      throw new NotificationNotDraftError({
        notificationId: id,
        jobName: fetched.notification.job_name ?? jobName,
        status,
      });
    return fetched;
  }

  /**
   * Takes the lifecycle steps the inputs ask for: submit a draft for review (`approval`), then
   * schedule it (`sendAt`). A step Feishu refuses, typically scheduling before the helpdesk
   * owner has approved, is reported as a warning; the next `pulumi up` tries again.
   */
  private async advanceLifecycle(
    id: string,
    desired: NormalizedNotificationInputs,
    live: { status: number; send_at?: string },
    record: ApprovalRecord,
  ): Promise<ApprovalRecord> {
    let status = live.status;
    try {
      if (desired.approval !== undefined && status === 0) {
        const { hasAccess } = await this.api().submitApproval(id, desired.approval.reason);
        record = { approvalSubmitted: true, approvalGranted: hasAccess };
        status = -1; // no longer a draft; the number is not known until the next read
        if (!hasAccess)
          warn(
            `push campaign ${id} was submitted for review; the helpdesk owner must approve it before it can be scheduled.`,
          );
      }
      if (desired.sendAt !== undefined && desired.sendAt !== live.send_at && status !== 0) {
        await this.api().executeSend(id, Number(desired.sendAt));
      }
    } catch (error) {
      if (!isRefusal(error)) throw error;
      warn(
        `push campaign ${id}: Feishu refused a lifecycle step (HTTP ${error.status}, code ${error.code} "${error.feishuMessage}", ` +
          `request id ${error.logId ?? "not given"}). ${record.approvalGranted ? "" : "It is probably still waiting for the helpdesk owner's approval. "}` +
          "Run `pulumi up` again to retry.",
      );
    }
    return record;
  }

  /** Adopts an existing campaign; brings it in line with the inputs if it is a draft that differs. */
  private async adopt(adoptId: string, desired: NormalizedNotificationInputs): Promise<pulumi.dynamic.CreateResult> {
    let fetched: FetchedNotification;
    try {
      fetched = await this.api().getNotification(adoptId);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === NOT_FOUND) {
        throw new Error(
          `adoptId: there is no push campaign ${adoptId} to adopt (Feishu code ${NOT_FOUND}); check the id.`,
        );
      }
      throw error;
    }
    const differences = changedProperties(inputsFromWire(fetched.notification, desired), desired);
    if (differences.length > 0) {
      if (fetched.notification.status !== 0) {
        throw new Error(
          `adoptId: push campaign ${adoptId} ("${fetched.notification.job_name}") differs from these inputs ` +
            `(${differences.join(", ")}), and Feishu reports status ${fetched.notification.status}: only drafts (status 0) ` +
            "can be edited. Nothing was changed or adopted. Make the inputs match the campaign as it is, or adopt a draft.",
        );
      }
      await this.api().patchNotification(adoptId, toWireBody(desired));
      fetched = await this.api().getNotification(adoptId);
    }
    return { id: adoptId, outs: { ...stateFromLive(fetched, desired) } };
  }

  /**
   * Full outputs after a create or update, from a fresh GET. The write already succeeded, so if
   * the GET fails the resource is still recorded (with what is known) rather than lost.
   */
  private async stateAfterWrite(
    id: string,
    desired: NormalizedNotificationInputs,
    status: number,
    record: ApprovalRecord,
  ): Promise<NotificationState> {
    try {
      return stateFromLive(await this.api().getNotification(id), desired, record);
    } catch (error) {
      const why = FeishuHelpdeskError.isInstance(error) ? error.message : String(error);
      warn(
        `push campaign ${id} was written, but reading it back failed (${why}); run \`pulumi refresh\` to fill in its server fields.`,
      );
      const { sendAt: _, ...known } = desired;
      return {
        ...known,
        notificationId: id,
        status,
        isDraft: status === 0,
        stage: status === 0 ? "draft" : "unknown",
        ...record,
      };
    }
  }
}
