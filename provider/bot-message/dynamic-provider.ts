import type * as pulumi from "@pulumi/pulumi";
import { dynamicCheckResult } from "../pulumi/dynamic-check";
import type { UncheckedInputs } from "../pulumi/input-check";
import { ProviderScope } from "../pulumi/provider-scope";
import { splitUrn, withUrn } from "../pulumi/resource-context";
import { gatherSettings } from "../pulumi/settings";
import { type BotMessageState, BotMessageOperations } from "./operations";
import type { NormalizedBotMessageInputs } from "./check-inputs";

/**
 * The HelpdeskBotMessage provider as `pulumi.dynamic` calls it: a thin adapter from its call
 * shapes to {@link BotMessageOperations}. Its warnings go to the engine under the resource, as
 * HelpdeskNotification's do (see notification/dynamic-provider.ts).
 */
export class BotMessageDynamicProvider implements pulumi.dynamic.ResourceProvider<
  NormalizedBotMessageInputs,
  BotMessageState
> {
  readonly #scope = new ProviderScope();
  readonly #operations = new BotMessageOperations(this.#scope.client, this.#scope.reporter, this.#scope.cardLimits);

  /**
   * Takes the settings from the stack config (environment variables as fallback), or from an
   * explicit FeishuHelpdeskProvider's arguments alone.
   */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#scope.configure(gatherSettings(req.config));
  }

  /** See {@link BotMessageOperations.check}. `news` are the program's values, not yet checked. */
  async check(
    olds: Partial<NormalizedBotMessageInputs>,
    news: UncheckedInputs,
  ): Promise<pulumi.dynamic.CheckResult<NormalizedBotMessageInputs>> {
    // The resource's own URN is no field of it: the checks never see it (see provider-scope.ts).
    return dynamicCheckResult(
      await this.#scope.check(olds, news, (_previous, rest) => this.#operations.check(rest), "tenant"),
    );
  }

  /** Every changed property means a new message (a replacement). The URN is never a change. */
  async diff(_id: string, olds: BotMessageState, news: NormalizedBotMessageInputs): Promise<pulumi.dynamic.DiffResult> {
    const { urn, rest } = splitUrn(news);
    const { replaces } = await this.#scope.diff(urn, "tenant", async () =>
      this.#operations.diff(splitUrn(olds).rest, rest),
    );
    return replaces.length === 0 ? { changes: false } : { changes: true, replaces, deleteBeforeReplace: false };
  }

  /** See {@link BotMessageOperations.create}. The URN is kept in the outputs, for delete's warning. */
  async create(inputs: NormalizedBotMessageInputs): Promise<pulumi.dynamic.CreateResult<BotMessageState>> {
    const { urn, rest } = splitUrn(inputs);
    const state = await this.#scope.forResource(urn, () => this.#operations.create(rest));
    return { id: state.messageId, outs: withUrn(state, urn) };
  }

  /** There is no API to read a helpdesk bot message back: refresh keeps what was recorded. */
  async read(id: string, props?: BotMessageState): Promise<pulumi.dynamic.ReadResult<BotMessageState>> {
    return { id, props };
  }

  /** See {@link BotMessageOperations.delete}: a warning, under the resource whose URN the outputs keep. */
  async delete(id: string, props: BotMessageState): Promise<void> {
    const { urn, rest } = splitUrn(props);
    await this.#scope.forResource(urn, async () => this.#operations.delete(id, rest));
  }
}
