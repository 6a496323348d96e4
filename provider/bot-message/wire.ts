import type { WireBotMessage } from "../client/wire-types";
import type { NormalizedBotMessageInputs } from "./check-inputs";

/** The body of the API for checked inputs. */
export function toWireBotMessage(inputs: NormalizedBotMessageInputs): WireBotMessage {
  return {
    msg_type: inputs.msgType,
    content: inputs.content,
    receiver_id: inputs.receiverId,
    receive_type: inputs.receiveType,
  };
}
