import { countAudience, describeAudience } from "../../../policy/decisions/audience";
import {
  cardOf,
  hasApproval,
  isCampaign,
  newStaffScopeTypeOf,
  pushScopeTypeOf,
} from "../../../policy/decisions/campaign";
import { mentionOfEveryone } from "../../../policy/decisions/mentions";
import { busyDays } from "../../../policy/decisions/same-day";

describe("campaign inputs, from either resource", () => {
  it("matches both type tokens and nothing else", () => {
    expect(isCampaign("pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification")).toBe(true);
    expect(isCampaign("feishu-helpdesk:index:HelpdeskNotification")).toBe(true);
    expect(isCampaign("pulumi-nodejs:dynamic:Resource")).toBe(false);
    expect(isCampaign("feishu-helpdesk:index:HelpdeskBotMessage")).toBe(false);
  });

  it("reads the enums by name or by the documented number", () => {
    expect(pushScopeTypeOf({ pushScopeType: "allMembers" })).toBe("allMembers");
    expect(pushScopeTypeOf({ pushScopeType: 0 })).toBe("allMembers");
    expect(pushScopeTypeOf({ pushScopeType: "3" })).toBe("newStaff");
    expect(newStaffScopeTypeOf({ newStaffScopeType: 0 })).toBe("allNewStaff");
  });

  it("reads the card as an object or JSON text", () => {
    expect(cardOf({ pushContent: { elements: [] } })).toEqual({ elements: [] });
    expect(cardOf({ pushContent: '{"elements":[1]}' })).toEqual({ elements: [1] });
    expect(cardOf({ pushContent: "not json" })).toBeUndefined();
  });

  it("counts approval only with a reason", () => {
    expect(hasApproval({ approval: { reason: "Quarterly" } })).toBe(true);
    expect(hasApproval({ approval: { reason: " " } })).toBe(false);
    expect(hasApproval({})).toBe(false);
  });
});

describe("audience counting", () => {
  it("adds users, departments and chats, each id once", () => {
    const audience = countAudience(["ou_a", "ou_b", "ou_a"], ["od_1"], ["oc_1", "oc_2"]);
    expect(audience).toEqual({ users: 2, departments: 1, chats: 2, total: 5 });
    expect(describeAudience(audience)).toBe("5 targets (2 users, 1 departments, 2 chats)");
  });
});

describe("mentions of everyone", () => {
  it.each([
    "<at id=all></at> please read",
    '<at id="all"></at>',
    "<at user_id='all'>everyone</at>",
    '<AT  user_id = "all" >',
  ])("finds %j", (text) =>
    expect(mentionOfEveryone({ elements: [{ text: { content: text } }] })).toBe("elements[0].text.content"),
  );

  it("finds the card element form", () => {
    expect(mentionOfEveryone({ elements: [{ tag: "at", user_id: "all" }] })).toBe("elements[0]");
  });

  it.each(['<at id="ou_123"></at>', "all hands", "<at id=allison>", '<at id="all_staff">'])("ignores %j", (text) =>
    expect(mentionOfEveryone({ content: text })).toBeUndefined(),
  );
});

describe("campaigns on the same day", () => {
  const at = (iso: string) => Date.parse(iso);
  const scheduled = [
    { name: "a", urn: "urn:a", sendAt: at("2026-12-24T09:00:00+08:00") },
    { name: "b", urn: "urn:b", sendAt: at("2026-12-24T17:00:00+08:00") },
    // 23:30 on the 24th in UTC is the 25th in China.
    { name: "c", urn: "urn:c", sendAt: at("2026-12-24T23:30:00Z") },
  ];

  it("counts days in the configured offset", () => {
    expect(busyDays(scheduled, 480, 1)).toEqual([{ date: "2026-12-24", campaigns: [scheduled[0], scheduled[1]] }]);
    expect(busyDays(scheduled, 0, 2)).toEqual([{ date: "2026-12-24", campaigns: scheduled }]);
    expect(busyDays(scheduled, 480, 2)).toEqual([]);
  });
});
