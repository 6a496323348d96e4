import type * as pulumi from "@pulumi/pulumi";
import { checkBotMessageInputs, type NormalizedBotMessageInputs } from "../bot-message/schema";
import { HelpdeskClient, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { cardsEqual } from "../notification/mapping";
import { clientOptionsFrom } from "./provider-settings";

const properties = ["msgType", "content", "receiverId", "receiveType"] as const;

/** The body of the API for checked inputs. */
export function toWireBotMessage(inputs: NormalizedBotMessageInputs) {
  return {
    msg_type: inputs.msgType,
    content: inputs.content,
    receiver_id: inputs.receiverId,
    receive_type: inputs.receiveType,
  };
}

/**
 * The HelpdeskBotMessage provider. A sent message cannot be changed or unsent, so any change
 * is a replacement (a new message), and delete only lets go of it.
 */
export class BotMessageProvider implements pulumi.dynamic.ResourceProvider {
  #options: HelpdeskClientOptions | undefined;
  #client: HelpdeskClient | undefined;

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.#options = clientOptionsFrom(req.config);
    this.#client = undefined;
  }

  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const { __provider: _, ...raw } = news;
    const result = checkBotMessageInputs(raw);
    return result.ok ? { inputs: { ...result.inputs } } : { failures: [...result.failures] };
  }

  /** Every changed property means a new message: content compared as JSON values. */
  async diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<pulumi.dynamic.DiffResult> {
    const replaces = properties.filter((p) =>
      p === "content" && typeof olds.content === "string" && typeof news.content === "string"
        ? !cardsEqual(olds.content, news.content)
        : olds[p] !== news[p],
    );
    return replaces.length === 0
      ? { changes: false }
      : { changes: true, replaces: [...replaces], deleteBeforeReplace: false };
  }

  async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const message = inputs as unknown as NormalizedBotMessageInputs;
    const sent = await this.api().sendBotMessage(toWireBotMessage(message));
    return { id: sent.messageId, outs: { ...message, messageId: sent.messageId, sentAt: new Date().toISOString() } };
  }

  /** There is no API to read a helpdesk bot message back: refresh keeps what was recorded. */
  async read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return { id, props };
  }

  /** A message cannot be unsent: removing the resource only lets go of it. */
  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    console.warn(
      `warning: helpdesk bot message ${id} to ${String(props.receiverId)} was removed from the stack; Feishu has no API to unsend it, so it stays in the chat.`,
    );
  }

  private api(): HelpdeskClient {
    this.#client ??= new HelpdeskClient(this.#options ?? clientOptionsFrom({ get: () => undefined }));
    return this.#client;
  }
}
