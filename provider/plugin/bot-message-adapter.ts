import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { type BotMessageState, BotMessageOperations } from "../bot-message/operations";
import type { NormalizedBotMessageInputs } from "../bot-message/check-inputs";
import type { ProviderScope } from "../pulumi/provider-scope";
import type { CheckAnswer, DiffAnswer, Properties, ReadAnswer, ResourceAdapter } from "./adapter-types";
import { replacingDiff } from "./detailed-diff";
import { createPreview } from "./preview-outputs";
import { recheckedInputs } from "./rechecked-inputs";

const sentFields = ["messageId", "sentAt"];

/** A bot message cannot be imported or updated: Feishu has no API to read one back or change it. */
export class BotMessagePluginError extends FeishuHelpdeskError {
  constructor(message: string) {
    super(message);
  }
}

/**
 * HelpdeskBotMessage as the native plugin serves it: a thin adapter to the same
 * {@link BotMessageOperations} the dynamic provider uses. Any change is a new message (a
 * replacement), so Update is never called.
 */
export class BotMessageAdapter implements ResourceAdapter {
  readonly #operations: BotMessageOperations;

  constructor(private readonly scope: ProviderScope) {
    this.#operations = new BotMessageOperations(scope.client, scope.reporter, scope.cardLimits);
  }

  /** See {@link BotMessageOperations.check}, with the settings checked too. */
  async check(urn: string, olds: Properties, news: Properties): Promise<CheckAnswer> {
    return this.scope.forResource(urn, () =>
      this.scope.check(olds, news, (_previous, rest) => this.#operations.check(rest), "tenant"),
    );
  }

  /** Every changed property means a new message: each is a replacing change. */
  async diff(_id: string, urn: string, olds: Properties, news: Properties): Promise<DiffAnswer> {
    const { changes, replaces } = await this.scope.diff(urn, "tenant", async () =>
      this.#operations.diff(olds as NormalizedBotMessageInputs, news as NormalizedBotMessageInputs),
    );
    return { changes, replaces, detailedDiff: replacingDiff(replaces) };
  }

  /** Sends the message; a preview sends nothing. */
  async create(urn: string, given: Properties, preview: boolean) {
    const inputs = recheckedInputs("Create", urn, this.#operations.check(given));
    if (preview) return { id: "", properties: createPreview(inputs, sentFields) };
    const state = await this.scope.forResource(urn, () => this.#operations.create(inputs));
    return { id: state.messageId, properties: state as Properties };
  }

  /** There is no API to read a message back: refresh keeps what was recorded, and import is refused. */
  async read(id: string, _urn: string, properties: Properties, inputs: Properties): Promise<ReadAnswer> {
    if (Object.keys(properties).length === 0)
      throw new BotMessagePluginError(
        `Cannot import helpdesk bot message ${id}: Feishu has no API to read a bot message back. ` +
          "Declare a new HelpdeskBotMessage instead (creating it sends the message).",
      );
    return { id, properties, inputs };
  }

  /** Never called (every change replaces); refuses rather than pretend. */
  async update(id: string): Promise<Properties> {
    throw new BotMessagePluginError(`Cannot update helpdesk bot message ${id}: a sent message cannot be changed.`);
  }

  /** See {@link BotMessageOperations.delete}: a warning, under the resource; the message stays. */
  async delete(id: string, urn: string, properties: Properties): Promise<void> {
    await this.scope.forResource(urn, async () => this.#operations.delete(id, properties as BotMessageState));
  }
}
