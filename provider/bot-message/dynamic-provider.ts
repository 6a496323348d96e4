import type * as pulumi from "@pulumi/pulumi";
import { hostCancellation } from "../pulumi/host-cancel";
import { withQuietEcho } from "../pulumi/host-echo";
import { ClientSlot } from "../pulumi/client-slot";
import type { UncheckedInputs } from "../pulumi/input-check";
import { withoutProviderSource } from "../pulumi/provider-props";
import { EngineReporter } from "../pulumi/reporter";
import { splitUrn, URN_INPUT, withResource, withUrn } from "../pulumi/resource-context";
import { gatherSettings } from "../pulumi/settings";
import { settingsChecked } from "../pulumi/settings-check";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { type BotMessageState, BotMessageOperations } from "./operations";
import type { NormalizedBotMessageInputs } from "./schema";

/**
 * The HelpdeskBotMessage provider as `pulumi.dynamic` calls it: a thin adapter from its call
 * shapes to {@link BotMessageOperations}. Its warnings go to the engine under the resource, as
 * HelpdeskNotification's do (see notification/dynamic-provider.ts).
 */
export class BotMessageDynamicProvider implements pulumi.dynamic.ResourceProvider<
  NormalizedBotMessageInputs,
  BotMessageState
> {
  readonly #reporter = new EngineReporter();
  readonly #slot = new ClientSlot(this.#reporter, hostCancellation());
  readonly #operations = new BotMessageOperations(() => this.#slot.client, this.#reporter);

  /**
   * Runs an operation about the resource whose URN the inputs (or the outputs) carry: its
   * warnings go under that resource, the host's echo of its errors is dropped, and every message
   * is logged before the engine gets the answer.
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

  /** See {@link BotMessageOperations.check}. `news` are the program's values, not yet checked. */
  async check(
    olds: Partial<NormalizedBotMessageInputs>,
    news: UncheckedInputs,
  ): Promise<pulumi.dynamic.CheckResult<NormalizedBotMessageInputs>> {
    // The URN is no message field: the checks never see it; it rides along in the checked inputs.
    const { urn, rest } = splitUrn(withoutProviderSource(news));
    const previous = splitUrn(olds).rest;
    const result = await settingsChecked(this.#slot, previous, this.#operations.check(rest));
    if (result.inputs === undefined || urn === undefined) return result;
    return { inputs: { ...result.inputs, [URN_INPUT]: urn } as typeof result.inputs };
  }

  /** Every changed property means a new message (a replacement). The URN is never a change. */
  async diff(_id: string, olds: BotMessageState, news: NormalizedBotMessageInputs): Promise<pulumi.dynamic.DiffResult> {
    const { urn, rest } = splitUrn(news);
    return this.#about(urn, async () => {
      const replaces = this.#operations.replacements(splitUrn(olds).rest, rest);
      // A replacement sends a new message: verify the credentials now, so preview fails, not up.
      if (replaces.length > 0) {
        const refused = await this.#slot.verifyCredentials();
        if (refused !== undefined) throw new FeishuConfigError(refused);
      }
      return replaces.length === 0 ? { changes: false } : { changes: true, replaces, deleteBeforeReplace: false };
    });
  }

  /** See {@link BotMessageOperations.create}. The URN is kept in the outputs, for delete's warning. */
  async create(inputs: NormalizedBotMessageInputs): Promise<pulumi.dynamic.CreateResult<BotMessageState>> {
    const { urn, rest } = splitUrn(inputs);
    const state = await this.#about(urn, () => this.#operations.create(rest));
    return { id: state.messageId, outs: withUrn(state, urn) };
  }

  /** There is no API to read a helpdesk bot message back: refresh keeps what was recorded. */
  async read(id: string, props?: BotMessageState): Promise<pulumi.dynamic.ReadResult<BotMessageState>> {
    return { id, props };
  }

  /** See {@link BotMessageOperations.delete}: a warning, under the resource whose URN the outputs keep. */
  async delete(id: string, props: BotMessageState): Promise<void> {
    const { urn, rest } = splitUrn(props);
    await this.#about(urn, async () => this.#operations.delete(id, rest));
  }
}
