import { detailedDiff, replacingDiff } from "../../../provider/plugin/detailed-diff";
import { createPreview, updatePreview } from "../../../provider/plugin/preview-outputs";
import { UNKNOWN } from "../../../provider/pulumi/unknown";

describe("the detailed diff", () => {
  it("says how each property the update is due to changes, never a replacement", () => {
    expect(
      detailedDiff(
        ["jobName", "ext", "approval", "sendAt"],
        { jobName: "a", ext: "x", approval: { reason: "r" } },
        {
          jobName: "b",
          approval: { reason: "r" },
          sendAt: "1",
        },
      ),
    ).toEqual({ jobName: "update", ext: "delete", approval: "update", sendAt: "add" });
  });

  it("marks every changed property of a bot message as replacing", () => {
    expect(replacingDiff(["content"])).toEqual({ content: "update-replace" });
  });
});

describe("preview outputs", () => {
  it("shows a create's inputs and Feishu's fields as unknown", () => {
    expect(createPreview({ jobName: "a", sendAt: "5" }, ["notificationId", "sendAt", "stage"])).toEqual({
      jobName: "a",
      sendAt: "5",
      notificationId: UNKNOWN,
      stage: UNKNOWN,
    });
  });

  it("shows an update's new inputs, the stable fields kept and the others unknown", () => {
    expect(
      updatePreview(
        { jobName: "a", ext: "old", notificationId: "1", createdAt: "9", stage: "draft" },
        { jobName: "b" },
        ["notificationId", "createdAt", "stage"],
        ["notificationId", "createdAt"],
      ),
    ).toEqual({ jobName: "b", notificationId: "1", createdAt: "9", stage: UNKNOWN });
  });
});
