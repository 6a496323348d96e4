// The card checks in the resources' `check`, as both hosts run them (0 API calls: the client is never got).
import { BotMessageOperations } from "../../../provider/bot-message/operations";
import { NotificationOperations } from "../../../provider/notification/operations";
import { gatherSettings } from "../../../provider/pulumi/settings";
import { validCampaign } from "../../cases/rule-violations";

const noClient = () => {
  throw new Error("check must make no API call");
};

function operations(cardLimits?: string) {
  const warnings: string[] = [];
  const reporter = { warn: (m: string) => warnings.push(m), info: () => undefined };
  const campaign = new NotificationOperations(noClient, reporter, { cardLimits: () => cardLimits });
  const bot = new BotMessageOperations(noClient, reporter, () => cardLimits);
  return { campaign, bot, warnings };
}

const brokenCard = {
  elements: [
    { tag: "div", text: { tag: "plain_text", content: "Hi" } },
    { tag: "action", actions: [{ tag: "button", text: { tag: "plain_text", content: "Go" }, url: "javascript:x" }] },
  ],
};
const bigCard = { elements: [{ tag: "div", text: { tag: "plain_text", content: "x".repeat(31 * 1024) } }] };

describe("card checks in check", () => {
  it("a host's re-check gives the same answer and tells no one twice (card warnings, the announced create)", () => {
    const warnings: string[] = [];
    const expected: string[] = [];
    const reporter = { warn: (m: string) => warnings.push(m), info: () => undefined };
    const campaign = new NotificationOperations(noClient, reporter, { expectCall: (e) => expected.push(e) });
    const given = { ...validCampaign, pushContent: bigCard };
    const first = campaign.check({}, given);
    expect([warnings.length, expected]).toEqual([1, ["create"]]);
    expect(campaign.recheck({}, given)).toEqual(first);
    expect([warnings.length, expected]).toEqual([1, ["create"]]);
  });

  it("fails a campaign whose card has a structural fault, naming the path", () => {
    const result = operations().campaign.check({}, { ...validCampaign, pushContent: brokenCard });
    expect(result).toEqual({
      ok: false,
      failures: [
        {
          property: "pushContent",
          reason: expect.stringMatching(/^pushContent\.elements\[1\]\.actions\[0\]\.url uses the scheme "javascript:"/),
        },
      ],
    });
  });

  it("warns about a card over the community size limit, and lets it through", () => {
    const { campaign, warnings } = operations();
    expect(campaign.check({}, { ...validCampaign, pushContent: bigCard }).ok).toBe(true);
    expect(warnings).toEqual([
      expect.stringMatching(/^pushContent is \d+ bytes of JSON.*community.*\(card rule card-size\)$/),
    ]);
  });

  it("makes the community limits errors, or nothing, as the cardLimits setting says", () => {
    expect(operations("error").campaign.check({}, { ...validCampaign, pushContent: bigCard }).ok).toBe(false);
    const off = operations("off");
    expect(off.campaign.check({}, { ...validCampaign, pushContent: bigCard }).ok).toBe(true);
    expect(off.warnings).toEqual([]);
    const wrong = operations("loud").campaign.check({}, { ...validCampaign, pushContent: bigCard });
    expect(wrong.ok === false && wrong.failures[0].reason).toMatch(
      /feishu-helpdesk:cardLimits .* must be "warning", "error" or "off"; got "loud"/,
    );
  });

  it("checks an interactive bot message's card under `content`, and no other message type's", () => {
    const { bot } = operations();
    const interactive = bot.check({
      msgType: "interactive",
      content: { elements: [{ tag: "div" }] },
      receiverId: "ou_a",
    });
    expect(interactive.ok === false && interactive.failures[0].reason).toMatch(/^content\.elements\[0\] has neither/);
    expect(bot.check({ msgType: "text", content: { text: "<script>" }, receiverId: "ou_a" }).ok).toBe(true);
  });

  it("reads the cardLimits setting from the stack config, else FEISHU_CARD_LIMITS", () => {
    const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
    expect(gatherSettings(config({ "feishu-helpdesk:cardLimits": "off" }), {}).cardLimits).toBe("off");
    expect(gatherSettings(config({}), { FEISHU_CARD_LIMITS: "error" }).cardLimits).toBe("error");
    expect(gatherSettings(config({}), {}).cardLimits).toBeUndefined();
  });
});
