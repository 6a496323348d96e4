import type { WireNotification } from "../../provider/client/wire-types";
import { type ApprovalRecord, type CampaignStage, stageOf } from "../../provider/notification/stage";
import { wireNotification } from "../harness/feishu-fixture";

// Stage inference with an injected clock: status × send time against now × counts × the review record.
const now = 1_900_000_000_000;
const live = wireNotification;

describe("stageOf", () => {
  const cases: [string, Partial<WireNotification>, ApprovalRecord, CampaignStage][] = [
    [
      "status 0 is a draft, whatever else is set",
      { status: 0, send_at: String(now - 1) },
      { approvalGranted: true },
      "draft",
    ],
    ["a send time ahead is scheduled", { send_at: String(now + 1) }, {}, "scheduled"],
    ["a send time just reached, nobody reached yet", { send_at: String(now), target_user_count: 5 }, {}, "sending"],
    [
      "a send time passed, some reached",
      { send_at: String(now - 1000), target_user_count: 5, sent_user_count: 3 },
      {},
      "sending",
    ],
    [
      "a send time passed, all reached",
      { send_at: String(now - 1000), target_user_count: 5, sent_user_count: 5 },
      {},
      "sent",
    ],
    ["a send time passed, chats only (no target count)", { send_at: String(now - 1000) }, {}, "sent"],
    ["no send time, approved at submission", {}, { approvalSubmitted: true, approvalGranted: true }, "approved"],
    ["no send time, submitted", {}, { approvalSubmitted: true }, "submitted"],
    ["no send time, nothing recorded", {}, {}, "unknown"],
    ["an unreadable send time is no send time", { send_at: "soon" }, { approvalSubmitted: true }, "submitted"],
    ["an empty send time is no send time", { send_at: "" }, {}, "unknown"],
  ];

  it.each(cases)("%s", (_, fields, record, stage) => {
    expect(stageOf(live(fields), record, now)).toBe(stage);
  });
});
