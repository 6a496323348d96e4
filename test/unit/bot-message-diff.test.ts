import { BotMessageOperations } from "../../provider/bot-message/operations";
import type { NormalizedBotMessageInputs } from "../../provider/bot-message/check-inputs";

// A bot message's diff, pure: what it answers decides the host's credential check (ProviderScope.diff).
describe("BotMessageOperations.diff", () => {
  const noClient = () => {
    throw new Error("a diff makes no call");
  };
  const operations = new BotMessageOperations(noClient, { warn: () => undefined, info: () => undefined });
  const sent: NormalizedBotMessageInputs = {
    msgType: "text",
    content: '{"text":"Hello"}',
    receiverId: "ou_a",
    receiveType: "chat",
  };

  it("finds no change in the same content reformatted, and asks for no credential check", () => {
    expect(operations.diff(sent, { ...sent, content: '{ "text": "Hello" }' })).toEqual({
      changes: false,
      callsFeishuUnproven: false,
      replaces: [],
    });
  });

  it("replaces on any change, which sends a new message: the credentials are to be checked first", () => {
    expect(operations.diff(sent, { ...sent, receiverId: "ou_b", content: '{"text":"Bye"}' })).toEqual({
      changes: true,
      callsFeishuUnproven: true,
      replaces: ["content", "receiverId"],
    });
  });
});
