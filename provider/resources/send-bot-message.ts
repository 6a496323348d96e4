import { checkBotMessageInputs } from "../bot-message/schema";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { HelpdeskClient, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { toWireBotMessage } from "./bot-message-provider";
import { clientOptionsFrom } from "./provider-settings";

/**
 * Sends one helpdesk bot message from a script, with the same checks as HelpdeskBotMessage.
 * Without `options`, the settings come from the FEISHU_* environment variables.
 *
 * @example
 * await sendBotMessage({ ...BotMessage.text("Your laptop is ready"), receiverId: "ou_…", receiveType: "user" });
 */
export async function sendBotMessage(
  message: {
    msgType: string;
    content: string | Record<string, unknown>;
    receiverId: string;
    receiveType?: "chat" | "user";
  },
  options?: HelpdeskClientOptions,
): Promise<{ readonly messageId: string; readonly logId: string | undefined }> {
  const checked = checkBotMessageInputs(message);
  if (!checked.ok)
    throw new FeishuConfigError(`Invalid bot message: ${checked.failures.map((f) => f.reason).join("; ")}`);
  return new HelpdeskClient(options ?? clientOptionsFrom({ get: () => undefined })).sendBotMessage(
    toWireBotMessage(checked.inputs),
  );
}
