import type * as pulumi from "@pulumi/pulumi";
import { ClientSlot } from "../pulumi/client-slot";
import type { UncheckedInputs } from "../pulumi/input-check";
import { hostCancellation } from "../pulumi/host-cancel";
import { withQuietEcho } from "../pulumi/host-echo";
import { withoutProviderSource } from "../pulumi/provider-props";
import { EngineReporter } from "../pulumi/reporter";
import { splitUrn, URN_INPUT, withResource, withUrn } from "../pulumi/resource-context";
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
  readonly #reporter = new EngineReporter();
  readonly #slot = new ClientSlot(this.#reporter, hostCancellation());
  readonly #operations = new NotificationOperations(() => this.#slot.client, this.#reporter);

  /**
   * Runs an operation about the resource whose URN the inputs carry (see resource-context.ts):
   * its warnings go under that resource, the host's echo of its errors is dropped, and every
   * message is logged before the engine gets the answer.
   */
  async #about<T>(urn: unknown, call: () => Promise<T>): Promise<T> {
    try {
      return await withResource(urn, () => withQuietEcho(call));
    } finally {
      await this.#reporter.flush();
    }
  }

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
    // The resource's own URN (an input, see helpdesk-notification.ts) is no campaign field: the
    // checks never see it, and it rides along in the checked inputs for the calls that follow.
    const { urn, rest } = splitUrn(withoutProviderSource(news));
    const previous = splitUrn(olds).rest;
    const result = await settingsChecked(this.#slot, previous, this.#operations.check(previous, rest));
    if (result.inputs === undefined || urn === undefined) return result;
    return { inputs: { ...result.inputs, [URN_INPUT]: urn } as typeof result.inputs };
  }

  /** See {@link NotificationOperations.diff}. */
  async diff(
    id: string,
    olds: StoredNotification,
    news: NormalizedNotificationInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    // The URN is never a change: it is left out of the comparison.
    const { urn, rest } = splitUrn(news);
    return this.#about(urn, async () => {
      const diff = await this.#operations.diff(id, splitUrn(olds).rest, rest);
      // A change that did not read the campaign: verify the credentials now, so preview fails, not up.
      if (diff.changes && !diff.readLive) {
        const refused = await this.#slot.verifyCredentials();
        if (refused !== undefined) throw new FeishuConfigError(refused);
      }
      return { changes: diff.changes };
    });
  }

  /** See {@link NotificationOperations.create}. */
  async create(inputs: NormalizedNotificationInputs): Promise<pulumi.dynamic.CreateResult<StoredNotification>> {
    const { urn, rest } = splitUrn(inputs);
    const { id, state } = await this.#about(urn, () => this.#operations.create(rest));
    return { id, outs: withUrn(state, urn) };
  }

  /**
   * See {@link NotificationOperations.read}; an empty result drops the resource from the stack.
   * The URN comes from the outputs (kept there for this), or a lookup's inputs.
   */
  async read(id: string, props?: StoredNotification): Promise<pulumi.dynamic.ReadResult<StoredNotification>> {
    const { urn, rest } = props === undefined ? { urn: undefined, rest: undefined } : splitUrn(props);
    const read = await this.#about(urn, () => this.#operations.read(id, rest));
    return read === undefined
      ? {}
      : { id, props: withUrn(read.state, urn), inputs: withUrn(read.inputs, urn) as NormalizedNotificationInputs };
  }

  /** See {@link NotificationOperations.update}. */
  async update(
    id: string,
    olds: StoredNotification,
    news: NormalizedNotificationInputs,
  ): Promise<pulumi.dynamic.UpdateResult<StoredNotification>> {
    const { urn, rest } = splitUrn(news);
    return { outs: withUrn(await this.#about(urn, () => this.#operations.update(id, splitUrn(olds).rest, rest)), urn) };
  }

  /** See {@link NotificationOperations.delete}; its warnings go under the resource whose URN the outputs keep. */
  async delete(id: string, props: StoredNotification): Promise<void> {
    const { urn, rest } = splitUrn(props);
    await this.#about(urn, () => this.#operations.delete(id, rest));
  }
}
