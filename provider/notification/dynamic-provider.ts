import type * as pulumi from "@pulumi/pulumi";
import { ClientSlot } from "../pulumi/client-slot";
import type { UncheckedInputs } from "../pulumi/input-check";
import { withoutProviderSource } from "../pulumi/provider-props";
import { consoleReporter } from "../pulumi/reporter";
import { gatherSettings } from "../pulumi/settings";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { settingsChecked } from "../pulumi/settings-check";
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

  /**
   * Takes the settings from the stack config (environment variables as fallback), or from an
   * explicit FeishuHelpdeskProvider's arguments alone.
   */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#slot.configure(gatherSettings(req.config));
  }

  /** See {@link NotificationOperations.check}. `news` are the program's values, not yet checked. */
  async check(
    olds: Partial<NormalizedNotificationInputs>,
    news: UncheckedInputs,
  ): Promise<pulumi.dynamic.CheckResult<NormalizedNotificationInputs>> {
    const result = this.#operations.check(olds, withoutProviderSource(news));
    return settingsChecked(this.#slot, olds, result);
  }

  /** See {@link NotificationOperations.diff}. */
  async diff(
    id: string,
    olds: StoredNotification,
    news: NormalizedNotificationInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    const diff = await this.#operations.diff(id, olds, news);
    // A change that did not read the campaign: verify the credentials now, so preview fails, not up.
    if (diff.changes && !diff.readLive) {
      const refused = await this.#slot.verifyCredentials();
      if (refused !== undefined) throw new FeishuConfigError(refused);
    }
    return { changes: diff.changes };
  }

  /** See {@link NotificationOperations.create}. */
  async create(inputs: NormalizedNotificationInputs): Promise<pulumi.dynamic.CreateResult<StoredNotification>> {
    const { id, state } = await this.#operations.create(inputs);
    return { id, outs: state };
  }

  /** See {@link NotificationOperations.read}; an empty result drops the resource from the stack. */
  async read(id: string, props?: StoredNotification): Promise<pulumi.dynamic.ReadResult<StoredNotification>> {
    const read = await this.#operations.read(id, props);
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
    await this.#operations.delete(id, props);
  }
}
