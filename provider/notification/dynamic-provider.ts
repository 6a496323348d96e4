import type * as pulumi from "@pulumi/pulumi";
import { ClientSlot } from "../pulumi/client-slot";
import type { UncheckedInputs } from "../pulumi/input-check";
import { hostCancellation } from "../pulumi/host-cancel";
import { withQuietEcho } from "../pulumi/host-echo";
import { withoutProviderSource } from "../pulumi/provider-props";
import { consoleReporter } from "../pulumi/reporter";
import { clientOptionsFrom } from "../pulumi/settings";
import type { NormalizedNotificationInputs } from "./fields";
import { NotificationOperations } from "./operations";
import type { StoredNotification } from "./outputs";

/**
 * The HelpdeskNotification provider as `pulumi.dynamic` calls it: a thin adapter from its call
 * shapes to {@link NotificationOperations}. One instance per provider process, shared by every
 * resource, so the client (connections, pacing, token cache) is shared too.
 */
export class NotificationDynamicProvider implements pulumi.dynamic.ResourceProvider<
  NormalizedNotificationInputs,
  StoredNotification
> {
  readonly #slot = new ClientSlot(consoleReporter);
  readonly #operations = new NotificationOperations(() => this.#slot.client, consoleReporter);

  /** Takes the settings from the stack config (environment variables as fallback). */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#slot.configure({ ...clientOptionsFrom(req.config), signal: hostCancellation() });
  }

  /** See {@link NotificationOperations.check}. `news` are the program's values, not yet checked. */
  async check(
    olds: Partial<NormalizedNotificationInputs>,
    news: UncheckedInputs,
  ): Promise<pulumi.dynamic.CheckResult<NormalizedNotificationInputs>> {
    const result = this.#operations.check(olds, withoutProviderSource(news));
    return result.ok ? { inputs: result.inputs } : { failures: [...result.failures] };
  }

  /** See {@link NotificationOperations.diff}. */
  async diff(
    id: string,
    olds: StoredNotification,
    news: NormalizedNotificationInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return withQuietEcho(async () => ({ changes: (await this.#operations.diff(id, olds, news)).changes }));
  }

  /** See {@link NotificationOperations.create}. */
  async create(inputs: NormalizedNotificationInputs): Promise<pulumi.dynamic.CreateResult<StoredNotification>> {
    const { id, state } = await this.#operations.create(inputs);
    return { id, outs: state };
  }

  /** See {@link NotificationOperations.read}; an empty result drops the resource from the stack. */
  async read(id: string, props?: StoredNotification): Promise<pulumi.dynamic.ReadResult<StoredNotification>> {
    const read = await withQuietEcho(() => this.#operations.read(id, props));
    return read === undefined ? {} : { id, props: read.state, inputs: read.inputs };
  }

  /** See {@link NotificationOperations.update}. */
  async update(
    id: string,
    olds: StoredNotification,
    news: NormalizedNotificationInputs,
  ): Promise<pulumi.dynamic.UpdateResult<StoredNotification>> {
    return { outs: await this.#operations.update(id, olds, news) };
  }

  /** See {@link NotificationOperations.delete}. */
  async delete(id: string, props: StoredNotification): Promise<void> {
    await withQuietEcho(() => this.#operations.delete(id, props));
  }
}
