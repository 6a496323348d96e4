import type { DeletePolicy, NormalizedNotificationInputs } from "../../provider/notification/fields";
import { blankInputs } from "../../provider/notification/stored-state";
import { inputsOf, type StoredNotification } from "../../provider/notification/outputs";
import type { DiffPlan, LiveCampaign, Plan, Step } from "../../provider/notification/plan";
import {
  deleteReadsLive,
  planAdopt,
  planCreate,
  planDelete,
  planDiff,
  planDraftCheck,
  planUpdate,
} from "../../provider/notification/planner";
import type { CampaignStage } from "../../provider/notification/stage";
import { UNKNOWN } from "../../provider/pulumi/unknown";

// The campaign planner, exhaustively: every stage × every change of the program × every
// onDelete policy, for diff, update and delete; then create and adopt. Pure functions, so no
// emulator and no engine. Only status 0 (draft) is documented by Feishu: the other status
// numbers below are arbitrary non-zero values, one per stage, so that messages can be told apart.

const T1 = "1900000000000"; // the send time Feishu holds
const T2 = "1900000600000"; // a new send time in the program
const base: NormalizedNotificationInputs = { ...blankInputs, jobName: "Push", pushContent: '{"elements":[]}' };
const go = { reason: "Go" };

const stages = ["draft", "submitted", "approved", "scheduled", "sending", "sent", "unknown"] as const;
type Stage = (typeof stages)[number];
const policies: DeletePolicy[] = ["retain", "cancel", "recall"];

/** The stack's record and Feishu's campaign at each stage, as the last `pulumi up` or refresh left them. */
function atStage(stage: Stage, onDelete: DeletePolicy | undefined): { stored: StoredNotification; live: LiveCampaign } {
  const status = stages.indexOf(stage) as number; // 0 for draft; otherwise arbitrary
  const reviewed = stage !== "draft" && stage !== "unknown";
  const sendAt = stage === "scheduled" || stage === "sending" || stage === "sent" ? T1 : undefined;
  const stored: StoredNotification = {
    ...base,
    ...(reviewed ? { approval: go } : {}),
    ...(sendAt ? { sendAt } : {}),
    ...(onDelete ? { onDelete } : {}),
    notificationId: "n1",
    status,
    isDraft: status === 0,
    stage: stage satisfies CampaignStage,
    ...(reviewed ? { approvalSubmitted: true, approvalGranted: stage !== "submitted" } : {}),
  };
  const live: LiveCampaign = { status, jobName: "Push", sendAt, stage, targetUserCount: 100 };
  return { stored, live };
}

/** Each change a program can make, from the stored state: the stored state to diff against and the new inputs. */
const changes = {
  none: (s: StoredNotification) => ({ olds: s, news: inputsOf(s) }),
  campaignFields: (s: StoredNotification) => ({ olds: s, news: { ...inputsOf(s), jobName: "Renamed" } }),
  campaignFieldsWithCancelToEdit: (s: StoredNotification) => ({
    olds: s,
    news: { ...inputsOf(s), jobName: "Renamed", cancelToEdit: true },
  }),
  approvalAdded: (s: StoredNotification) => ({ olds: s, news: { ...inputsOf(s), approval: { reason: "New" } } }),
  sendAtAddedOrChanged: (s: StoredNotification) => ({
    olds: s,
    news: { ...inputsOf(s), approval: s.approval ?? go, sendAt: T2 },
  }),
  // Removing or rewording the lifecycle asks for nothing: un-submitting and un-scheduling are onDelete's job.
  approvalRemoved: (s: StoredNotification) => {
    const { approval: _, sendAt: __, ...rest } = inputsOf(s);
    return { olds: { ...s, approval: go }, news: rest };
  },
  approvalReasonChanged: (s: StoredNotification) => ({
    olds: { ...s, approval: go },
    news: { ...inputsOf(s), approval: { reason: "Reworded" } },
  }),
  sendAtRemoved: (s: StoredNotification) => {
    const { sendAt: _, ...rest } = inputsOf(s);
    return { olds: { ...s, sendAt: s.sendAt ?? T1 }, news: rest };
  },
  // adoptId is read at create only.
  adoptIdChanged: (s: StoredNotification) => ({ olds: s, news: { ...inputsOf(s), adoptId: "7002" } }),
  cancelToEditOn: (s: StoredNotification) => ({ olds: s, news: { ...inputsOf(s), cancelToEdit: true } }),
  cancelToEditOff: (s: StoredNotification) => ({ olds: { ...s, cancelToEdit: true }, news: inputsOf(s) }),
  onDeleteChanged: (s: StoredNotification) => ({
    olds: s,
    news: { ...inputsOf(s), onDelete: policies[(policies.indexOf(s.onDelete!) + 1) % policies.length] },
  }),
};
type Change = keyof typeof changes;

/** A plan as one line: the steps in order, or the refusal. */
function describe_(plan: Plan | readonly Step[]): string {
  if ("kind" in plan && plan.kind === "refuse") return `refuse ${plan.refusal.reason}`;
  const steps = "kind" in plan ? (plan.kind === "steps" ? plan.steps : []) : plan;
  return steps
    .map((step) => {
      switch (step.kind) {
        case "patch": {
          if (!step.afterWithdrawal) return "patch";
          const reason = step.afterWithdrawal.resubmitReason;
          return `patch (if it fails: ${reason ? `resubmit "${reason}"` : "leave a draft"})`;
        }
        case "submit":
          return `submit "${step.reason}"`;
        case "schedule":
          return `schedule ${step.sendAt === T2 ? "T2" : step.sendAt}`;
        case "cancelSend":
          return step.recall ? "cancelSend + recall" : "cancelSend";
        case "warn":
          return step.notice.about === "retained"
            ? `warn retained (status ${step.notice.status})`
            : `warn ${step.notice.about}`;
        default:
          return step.kind;
      }
    })
    .join(" → ");
}

/** What the diff of a preview ends in: its plan, and the live check it asks for. */
function diffOutcome(plan: DiffPlan, olds: StoredNotification, live: LiveCampaign): string {
  if (plan.kind === "refuse") return `refuse ${plan.refusal.reason}`;
  if (plan.kind === "noChange") return "no change";
  if (!plan.confirmDraft) return "change";
  const refusal = planDraftCheck(olds, live);
  return refusal ? `read live: refuse ${refusal.reason}` : "read live: change";
}

type Row = Readonly<Record<Stage, string>>;
const all = (value: string): Row => Object.fromEntries(stages.map((stage) => [stage, value])) as Row;
const withdrawEditResubmit = 'withdrawReviewToEdit → patch (if it fails: resubmit "Go") → submit "Go"';

/** The diff each change gives at each stage (whatever the policy). */
const expectedDiff: Readonly<Record<Change, Row>> = {
  none: all("no change"),
  campaignFields: { ...all("read live: refuse notDraft"), draft: "read live: change" },
  campaignFieldsWithCancelToEdit: all("change"),
  approvalAdded: { ...all("no change"), draft: "change" },
  sendAtAddedOrChanged: { ...all("change"), sending: "refuse alreadySent", sent: "refuse alreadySent" },
  approvalRemoved: all("no change"),
  // A draft with approval in the program is still to be submitted; the new reason is what it gets.
  approvalReasonChanged: { ...all("no change"), draft: "change" },
  sendAtRemoved: all("no change"),
  adoptIdChanged: all("no change"),
  cancelToEditOn: all("change"),
  cancelToEditOff: all("change"),
  onDeleteChanged: all("change"),
};

/** The update each change plans at each stage (whatever the policy). */
const expectedUpdate: Readonly<Record<Change, Row>> = {
  none: all(""),
  campaignFields: { ...all("refuse notDraft"), draft: "patch" },
  campaignFieldsWithCancelToEdit: {
    draft: "patch",
    submitted: withdrawEditResubmit,
    approved: withdrawEditResubmit,
    scheduled: "refuse scheduledEdit",
    sending: "refuse scheduledEdit",
    sent: "refuse scheduledEdit",
    unknown: "withdrawReviewToEdit → patch (if it fails: leave a draft)",
  },
  approvalAdded: { ...all(""), draft: 'submit "New"' },
  // Update trusts the diff, which refuses a new sendAt once sending or sent.
  sendAtAddedOrChanged: { ...all("schedule T2"), draft: 'submit "Go" → schedule T2' },
  approvalRemoved: all(""),
  approvalReasonChanged: { ...all(""), draft: 'submit "Reworded"' },
  sendAtRemoved: all(""),
  adoptIdChanged: all(""),
  cancelToEditOn: all(""),
  cancelToEditOff: all(""),
  onDeleteChanged: all(""),
};

const matrix = stages.flatMap((stage) =>
  (Object.keys(changes) as Change[]).flatMap((change) => policies.map((policy) => ({ stage, change, policy }))),
);

describe("planDiff (with planDraftCheck when it asks to read the live campaign)", () => {
  it.each(matrix)("$stage × $change × onDelete $policy", ({ stage, change, policy }) => {
    const { stored, live } = atStage(stage, policy);
    const { olds, news } = changes[change](stored);
    expect(diffOutcome(planDiff(olds, news), olds, live)).toBe(expectedDiff[change][stage]);
  });
});

describe("planUpdate", () => {
  it.each(matrix)("$stage × $change × onDelete $policy", ({ stage, change, policy }) => {
    const { stored, live } = atStage(stage, policy);
    const { olds, news } = changes[change](stored);
    expect(describe_(planUpdate(olds, news, live))).toBe(expectedUpdate[change][stage]);
  });
});

const cancelPlans: Row = {
  draft: "warn draftStays",
  submitted: "withdrawReviewOnDelete",
  approved: "withdrawReviewOnDelete",
  scheduled: "cancelSend",
  sending: "cancelSend",
  sent: "warn alreadySent",
  unknown: "withdrawReviewOnDelete",
};

/** What removing the resource plans at each stage, per stored policy (undefined: the default, cancel). */
const expectedDelete: Readonly<Record<DeletePolicy | "default", Row>> = {
  retain: Object.fromEntries(stages.map((stage, status) => [stage, `warn retained (status ${status})`])) as Row,
  cancel: cancelPlans,
  recall: {
    draft: "warn draftStays",
    submitted: "withdrawReviewOnDelete",
    approved: "withdrawReviewOnDelete",
    scheduled: "cancelSend + recall",
    sending: "cancelSend + recall",
    sent: "cancelSend + recall",
    unknown: "withdrawReviewOnDelete",
  },
  // No policy stored means the default, cancel.
  default: cancelPlans,
};

describe("planDelete", () => {
  const cases = stages.flatMap((stage) =>
    (["retain", "cancel", "recall", "default"] as const).map((policy) => ({ stage, policy })),
  );
  it.each(cases)("$stage × onDelete $policy", ({ stage, policy }) => {
    const { stored, live } = atStage(stage, policy === "default" ? undefined : policy);
    // retain reads nothing, so the planner gets no live campaign then.
    const seen = deleteReadsLive(stored) ? live : undefined;
    expect(deleteReadsLive(stored)).toBe(policy !== "retain");
    expect(describe_(planDelete(stored, seen))).toBe(expectedDelete[policy][stage]);
  });

  it.each(policies)("a campaign gone from Feishu: nothing to cancel (onDelete %s)", (policy) => {
    const { stored } = atStage("scheduled", policy);
    expect(describe_(planDelete(stored, undefined))).toBe(policy === "retain" ? "warn retained (status 3)" : "");
  });

  it("cancels a chats-only push that looks sent: with no target users it may still be going out", () => {
    const { stored, live } = atStage("sent", "cancel");
    expect(describe_(planDelete(stored, { ...live, targetUserCount: 0 }))).toBe("cancelSend");
  });

  it("retain names no status when the stack never recorded one", () => {
    expect(planDelete({ onDelete: "retain" }, undefined)).toEqual([
      { kind: "warn", notice: { about: "retained", status: undefined } },
    ]);
  });
});

describe("planDiff and planUpdate, beyond the matrix", () => {
  it("does not read the live campaign for a change only unknown during preview", () => {
    const { stored } = atStage("approved", "cancel");
    expect(planDiff(stored, { ...inputsOf(stored), jobName: UNKNOWN })).toEqual({
      kind: "change",
      confirmDraft: false,
      properties: ["jobName"],
      pending: [],
    });
    expect(planDiff(stored, { ...inputsOf(stored), jobName: "Known", cancelToEdit: UNKNOWN as never })).toEqual({
      kind: "change",
      confirmDraft: false,
      properties: ["jobName", "cancelToEdit"],
      pending: [],
    });
  });

  it("counts a reformatted card and reordered ids as no change", () => {
    const stored = { ...atStage("approved", "cancel").stored, users: [] as string[], chats: ["a", "b"] };
    const news = { ...inputsOf(stored), chats: ["b", "a"], pushContent: '{ "elements": [ ] }' };
    expect(planDiff(stored, news)).toEqual({ kind: "noChange" });
  });

  it("submits a state written before the status was recorded, as a draft", () => {
    const { status: _, ...stored } = atStage("draft", "cancel").stored;
    expect(planDiff(stored, { ...inputsOf(stored), approval: go })).toEqual({
      kind: "change",
      confirmDraft: false,
      properties: ["approval"],
      pending: [{ property: "approval", why: "draft" }],
    });
  });

  it("refuses a campaign gone from Feishu, naming it as the stack knows it", () => {
    const { stored } = atStage("draft", "cancel");
    expect(planUpdate(stored, inputsOf(stored), undefined)).toEqual({
      kind: "refuse",
      refusal: { reason: "gone", jobName: "Push" },
    });
    expect(planDraftCheck(stored, undefined)).toEqual({ reason: "gone", jobName: "Push" });
  });

  it("carries what the errors need: the status and job name Feishu reports, the send time", () => {
    const { stored, live } = atStage("scheduled", "cancel");
    const renamed = { ...inputsOf(stored), jobName: "Renamed", cancelToEdit: true };
    expect(planUpdate(stored, renamed, { ...live, jobName: "In Feishu" })).toEqual({
      kind: "refuse",
      refusal: { reason: "scheduledEdit", jobName: "In Feishu", status: 3, sendAt: T1 },
    });
    const sent = atStage("sent", "cancel");
    expect(planDiff(sent.stored, { ...inputsOf(sent.stored), sendAt: T2 })).toEqual({
      kind: "refuse",
      refusal: { reason: "alreadySent", jobName: "Push", stage: "sent", sendAt: T1 },
    });
  });
});

describe("planCreate", () => {
  it.each([
    { name: "no lifecycle", approval: undefined, sendAt: undefined, status: 0, plan: "" },
    { name: "approval", approval: go, sendAt: undefined, status: 0, plan: 'submit "Go"' },
    { name: "approval and sendAt", approval: go, sendAt: T2, status: 0, plan: 'submit "Go" → schedule T2' },
    { name: "sendAt alone: a draft is never scheduled", approval: undefined, sendAt: T2, status: 0, plan: "" },
    { name: "created past draft: not submitted", approval: go, sendAt: T2, status: 7, plan: "schedule T2" },
  ])("$name → $plan", (c) => {
    const desired = {
      ...base,
      ...(c.approval ? { approval: c.approval } : {}),
      ...(c.sendAt ? { sendAt: c.sendAt } : {}),
    };
    expect(describe_(planCreate(desired, c.status))).toBe(c.plan);
  });
});

describe("planAdopt", () => {
  const { live } = atStage("draft", undefined);

  it("refuses an id Feishu does not know", () => {
    expect(planAdopt(base, undefined, undefined)).toEqual({ kind: "refuse", refusal: { reason: "adoptNotFound" } });
  });

  it("adopts a campaign that matches as it is, at any stage", () => {
    for (const stage of stages)
      expect(planAdopt(base, atStage(stage, undefined).live, base)).toEqual({
        kind: "steps",
        steps: [],
        found: atStage(stage, undefined).live,
      });
  });

  it("patches a draft that differs", () => {
    expect(planAdopt(base, live, { ...base, jobName: "Old" })).toEqual({
      kind: "steps",
      steps: [{ kind: "patch" }],
      found: live,
    });
  });

  it("refuses a campaign past draft that differs, naming the differences", () => {
    expect(planAdopt(base, { ...live, status: 2, jobName: "Old" }, { ...base, jobName: "Old", chats: ["c"] })).toEqual({
      kind: "refuse",
      refusal: { reason: "adoptMismatch", jobName: "Old", status: 2, differences: ["jobName", "chats"] },
    });
  });
});
