/**
 * The stable entry point `pulumi-feishu-helpdesk/provider/bot-message/v1` that every
 * HelpdeskBotMessage's `__provider` requires. Never rename it; add a v2 beside it instead.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { UncheckedInputs } from "../pulumi/input-check";
import { BotMessageDynamicProvider } from "./dynamic-provider";
import type { BotMessageState } from "./operations";
import type { NormalizedBotMessageInputs } from "./check-inputs";

const provider = new BotMessageDynamicProvider();

/** See {@link BotMessageDynamicProvider.configure}. */
export const configure = (req: pulumi.dynamic.ConfigureRequest) => provider.configure(req);
/** See {@link BotMessageDynamicProvider.check}. */
export const check = (olds: Partial<NormalizedBotMessageInputs>, news: UncheckedInputs) => provider.check(olds, news);
/** See {@link BotMessageDynamicProvider.diff}. */
export const diff = (id: string, olds: BotMessageState, news: NormalizedBotMessageInputs) =>
  provider.diff(id, olds, news);
/** See {@link BotMessageDynamicProvider.create}. */
export const create = (inputs: NormalizedBotMessageInputs) => provider.create(inputs);
/** See {@link BotMessageDynamicProvider.read}. */
export const read = (id: string, props?: BotMessageState) => provider.read(id, props);
/** See {@link BotMessageDynamicProvider.delete}. */
export const del = (id: string, props: BotMessageState) => provider.delete(id, props);
export { del as delete };
