import type * as pulumi from "@pulumi/pulumi";
import { dynamicCheckResult } from "../pulumi/dynamic-check";
import type { UncheckedInputs } from "../pulumi/input-check";
import { ProviderScope } from "../pulumi/provider-scope";
import { splitUrn, withUrn } from "../pulumi/resource-context";
import { gatherSettings } from "../pulumi/settings";
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
  readonly #scope = new ProviderScope();
  readonly #operations = new NotificationOperations(this.#scope.client, this.#scope.reporter, {
    expectCall: this.#scope.expectCall,
    cardLimits: this.#scope.cardLimits,
  });

  /**
   * Takes the settings from the stack config (environment variables as fallback), or from an
   * explicit FeishuHelpdeskProvider's arguments alone.
   */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#scope.configure(gatherSettings(req.config));
  }

  /** See {@link NotificationOperations.check}. `news` are the program's values, not yet checked. */
  async check(
    olds: Partial<NormalizedNotificationInputs>,
    news: UncheckedInputs,
  ): Promise<pulumi.dynamic.CheckResult<NormalizedNotificationInputs>> {
    // The resource's own URN is no field of it: the checks never see it (see provider-scope.ts).
    return dynamicCheckResult(
      await this.#scope.check(olds, news, (previous, rest) => this.#operations.check(previous, rest)),
    );
  }

  /** See {@link NotificationOperations.diff}. */
  async diff(
    id: string,
    olds: StoredNotification,
    news: NormalizedNotificationInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    // The URN is never a change: it is left out of the comparison.
    const { urn, rest } = splitUrn(news);
    const diff = await this.#scope.diff(urn, "configured", () => this.#operations.diff(id, splitUrn(olds).rest, rest));
    return { changes: diff.changes };
  }

  /** See {@link NotificationOperations.create}. */
  async create(inputs: NormalizedNotificationInputs): Promise<pulumi.dynamic.CreateResult<StoredNotification>> {
    const { urn, rest } = splitUrn(inputs);
    const { id, state } = await this.#scope.forResource(urn, () =>
      this.#operations.create(rest, typeof urn === "string" ? urn : undefined),
    );
    return { id, outs: withUrn(state, urn) };
  }

  /**
   * See {@link NotificationOperations.read}; an empty result drops the resource from the stack.
   * The URN comes from the outputs (kept there for this), or a lookup's inputs.
   */
  async read(id: string, props?: StoredNotification): Promise<pulumi.dynamic.ReadResult<StoredNotification>> {
    const { urn, rest } = props === undefined ? { urn: undefined, rest: undefined } : splitUrn(props);
    const read = await this.#scope.forResource(urn, () => this.#operations.read(id, rest));
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
    return {
      outs: withUrn(
        await this.#scope.forResource(urn, () => this.#operations.update(id, splitUrn(olds).rest, rest)),
        urn,
      ),
    };
  }

  /** See {@link NotificationOperations.delete}; its warnings go under the resource whose URN the outputs keep. */
  async delete(id: string, props: StoredNotification): Promise<void> {
    const { urn, rest } = splitUrn(props);
    await this.#scope.forResource(urn, () => this.#operations.delete(id, rest));
    if (typeof urn === "string") this.#operations.forgetCreate(urn);
  }
}
