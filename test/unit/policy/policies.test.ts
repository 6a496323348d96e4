import type { ResourceValidationPolicy } from "@pulumi/policy";
import { approvalForEveryone } from "../../../policy/policies/approval-for-everyone";
import { audienceCap } from "../../../policy/policies/audience-cap";
import { cardLinksPolicy } from "../../../policy/policies/card-links";
import { jobNamePattern } from "../../../policy/policies/job-name";
import { mentionEveryone } from "../../../policy/policies/mention-everyone";
import { workingHoursPolicy } from "../../../policy/policies/working-hours";
import { DYNAMIC, PLUGIN, UnknownValueError, unknownStringValue, violations } from "./run-policy";

const card = { elements: [{ tag: "div", text: { tag: "lark_md", content: "Hello" } }] };
const base = {
  jobName: "CHG-1: Hello",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a"],
  pushContent: card,
};
const approval = { reason: "Reviewed" };

describe("each policy against both type tokens, with its defaults", () => {
  it.each([DYNAMIC, PLUGIN])("approval-for-everyone (%s)", (type) => {
    const [message] = violations(approvalForEveryone, { ...base, pushScopeType: "allMembers", users: [] }, type);
    expect(message).toBe(
      'Campaign "q3" (jobName "CHG-1: Hello") pushes to all members without review. Fix: add approval: ' +
        '{ reason: "..." } so the helpdesk owner reviews it, or narrow pushScopeType.',
    );
    expect(violations(approvalForEveryone, { ...base, pushScopeType: 0, approval }, type)).toEqual([]);
    expect(violations(approvalForEveryone, { ...base, pushScopeType: 3, newStaffScopeType: 0 }, type)).toHaveLength(1);
  });

  it("ignores other resource types, such as another dynamic resource", () => {
    expect(violations(approvalForEveryone, { pushScopeType: "allMembers" }, "pulumi-nodejs:dynamic:Resource")).toEqual(
      [],
    );
  });

  it("send-in-working-hours names the local time and the fix", () => {
    const [message] = violations(workingHoursPolicy, { ...base, approval, sendAt: "2026-12-26T10:00:00+08:00" });
    expect(message).toContain(
      'Campaign "q3" (jobName "CHG-1: Hello") is scheduled for Sat 2026-12-26 10:00 (UTC+08:00)',
    );
    expect(message).toContain("Fix: set sendAt to a time between 09:00 and 18:00");
    expect(violations(workingHoursPolicy, { ...base, approval, sendAt: "2026-12-24T02:00:00Z" })).toEqual([]);
  });

  it("card-links-allowed-hosts lists each refused link with its path", () => {
    const linked = {
      elements: [{ tag: "action", actions: [{ tag: "button", url: "https://www.feishu.cn.evil.io/" }] }],
    };
    const [message] = violations(cardLinksPolicy, { ...base, pushContent: JSON.stringify(linked) });
    expect(message).toContain('pushContent.elements[0].actions[0].url: "https://www.feishu.cn.evil.io/" goes to');
    const fine = { elements: [{ tag: "action", actions: [{ tag: "button", url: "https://docs.feishu.cn/x" }] }] };
    expect(violations(cardLinksPolicy, { ...base, pushContent: fine })).toEqual([]);
  });

  it("audience-cap counts users, departments and chats", () => {
    const users = Array.from({ length: 49 }, (_, n) => `ou_${n}`);
    expect(violations(audienceCap, { ...base, users, chats: ["oc_1"] })).toEqual([]);
    const [message] = violations(audienceCap, { ...base, users, chats: ["oc_1", "oc_2"] });
    expect(message).toContain("lists 51 targets (49 users, 0 departments, 2 chats), more than 50 without review");
    expect(violations(audienceCap, { ...base, users, chats: ["oc_1", "oc_2"], approval })).toEqual([]);
  });

  it("mention-everyone-needs-approval", () => {
    const loud = { elements: [{ tag: "div", text: { tag: "lark_md", content: "<at id=all></at> read this" } }] };
    expect(violations(mentionEveryone, { ...base, pushContent: loud })[0]).toContain(
      "(pushContent.elements[0].text.content)",
    );
    expect(violations(mentionEveryone, { ...base, pushContent: loud, approval })).toEqual([]);
  });

  it("job-name-pattern", () => {
    expect(violations(jobNamePattern, { ...base, jobName: "VPN reminder" })[0]).toContain(
      'Fix: name it like "CHG-1234: VPN client upgrade"',
    );
    expect(violations(jobNamePattern, base)).toEqual([]);
  });
});

describe("values unknown at preview are never a pass", () => {
  it.each([
    [approvalForEveryone, { ...base, pushScopeType: unknownStringValue }],
    [workingHoursPolicy, { ...base, approval, sendAt: unknownStringValue }],
    [cardLinksPolicy, { ...base, pushContent: unknownStringValue }],
    [audienceCap, { ...base, users: ["ou_a", unknownStringValue] }],
    [mentionEveryone, { ...base, pushContent: { elements: [{ text: { content: unknownStringValue } }] } }],
    [jobNamePattern, { ...base, jobName: unknownStringValue }],
  ] as const)("%# throws @pulumi/policy's UnknownValueError, which it reports as not run", (policy, props) => {
    expect(() => violations(policy as ResourceValidationPolicy, props)).toThrow(UnknownValueError);
  });
});
