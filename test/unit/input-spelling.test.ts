import { checkBotMessageInputs } from "../../provider/bot-message/check-inputs";
import { checkNotificationInputs } from "../../provider/notification/check-inputs";
import { closestName, editDistance } from "../../provider/pulumi/unknown-properties";
import { UNKNOWN } from "../../provider/pulumi/unknown";

// What a program gets wrong that TypeScript does not catch in transpile-only runs or for
// arguments built from JSON: a misspelt property, a wrong type, a time without its zone.
describe("check refuses what it would otherwise misread", () => {
  const campaign = {
    jobName: "J",
    pushType: "scheduled",
    pushScopeType: "someMembers",
    users: ["ou_1"],
    pushContent: { elements: [] },
  };
  const reasons = (check: { ok: boolean; failures?: readonly { property: string; reason: string }[] }) =>
    check.ok ? [] : check.failures!.map((f) => `${f.property}: ${f.reason}`);

  it.each([
    ["chat", "chats"],
    ["jobname", "jobName"],
    ["sendat", "sendAt"],
    ["pushScope", "pushScopeType"],
    ["approvals", "approval"],
  ])("names the closest input for %s: %s", (typo, meant) => {
    const check = checkNotificationInputs({ ...campaign, [typo]: "x" });
    expect(reasons(check)).toContain(`${typo}: ${typo} is not an input of this resource: did you mean ${meant}?`);
  });

  it("lists the inputs for a name close to none, and says an output is not an input", () => {
    expect(reasons(checkNotificationInputs({ ...campaign, colour: "red" }))[0]).toMatch(
      /^colour: colour is not an input of this resource: the inputs are jobName, pushContent, /,
    );
    expect(reasons(checkNotificationInputs({ ...campaign, status: 0 }))).toEqual([
      "status: status is not an input of this resource: it is an output, set by Feishu, not an input",
    ]);
  });

  it("refuses a misspelt property even while other values are unknown", () => {
    expect(reasons(checkNotificationInputs({ ...campaign, users: UNKNOWN, chat: ["oc_1"] }))).toEqual([
      "chat: chat is not an input of this resource: did you mean chats?",
    ]);
  });

  it.each([
    [{ jobName: 42 }, "jobName: jobName must be a string: the campaign's job name (job_name)"],
    [{ users: [42] }, "users: users[0] each user id must be a string"],
    [{ pushType: true }, 'pushType: pushType must be one of "scheduled" (0), "newStaffOnboarding" (1)'],
  ])("says the type a value must have, not that it is missing: %j", (change, says) => {
    expect(reasons(checkNotificationInputs({ ...campaign, ...change }))).toEqual([says]);
  });

  it.each(["2026-12-24T09:00:00", "2026-12-24T09:00", "2026-12-24", "Dec 24 2026 09:00"])(
    "refuses a sendAt without an offset: %s",
    (sendAt) => {
      const [reason] = reasons(checkNotificationInputs({ ...campaign, approval: { reason: "r" }, sendAt }, {}, 0));
      expect(reason).toContain(`sendAt must say its offset from UTC; ${JSON.stringify(sendAt)} does not`);
      expect(reason).toContain('+08:00"');
    },
  );

  it.each(["soon", "tomorrow 9am", "2026-13-45T99:00:00", ""])(
    "says a sendAt that is no time at all is neither an ISO 8601 time nor milliseconds: %j",
    (sendAt) => {
      const [reason] = reasons(checkNotificationInputs({ ...campaign, approval: { reason: "r" }, sendAt }, {}, 0));
      expect(reason).toBe(
        'sendAt: sendAt must be an ISO 8601 time with its offset from UTC (such as "2026-12-24T09:00:00+08:00") ' +
          `or milliseconds since the epoch; ${JSON.stringify(sendAt)} is neither`,
      );
    },
  );

  it("shows the same wall-clock time with an offset", () => {
    const [reason] = reasons(
      checkNotificationInputs({ ...campaign, approval: { reason: "r" }, sendAt: "2026-12-24T09:00:00" }, {}, 0),
    );
    expect(reason).toContain('Write it as "2026-12-24T09:00:00+08:00"');
  });

  it.each([
    ["2026-12-24T09:00:00+08:00", "1798074000000"],
    ["2026-12-24T01:00:00Z", "1798074000000"],
    ["2026-12-24T01:00:00.000z", "1798074000000"],
    ["2026-12-24T09:00:00+0800", "1798074000000"],
    ["1798074000000", "1798074000000"],
    [1798074000000, "1798074000000"],
  ])("takes %j as the same instant wherever it runs", (sendAt, ms) => {
    const check = checkNotificationInputs({ ...campaign, approval: { reason: "r" }, sendAt }, {}, 0);
    expect(check).toMatchObject({ ok: true, inputs: { sendAt: ms } });
  });

  it("does the same for a bot message's inputs", () => {
    const message = { msgType: "text", content: { text: "hi" }, receiverId: "ou_1" };
    expect(reasons(checkBotMessageInputs({ ...message, receiveId: "ou_2" }))).toEqual([
      "receiveId: receiveId is not an input of this resource: did you mean receiverId?",
    ]);
    expect(reasons(checkBotMessageInputs({ ...message, receiverId: 42 }))).toEqual([
      "receiverId: receiverId must be a string: the receiving user's id",
    ]);
    expect(reasons(checkBotMessageInputs({ ...message, messageId: undefined }))).toEqual([]);
  });

  it("measures edit distance ignoring case, and keeps far names unsuggested", () => {
    expect(editDistance("chat", "chats")).toBe(1);
    expect(editDistance("JOBNAME", "jobName")).toBe(0);
    expect(closestName("xyz", ["chats", "users"])).toBeUndefined();
  });
});
