import { EmulatorStatus, ManualClock } from "../../emulator";
import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard } from "../harness/feishu-fixture";

const base = {
  jobName: "Onboarding push",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a", "ou_b"],
  pushContent: sampleCard,
};

// The provider (another process) checks that sendAt is in the future by the wall clock, so sendAt
// stays in the real future; the emulator's clock follows the wall clock (rate-limit windows pass as
// usual) and the test moves it past sendAt instead of sleeping until then: the provider judges the
// stage by the server's clock, from the emulator's Date header.

// Review and scheduled sending declared in code, through the real engine. The emulator's
// status numbers (EmulatorStatus) are its own; the provider reports `stage` from what the API says.
describe("a campaign's lifecycle declared in code", () => {
  describe("with a helpdesk owner who approves at once", () => {
    const clock = new ManualClock({ ticking: true });
    const stack = emulatedStack("test/programs/campaigns", {
      emulator: { autoApprove: true, sendDurationMs: 1000, clock },
    });
    const stage = async () =>
      (await stack.project.notificationsInState())[0].outputs as {
        stage: string;
        status: number;
        sentUserCount?: number;
        targetUserCount?: number;
      };

    it("goes draft → approved → scheduled → sent, and refresh reports each stage", async () => {
      const { emulator, project } = stack;
      await project.setCampaigns({ push: base });
      await project.up();
      await project.refresh();
      expect(await stage()).toMatchObject({ stage: "draft", status: EmulatorStatus.draft });

      await project.setCampaigns({ push: { ...base, approval: { reason: "Quarterly onboarding" } } });
      const stepStart = Date.now();
      await project.up();
      await project.refresh();
      const stepMs = Date.now() - stepStart;
      expect(await stage()).toMatchObject({ stage: "approved", status: EmulatorStatus.approved });

      // sendAt must still be ahead on the wall clock after the next up and refresh: on a loaded
      // machine those take longer, so the margin is measured from the step before rather than guessed.
      const sendAt = Date.now() + Math.max(8000, 3 * stepMs);
      await project.setCampaigns({
        push: { ...base, approval: { reason: "Quarterly onboarding" }, sendAt: new Date(sendAt).toISOString() },
      });
      await project.up();
      await project.refresh();
      expect(await stage()).toMatchObject({ stage: "scheduled", status: EmulatorStatus.scheduled });
      expect(emulator.notifications()[0].send_at).toBe(String(sendAt));

      // The provider tells "sent" from send_at by Feishu's clock (the Date header, to the second), so
      // the emulator's clock is moved well past sendAt and the send's duration; nothing waits.
      clock.advanceTo(sendAt + 5000);
      await project.refresh();
      expect(await stage()).toMatchObject({
        stage: "sent",
        status: EmulatorStatus.sent,
        sentUserCount: 2,
        targetUserCount: 2,
      });
      // Nothing is left to do: the program and the campaign agree.
      expect((await project.preview()).code).toBe(0);
    });
  });

  describe("with a helpdesk owner who approves later", () => {
    const stack = emulatedStack("test/programs/campaigns");

    it("waits for approval without failing, then schedules on the next up", async () => {
      const { emulator, project } = stack;
      const sendAt = new Date(Date.now() + 3_600_000).toISOString();
      await project.setCampaigns({ push: { ...base, approval: { reason: "Please approve" }, sendAt } });
      const first = await project.up();
      expect(first.output).toContain("submitted for review; the helpdesk owner must approve it");
      expect(first.output).toContain("probably still waiting for the helpdesk owner's approval");
      const [{ id, outputs }] = await project.notificationsInState();
      expect(outputs).toMatchObject({ stage: "submitted", status: EmulatorStatus.inReview });
      expect((await project.preview()).code).not.toBe(0); // still something to do

      emulator.approve(id!);
      await project.up();
      expect((await project.notificationsInState())[0].outputs).toMatchObject({ stage: "scheduled" });
      expect(emulator.notifications()[0].send_at).toBe(String(Date.parse(sendAt)));
    });

    it("withdraws the review to edit a campaign under review only when cancelToEdit is set", async () => {
      const { emulator, project } = stack;
      await project.setCampaigns({ edit: { ...base, approval: { reason: "Review me" } } });
      await project.up();
      const [campaign] = emulator
        .notifications()
        .filter((n) => n.job_name === "Onboarding push" && n.status === EmulatorStatus.inReview);

      await project.setCampaigns({ edit: { ...base, jobName: "Renamed", approval: { reason: "Review me" } } });
      expect((await project.run(["up", "--yes", "--skip-preview"])).output).toContain(
        "only drafts (status 0) can be edited",
      );

      emulator.clearRequests();
      await project.setCampaigns({
        edit: { ...base, jobName: "Renamed", approval: { reason: "Review me" }, cancelToEdit: true },
      });
      await project.up();
      const calls = emulator.requests
        .filter((r) => r.method !== "GET" && r.path.includes("/helpdesk/"))
        .map((r) => `${r.method} ${r.path.replace(campaign.id, ":id")}`);
      expect(calls).toEqual([
        "POST /open-apis/helpdesk/v1/notifications/:id/cancel_approve",
        "PATCH /open-apis/helpdesk/v1/notifications/:id",
        "POST /open-apis/helpdesk/v1/notifications/:id/submit_approve",
      ]);
      expect(emulator.notifications().find((n) => n.id === campaign.id)).toMatchObject({
        job_name: "Renamed",
        status: EmulatorStatus.inReview,
      });
    });
  });

  describe("removing a campaign from code", () => {
    const clock = new ManualClock({ ticking: true });
    const stack = emulatedStack("test/programs/campaigns", {
      emulator: { autoApprove: true, sendDurationMs: 500, clock },
    });
    const declare = (onDelete: string | undefined, sendAt: number) => ({
      ...base,
      jobName: `onDelete ${onDelete ?? "default"}`,
      approval: { reason: "Go" },
      sendAt,
      ...(onDelete ? { onDelete } : {}),
    });
    const byName = (jobName: string) => stack.emulator.notifications().find((n) => n.job_name === jobName)!;

    it("cancels a scheduled send by default, recalls with recall, calls nothing with retain", async () => {
      const { emulator, project } = stack;
      const later = Date.now() + 3_600_000;
      // Far enough ahead that a slow up still finds it in the future; the emulator's clock, not a
      // wait, then moves past it.
      const soon = Date.now() + 30_000;
      await project.setCampaigns({
        byDefault: declare(undefined, later),
        retained: declare("retain", later),
        recalled: declare("recall", soon),
      });
      await project.up();
      expect([byName("onDelete default"), byName("onDelete retain")].map((n) => n.status)).toEqual([
        EmulatorStatus.scheduled,
        EmulatorStatus.scheduled,
      ]);
      // The one due soon may already be going out, depending on how long the up took.
      expect([EmulatorStatus.scheduled, EmulatorStatus.sending, EmulatorStatus.sent]).toContain(
        byName("onDelete recall").status,
      );
      clock.advanceTo(soon + 1000);
      expect(emulator.extras(byName("onDelete recall").id).delivered).toBe(2);

      // Remove the default one and the recalled one.
      await project.setCampaigns({ retained: declare("retain", later) });
      await project.up();
      expect(byName("onDelete default").status).toBe(EmulatorStatus.cancelled);
      expect(emulator.extras(byName("onDelete default").id)).toMatchObject({ recalled: false });
      expect(byName("onDelete recall").status).toBe(EmulatorStatus.cancelled);
      expect(emulator.extras(byName("onDelete recall").id)).toMatchObject({ delivered: 2, recalled: true });

      // Retain: removing it calls nothing at all.
      emulator.clearRequests();
      const removed = await project.destroy();
      expect(emulator.requests.filter((r) => r.path.includes("/helpdesk/"))).toEqual([]);
      expect(removed.output).toContain('onDelete is "retain": nothing was cancelled');
      expect(byName("onDelete retain").status).toBe(EmulatorStatus.scheduled);
    });
  });
});
