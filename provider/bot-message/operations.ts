import type { HelpdeskClient } from "../client/helpdesk-client";
import { jsonTextEqual } from "../json/json-equal";
import type { UncheckedInputs } from "../pulumi/input-check";
import { cardInputFailures } from "../pulumi/card-input-check";
import type { ResourceDiff } from "../pulumi/provider-scope";
import type { Reporter } from "../pulumi/reporter";
import {
  botMessageProperties,
  checkBotMessageInputs,
  type BotMessageInputCheck,
  type NormalizedBotMessageInputs,
} from "./check-inputs";
import { toWireBotMessage } from "./wire";

/** A HelpdeskBotMessage's outputs: its inputs, and what sending it gave. */
export type BotMessageState = NormalizedBotMessageInputs & {
  /** The sent message's id (also the resource id). */
  readonly messageId: string;
  /** When it was sent (ISO 8601). */
  readonly sentAt: string;
};

/** The result of {@link BotMessageOperations.diff}. */
export interface BotMessageDiff extends ResourceDiff {
  /** The properties whose change means a new message. */
  readonly replaces: (keyof NormalizedBotMessageInputs)[];
}

/**
 * A HelpdeskBotMessage's operations, whatever hosts them. A sent message cannot be changed or
 * unsent, so any change is a replacement (a new message), and delete only lets go of it.
 */
export class BotMessageOperations {
  /**
   * @param client The client, got at each operation (the host may configure it late).
   * @param reporter Where warnings go.
   * @param cardLimits The `cardLimits` setting, as given (see card-input-check.ts).
   */
  constructor(
    private readonly client: () => HelpdeskClient,
    private readonly reporter: Reporter,
    private readonly cardLimits: () => string | undefined = () => undefined,
  ) {}

  /** Checks the message against what the API page says, and an interactive message's card, before any call. */
  check(news: UncheckedInputs): BotMessageInputCheck {
    const result = checkBotMessageInputs(news);
    if (!result.ok || result.inputs.msgType !== "interactive") return result;
    const failures = cardInputFailures(result.inputs.content, "content", this.cardLimits(), this.reporter);
    return failures.length > 0 ? { ok: false, failures } : result;
  }

  /**
   * Every changed property means a new message (a replacement), which calls Feishu; content is
   * compared as JSON values. Makes no call.
   */
  diff(olds: NormalizedBotMessageInputs, news: NormalizedBotMessageInputs): BotMessageDiff {
    const replaces = botMessageProperties.filter((p) =>
      p === "content" && typeof olds.content === "string" && typeof news.content === "string"
        ? !jsonTextEqual(olds.content, news.content)
        : olds[p] !== news[p],
    );
    return { changes: replaces.length > 0, callsFeishuUnproven: replaces.length > 0, replaces };
  }

  /** Sends the message. */
  async create(inputs: NormalizedBotMessageInputs): Promise<BotMessageState> {
    const sent = await this.client().sendBotMessage(toWireBotMessage(inputs));
    return { ...inputs, messageId: sent.messageId, sentAt: new Date().toISOString() };
  }

  /** A message cannot be unsent: removing the resource only lets go of it. */
  delete(id: string, state: BotMessageState): void {
    this.reporter.warn(
      `helpdesk bot message ${id} to ${String(state.receiverId)} was removed from the stack; Feishu has no API to ` +
        "unsend it, so it stays in the chat.",
    );
  }
}
