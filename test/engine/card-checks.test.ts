import { validCampaign } from "../cases/rule-violations";
import { emulatedStack } from "../harness/emulated-stack";

// What only the engine can show: a card with a structural fault fails `pulumi preview` naming the path
// inside the card, before any request reaches Feishu (the card model's rules are unit-tested).
describe("preview checks the card", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it("fails a card whose button links to javascript:, naming the path, with no API call", async () => {
    const { emulator, project } = stack;
    const pushContent = {
      elements: [
        { tag: "div", text: { tag: "plain_text", content: "Hi" } },
        {
          tag: "action",
          actions: [{ tag: "button", text: { tag: "plain_text", content: "Go" }, url: "javascript:x" }],
        },
      ],
    };
    await project.setCampaigns({ broken: { ...validCampaign, pushContent } });
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain('pushContent.elements[1].actions[0].url uses the scheme "javascript:"');
    expect(emulator.requests).toEqual([]);
    expect(emulator.notifications()).toEqual([]);
  });
});
