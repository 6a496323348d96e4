import { EmulatorStatus, type FaultRule, type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient, NotificationEditFailedError, NotificationGoneError } from "../../provider";
import { checkNotificationInputs } from "../../provider/notification/check-inputs";
import { NotificationOperations } from "../../provider/notification/operations";
import type { Reporter } from "../../provider/pulumi/reporter";
import { randomCredentials, sampleCard } from "../harness/feishu-fixture";

// The rules the core keeps whatever Feishu answers, against the emulator with faults injected:
// a create never throws once the campaign exists; an edit that fails after its review was
// withdrawn puts the campaign back up for review; a refusal to cancel never blocks a delete.

const inputs = (extra: Record<string, unknown> = {}) => {
  const checked = checkNotificationInputs({
    jobName: "Rules",
    pushType: "scheduled",
    pushScopeType: "allMembers",
    pushContent: sampleCard,
    ...extra,
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.failures));
  return checked.inputs;
};

async function withEmulator(rules: FaultRule[], run: (emulator: RunningEmulator, ops: Operations) => Promise<void>) {
  const credentials = randomCredentials();
  const emulator = await startEmulator({ credentials, faults: { rules } });
  // retryDeadlineMs 1: a failed call is not repeated, so each injected fault is seen.
  const client = new HelpdeskClient({ baseUrl: emulator.url, credentials, retryDeadlineMs: 1 });
  const warnings: string[] = [];
  const reporter: Reporter = { warn: (message) => warnings.push(message), info: () => undefined };
  try {
    await run(emulator, { operations: new NotificationOperations(() => client, reporter), warnings });
  } finally {
    await emulator.close();
  }
}
interface Operations {
  readonly operations: NotificationOperations;
  readonly warnings: string[];
}

describe("NotificationOperations keeps its rules when Feishu fails", () => {
  it("records a created campaign even when its submission's outcome is unknown", async () => {
    const rules: FaultRule[] = [
      { kinds: ["dropAfterCommit"], rate: 1, method: "POST", pathIncludes: "submit_approve" },
    ];
    await withEmulator(rules, async (emulator, { operations, warnings }) => {
      const created = await operations.create(inputs({ approval: { reason: "Go" } }));
      expect(emulator.notifications().map((n) => n.id)).toEqual([created.id]);
      expect(created.state).toMatchObject({ notificationId: created.id, jobName: "Rules" });
      expect(warnings).toEqual([
        expect.stringContaining(`push campaign ${created.id} ("Rules") was created, but a lifecycle step failed`),
      ]);
      expect(warnings[0]).toContain("Submitting push campaign");
    });
  });

  it("submits a campaign again when the edit that withdrew its review fails", async () => {
    const rules: FaultRule[] = [{ kinds: ["internalError"], rate: 1, method: "PATCH" }];
    await withEmulator(rules, async (emulator, { operations }) => {
      const approval = { reason: "Review me" };
      const created = await operations.create(inputs({ approval }));
      expect(emulator.notifications()[0].status).toBe(EmulatorStatus.inReview);
      const edit = operations.update(
        created.id,
        created.state,
        inputs({ approval, jobName: "Edited", cancelToEdit: true }),
      );
      const error = await edit.catch((e: unknown) => e);
      expect(NotificationEditFailedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ notificationId: created.id, resubmitted: true });
      expect((error as Error).message).toMatch(/^Push campaign \S+ \("Rules"\): its review was withdrawn to edit it/);
      expect(emulator.notifications()[0]).toMatchObject({ job_name: "Rules", status: EmulatorStatus.inReview });
    });
  });

  it("lets a campaign go when Feishu refuses to cancel it, with a warning", async () => {
    await withEmulator([], async (emulator, { operations, warnings }) => {
      const created = await operations.create(inputs({ approval: { reason: "Go" } }));
      emulator.setStatus(created.id, EmulatorStatus.cancelled); // withdrawn in the console meanwhile
      await expect(operations.delete(created.id, created.state)).resolves.toBeUndefined();
      expect(warnings.at(-1)).toMatch(
        new RegExp(`push campaign ${created.id} \\("Rules"\\) was removed from the stack; Feishu refused to cancel it`),
      );
    });
  });

  it("names a campaign gone from Feishu on update, and drops it on refresh", async () => {
    await withEmulator([], async (emulator, { operations, warnings }) => {
      const created = await operations.create(inputs());
      emulator.remove(created.id);
      const error = await operations.update(created.id, created.state, inputs({ jobName: "X" })).catch((e) => e);
      expect(NotificationGoneError.isInstance(error)).toBe(true);
      expect(error.message).toBe(
        `Push campaign ${created.id} ("Rules") no longer exists in Feishu (code 154004).\n` +
          "Run `pulumi refresh` to drop it from the stack; the next `pulumi up` then creates it again.",
      );
      await expect(operations.read(created.id, created.state)).resolves.toBeUndefined();
      expect(warnings.at(-1)).toContain(`push campaign ${created.id} ("Rules") no longer exists in Feishu`);
    });
  });
});
