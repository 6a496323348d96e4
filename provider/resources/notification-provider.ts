import type * as pulumi from "@pulumi/pulumi";
import { FeishuApiError } from "../client/errors/feishu-api-error";
import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { NotificationNotDraftError } from "../client/errors/notification-not-draft-error";
import { HelpdeskClient, type FetchedNotification, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { describeWait } from "../client/pacing/pacer";
import { changedProperties, isUnknown } from "../notification/compare";
import type { NormalizedNotificationInputs } from "../notification/inputs";
import { inputsFromWire, toWireBody } from "../notification/mapping";
import { checkNotificationInputs } from "../notification/schema";
import { inputsOf, stateFromLive, type NotificationState } from "./notification-outputs";
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

/** A warning in the `pulumi up` output: the dynamic provider's stderr reaches the engine. */
function warn(message: string): void {
  console.warn(`warning: ${message}`);
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
      say(`retry ${notice.endpoint}`, `retrying ${notice.endpoint} in ${(notice.afterMs / 1000).toFixed(1)}s (attempt ${notice.attempt} failed: ${notice.error.message})`),
  };
}

/**
 * The HelpdeskNotification provider. One instance per provider process, shared by every resource,
 * so the client (connections, token cache) is shared too.
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
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const { __provider: _, ...raw } = news;
    const result = checkNotificationInputs(raw);
    return result.ok ? { inputs: { ...result.inputs } } : { failures: [...result.failures] };
  }

  /**
   * Compares only the campaign's inputs, by meaning. With no change it makes no API call. With a
   * change it reads the live status, so a preview already fails when Feishu would refuse the update.
   */
  async diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const changed = changedProperties(olds, news);
    if (changed.length === 0) return { changes: false };
    // A value only unknown during preview may turn out the same: the diff at apply time, with
    // known values, and update itself check the live status then. Failing the preview of the
    // whole stack for a change that may not exist would be wrong.
    if (changed.every((property) => isUnknown(news[property]))) return { changes: true };
    await this.liveDraft(id, String(olds.jobName ?? ""));
    return { changes: true, replaces: [], deleteBeforeReplace: false };
  }

  async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const desired = previousInputs(inputs);
    if (desired.adoptId !== undefined) return this.adopt(desired.adoptId, desired);
    const created = await this.api().createNotification(toWireBody(desired));
    return { id: created.notificationId, outs: await this.stateAfterWrite(created.notificationId, desired, created.status) };
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
    const state = stateFromLive(fetched, previousInputs(props));
    return { id, props: { ...state }, inputs: { ...inputsOf(state) } };
  }

  /** PATCH, only while the campaign is a draft: the live status is read first. */
  async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    await this.liveDraft(id, String(olds.jobName ?? ""));
    const desired = previousInputs(news);
    await this.api().patchNotification(id, toWireBody(desired));
    return { outs: await this.stateAfterWrite(id, desired, 0) };
  }

  /**
   * Feishu has no API to delete a push campaign. Removing one from the stack leaves it in the
   * Helpdesk console as it is, and says so; no API call is made.
   */
  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    const status = typeof props.status === "number" ? props.status : undefined;
    const draft = status === 0
      ? "It is a draft: it will not be sent unless someone submits it for approval there."
      : `Its last seen status was ${status ?? "unknown"} (not a draft): withdraw or cancel it in the Helpdesk console if it must not go out.`;
    warn(
      `push campaign ${id} ("${String(props.jobName ?? "")}") was removed from the stack, but Feishu has no API to ` +
        `delete a push campaign, so it stays in the Helpdesk console. ${draft}`,
    );
  }

  private api(): HelpdeskClient {
    this.#client ??= new HelpdeskClient({ ...(this.#options ?? clientOptionsFrom({ get: () => undefined })), ...progressReporter() });
    return this.#client;
  }

  /** Reads the campaign and throws the refusal unless it is a draft. */
  private async liveDraft(id: string, jobName: string): Promise<FetchedNotification> {
    let fetched: FetchedNotification;
    try {
      fetched = await this.api().getNotification(id);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === NOT_FOUND) {
        throw new Error(
          `Push campaign ${id} ("${jobName}") no longer exists in Feishu (code ${NOT_FOUND}, request id ${error.logId ?? "not given"}). ` +
            "Run `pulumi refresh` to drop it from the stack; the next `pulumi up` then creates it again.",
        );
      }
      throw error;
    }
    const { status } = fetched.notification;
    if (status !== 0) {
      throw new NotificationNotDraftError({ notificationId: id, jobName: fetched.notification.job_name ?? jobName, status });
    }
    return fetched;
  }

  /** Adopts an existing campaign; brings it in line with the inputs if it is a draft that differs. */
  private async adopt(adoptId: string, desired: NormalizedNotificationInputs): Promise<pulumi.dynamic.CreateResult> {
    let fetched: FetchedNotification;
    try {
      fetched = await this.api().getNotification(adoptId);
    } catch (error) {
      if (FeishuApiError.isInstance(error) && error.code === NOT_FOUND) {
        throw new Error(`adoptId: there is no push campaign ${adoptId} to adopt (Feishu code ${NOT_FOUND}); check the id.`);
      }
      throw error;
    }
    const differs = changedProperties(inputsFromWire(fetched.notification, desired), desired).length > 0;
    if (differs) {
      if (fetched.notification.status !== 0) {
        throw new Error(
          `adoptId: push campaign ${adoptId} ("${fetched.notification.job_name}") differs from these inputs ` +
            `(${changedProperties(inputsFromWire(fetched.notification, desired), desired).join(", ")}), and Feishu reports status ` +
            `${fetched.notification.status}: only drafts (status 0) can be edited. Nothing was changed or adopted. ` +
            "Make the inputs match the campaign as it is, or adopt a draft.",
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
  private async stateAfterWrite(id: string, desired: NormalizedNotificationInputs, status: number): Promise<NotificationState> {
    try {
      return stateFromLive(await this.api().getNotification(id), desired);
    } catch (error) {
      const why = FeishuHelpdeskError.isInstance(error) ? error.message : String(error);
      warn(`push campaign ${id} was written, but reading it back failed (${why}); run \`pulumi refresh\` to fill in its server fields.`);
      return { ...desired, notificationId: id, status, isDraft: status === 0 };
    }
  }
}
