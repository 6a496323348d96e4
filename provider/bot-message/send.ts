import { HelpdeskClient, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { clientOptionsFromEnv } from "../pulumi/settings-for-client";
import { BotMessageInvalidError } from "./invalid-error";
import { checkBotMessageInputs } from "./check-inputs";
import { toWireBotMessage } from "./wire";

/**
 * Sends one helpdesk bot message from a script, with the same checks as HelpdeskBotMessage
 * (a BotMessageInvalidError before any call). Without `options`, the settings come from the
 * FEISHU_* environment variables.
 *
 * @example
 * await sendBotMessage({ ...BotMessage.text("Your laptop is ready"), receiverId: "ou_…", receiveType: "user" });
 */
export async function sendBotMessage(
  message: {
    readonly msgType: string;
    readonly content: string | Record<string, unknown>;
    readonly receiverId: string;
    readonly receiveType?: "chat" | "user";
  },
  options?: HelpdeskClientOptions,
): Promise<{ readonly messageId: string; readonly logId: string | undefined }> {
  const checked = checkBotMessageInputs(message);
  if (!checked.ok) throw new BotMessageInvalidError({ receiverId: message.receiverId, failures: checked.failures });
  return new HelpdeskClient(options ?? clientOptionsFromEnv()).sendBotMessage(toWireBotMessage(checked.inputs));
}
