import * as pulumi from "@pulumi/pulumi";
import { restack, withoutPromiseStacks } from "../pulumi/promise-stacks";
import { urnInput } from "../pulumi/urn-input";
import { BOT_MESSAGE_PROVIDER_SOURCE } from "../pulumi/provider-source";
import { URN_INPUT } from "../pulumi/resource-context";
import { isResourceOfType } from "../pulumi/resource-type";
import type { ArgTypesMatch, OutputTypesMatch, SameKeys } from "../pulumi/type-checks";
import type { BotMessageType } from "./content";
import type { BotMessageState } from "./operations";
import type { NormalizedBotMessageInputs } from "./check-inputs";

/**
 * The inputs of a {@link HelpdeskBotMessage}. `BotMessage.text(…)` and the other builders give
 * `msgType` and `content`.
 */
export interface HelpdeskBotMessageArgs {
  /** `msg_type`: `"text"`, `"post"`, `"image"` or `"interactive"` (a card). */
  readonly msgType: pulumi.Input<BotMessageType>;
  /** The content, an object or its JSON text; compared by meaning. Cards must be JSON 1.0. */
  readonly content: pulumi.Input<string | Record<string, unknown>>;
  /** `receiver_id`: the receiving user's id. */
  readonly receiverId: pulumi.Input<string>;
  /**
   * `receive_type`: `"chat"`, the user's helpdesk group (it must have no ticket in progress), or
   * `"user"`, a private chat with the helpdesk bot.
   * @default "chat"
   */
  readonly receiveType?: pulumi.Input<"chat" | "user">;
}

/**
 * One message sent through the helpdesk bot (服务台机器人向工单绑定的群内发送消息), with a tenant
 * access token. Creating it sends the message; any change sends a new one (a replacement);
 * removing it only lets go of it, since a message cannot be unsent.
 */
export class HelpdeskBotMessage extends pulumi.CustomResource {
  /** The resource type token: a resource of the Node.js dynamic provider. */
  static readonly type = "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskBotMessage";

  /** The sent message's id (also the resource id). */
  declare readonly messageId: pulumi.Output<string>;
  /** When it was sent (ISO 8601). */
  declare readonly sentAt: pulumi.Output<string>;
  /** `msg_type`: `"text"`, `"post"`, `"image"` or `"interactive"` (a card). */
  declare readonly msgType: pulumi.Output<BotMessageType>;
  /** The content as compact JSON text. */
  declare readonly content: pulumi.Output<string>;
  /** `receiver_id`: the receiving user's id. */
  declare readonly receiverId: pulumi.Output<string>;
  /** `receive_type`: `"chat"` (the user's helpdesk group) or `"user"` (a private chat with the bot). */
  declare readonly receiveType: pulumi.Output<"chat" | "user">;

  /**
   * @param name The unique name of the resource.
   * @param args The message.
   * @param opts Resource options; `provider`: a FeishuHelpdeskProvider, for a helpdesk other than the stack config's.
   */
  constructor(name: string, args: HelpdeskBotMessageArgs, opts?: pulumi.CustomResourceOptions) {
    // `__urn`: the resource's own URN, so the provider can show its warnings under this resource
    // (as HelpdeskNotification does; see resource-context.ts). It is never compared.
    const urn = urnInput(name, HelpdeskBotMessage.type, opts?.parent);
    const restore = withoutPromiseStacks(); // the per-property cost of registering (see promise-stacks.ts)
    try {
      super(
        HelpdeskBotMessage.type,
        name,
        {
          messageId: undefined,
          sentAt: undefined,
          ...args,
          [URN_INPUT]: urn,
          __provider: BOT_MESSAGE_PROVIDER_SOURCE,
        },
        opts,
      );
    } catch (error) {
      restore();
      throw restack(error);
    } finally {
      restore();
    }
  }

  /** True if `value` is a HelpdeskBotMessage, from any copy of this package. */
  static override isInstance(value: unknown): value is HelpdeskBotMessage {
    return isResourceOfType(value, HelpdeskBotMessage.type);
  }
}

// Compile-time checks: the arguments are the checked inputs and take their types; the declared
// outputs are exactly the state's properties, each of the state's type.
type DeclaredOutputs = Exclude<keyof HelpdeskBotMessage, keyof pulumi.CustomResource>;
const _argsAreTheInputs: SameKeys<keyof HelpdeskBotMessageArgs, keyof NormalizedBotMessageInputs> = true;
const _argTypesAreTheInputs: ArgTypesMatch<HelpdeskBotMessageArgs, NormalizedBotMessageInputs> = true;
const _outputsAreTheState: SameKeys<DeclaredOutputs, keyof BotMessageState> = true;
const _outputTypesAreTheState: OutputTypesMatch<HelpdeskBotMessage, BotMessageState> = true;
