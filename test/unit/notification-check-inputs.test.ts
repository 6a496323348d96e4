import { checkNotificationInputs } from "../../provider/notification/check-inputs";
import { UNKNOWN } from "../../provider/pulumi/unknown";
import { ruleViolations, validCampaign } from "../cases/rule-violations";

describe("checkNotificationInputs", () => {
  it.each(ruleViolations)("$rule → blames $property", ({ args, property, says }) => {
    const result = checkNotificationInputs(JSON.parse(JSON.stringify(args)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failures).toContainEqual({ property, reason: expect.stringContaining(says) });
  });

  it("normalizes enums given as numbers, the card given as an object, and absent lists", () => {
    const result = checkNotificationInputs({ ...validCampaign, pushType: 0, pushScopeType: 2 });
    expect(result).toEqual({
      ok: true,
      inputs: {
        jobName: "Rule check",
        pushType: "scheduled",
        pushScopeType: "someMembers",
        users: ["ou_a"],
        departments: [],
        chats: [],
        newStaffDepartments: [],
        pushContent: JSON.stringify(validCampaign.pushContent),
      },
    });
  });

  it("reports field and cross-field mistakes in one pass", () => {
    const result = checkNotificationInputs({ ...validCampaign, pushScopeType: "allMembers", pushContent: "[1]" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failures.map((f) => f.property).sort()).toEqual(["pushContent", "users"]);
  });

  it("rejects a duplicated id", () => {
    const result = checkNotificationInputs({ ...validCampaign, users: ["ou_a", "ou_a"] });
    expect(result).toEqual({
      ok: false,
      failures: [{ property: "users", reason: 'users lists user id "ou_a" twice' }],
    });
  });

  it("skips the rules that depend on a value not known yet (preview)", () => {
    const result = checkNotificationInputs({ ...validCampaign, pushScopeType: UNKNOWN, users: [] });
    expect(result.ok).toBe(true);
    const stillChecked = checkNotificationInputs({ ...validCampaign, jobName: UNKNOWN, pushContent: "{" });
    expect(stillChecked.ok).toBe(false);
  });

  it("refuses newStaffScopeType on a scheduled push (stricter than Feishu, which ignores it)", () => {
    const result = checkNotificationInputs({ ...validCampaign, newStaffScopeType: "allNewStaff" });
    expect(result.ok).toBe(false);
  });
});
