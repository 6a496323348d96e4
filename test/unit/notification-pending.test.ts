import type { NormalizedNotificationInputs } from "../../provider/notification/fields";
import type { StoredNotification } from "../../provider/notification/outputs";
import { planDiff } from "../../provider/notification/planner";
import { blankInputs } from "../../provider/notification/stored-state";
import { UNKNOWN } from "../../provider/pulumi/unknown";

const inputs: NormalizedNotificationInputs = { ...blankInputs, jobName: "j" };
const stored = (extra: Partial<StoredNotification>) => ({ ...inputs, ...extra }) as StoredNotification;
/** The pending steps the planner returns with a diff (none without a change). */
const pendingSteps = (olds: StoredNotification, news: NormalizedNotificationInputs) => {
  const plan = planDiff(olds, news);
  return plan.kind === "change" ? plan.pending : [];
};

describe("the pending steps of planDiff", () => {
  it("names sendAt waiting for approval on a campaign under review", () => {
    const olds = stored({ approval: { reason: "r" }, status: 1, stage: "submitted" });
    expect(pendingSteps(olds, { ...inputs, approval: { reason: "r" }, sendAt: "1800000000000" })).toEqual([
      { property: "sendAt", why: "awaitingApproval", sendAt: "1800000000000" },
    ]);
  });

  it("names approval and sendAt due on a draft", () => {
    const olds = stored({ status: 0, stage: "draft" });
    expect(pendingSteps(olds, { ...inputs, approval: { reason: "r" }, sendAt: "1800000000000" })).toEqual([
      { property: "approval", why: "draft" },
      { property: "sendAt", why: "draft", sendAt: "1800000000000" },
    ]);
  });

  it("finds nothing once scheduled, nor for a value not known yet", () => {
    const olds = stored({ status: 3, stage: "scheduled", sendAt: "1800000000000" });
    expect(pendingSteps(olds, { ...inputs, sendAt: "1800000000000" })).toEqual([]);
    expect(pendingSteps(stored({ status: 0 }), { ...inputs, sendAt: UNKNOWN })).toEqual([]);
  });
});
