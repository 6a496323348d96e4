/**
 * The stable entry point `pulumi-feishu-helpdesk/provider/bot-message/v1` that every
 * HelpdeskBotMessage's `__provider` requires. Never rename it; add a v2 beside it instead.
 */
import type * as pulumi from "@pulumi/pulumi";
import { BotMessageProvider } from "./bot-message-provider";

const provider = new BotMessageProvider();

/** See {@link BotMessageProvider.configure}. */
export const configure = (req: pulumi.dynamic.ConfigureRequest) => provider.configure(req);
/** See {@link BotMessageProvider.check}. */
export const check = (olds: Record<string, unknown>, news: Record<string, unknown>) => provider.check(olds, news);
/** See {@link BotMessageProvider.diff}. */
export const diff = (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
  provider.diff(id, olds, news);
/** See {@link BotMessageProvider.create}. */
export const create = (inputs: Record<string, unknown>) => provider.create(inputs);
/** See {@link BotMessageProvider.read}. */
export const read = (id: string, props: Record<string, unknown>) => provider.read(id, props);
/** See {@link BotMessageProvider.delete}. */
export const del = (id: string, props: Record<string, unknown>) => provider.delete(id, props);
export { del as delete };
