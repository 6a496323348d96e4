import { renderCardText } from "../../../provider/card";
import { stateFromLive } from "../../../provider/notification/outputs";
import { blankInputs } from "../../../provider/notification/stored-state";
import { wireNotification } from "../../harness/feishu-fixture";

// The cardText output: rendered from the card the state keeps, at every read (create, update, refresh, lookup).
const card = {
  header: { title: { tag: "plain_text", content: "VPN <b>now</b>" } },
  elements: [{ tag: "div", text: { tag: "lark_md", content: "Upgrade to **5.2**" } }],
};
const fetched = (pushContent: string) => ({
  notification: wireNotification({ status: 0, push_content: pushContent }),
  approvalAppLink: undefined,
  logId: undefined,
  serverTime: undefined,
});

describe("cardText", () => {
  it("is the stored card rendered as text", () => {
    const state = stateFromLive(fetched(JSON.stringify(card)), blankInputs);
    expect(state.cardText).toBe(renderCardText(state.pushContent));
    // Card text is escaped as Markdown: the title's tags show as text, the body keeps its bold.
    expect(state.cardText).toBe("### VPN \\<b\\>now\\</b\\>\n\nUpgrade to **5\\.2**");
  });

  it("follows the card Feishu now holds", () => {
    const other = { elements: [{ tag: "div", text: { tag: "plain_text", content: "Changed in the console" } }] };
    const state = stateFromLive(fetched(JSON.stringify(other)), { ...blankInputs, pushContent: JSON.stringify(card) });
    expect(state.cardText).toBe("Changed in the console");
  });

  it("is still text for a card that is not JSON", () => {
    expect(typeof stateFromLive(fetched("not json"), blankInputs).cardText).toBe("string");
  });
});
