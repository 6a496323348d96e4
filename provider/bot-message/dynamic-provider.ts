import type * as pulumi from "@pulumi/pulumi";
import { hostCancellation } from "../pulumi/host-cancel";
import { ClientSlot } from "../pulumi/client-slot";
import type { UncheckedInputs } from "../pulumi/input-check";
import { withoutProviderSource } from "../pulumi/provider-props";
import { consoleReporter } from "../pulumi/reporter";
import { gatherSettings } from "../pulumi/settings";
import { settingsChecked } from "../pulumi/settings-check";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { type BotMessageState, BotMessageOperations } from "./operations";
import type { NormalizedBotMessageInputs } from "./schema";

/**
 * The HelpdeskBotMessage provider as `pulumi.dynamic` calls it: a thin adapter from its call
 * shapes to {@link BotMessageOperations}.
 */
export class BotMessageDynamicProvider implements pulumi.dynamic.ResourceProvider<
  NormalizedBotMessageInputs,
  BotMessageState
> {
  readonly #slot = new ClientSlot(undefined, hostCancellation());
  readonly #operations = new BotMessageOperations(() => this.#slot.client, consoleReporter);

  /**
   * Takes the settings from the stack config (environment variables as fallback), or from an
   * explicit FeishuHelpdeskProvider's arguments alone.
   */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#slot.configure(gatherSettings(req.config));
  }

  /** See {@link BotMessageOperations.check}. `news` are the program's values, not yet checked. */
  async check(
    olds: Partial<NormalizedBotMessageInputs>,
    news: UncheckedInputs,
  ): Promise<pulumi.dynamic.CheckResult<NormalizedBotMessageInputs>> {
    return settingsChecked(this.#slot, olds, this.#operations.check(withoutProviderSource(news)));
  }

  /** Every changed property means a new message (a replacement). */
  async diff(_id: string, olds: BotMessageState, news: NormalizedBotMessageInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = this.#operations.replacements(olds, news);
    // A replacement sends a new message: verify the credentials now, so preview fails, not up.
    if (replaces.length > 0) {
      const refused = await this.#slot.verifyCredentials();
      if (refused !== undefined) throw new FeishuConfigError(refused);
    }
    return replaces.length === 0 ? { changes: false } : { changes: true, replaces, deleteBeforeReplace: false };
  }

  /** See {@link BotMessageOperations.create}. */
  async create(inputs: NormalizedBotMessageInputs): Promise<pulumi.dynamic.CreateResult<BotMessageState>> {
    const state = await this.#operations.create(inputs);
    return { id: state.messageId, outs: state };
  }

  /** There is no API to read a helpdesk bot message back: refresh keeps what was recorded. */
  async read(id: string, props?: BotMessageState): Promise<pulumi.dynamic.ReadResult<BotMessageState>> {
    return { id, props };
  }

  /** See {@link BotMessageOperations.delete}. */
  async delete(id: string, props: BotMessageState): Promise<void> {
    this.#operations.delete(id, props);
  }
}
