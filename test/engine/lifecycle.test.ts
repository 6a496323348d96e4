import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard } from "../harness/feishu-fixture";

// The whole life of a campaign through the real engine: create, no-op preview, edit, refusal
// once Feishu has moved it past draft, refresh, destroy.
describe("HelpdeskNotification lifecycle through `pulumi`", () => {
  const stack = emulatedStack("test/programs/campaigns");

  const campaign = (content: string) => ({
    reminder: {
      jobName: "VPN reminder",
      pushType: "scheduled",
      pushScopeType: "someMembers",
      users: ["ou_b", "ou_a"],
      chats: ["oc_team"],
      pushContent: { ...sampleCard, elements: [{ tag: "div", text: { tag: "lark_md", content } }] },
    },
  });
  const apiCalls = () => stack.emulator.requests.filter((r) => r.path.startsWith("/open-apis/helpdesk"));

  it("creates, previews without calls, patches, refuses a non-draft, refreshes and destroys", async () => {
    const { emulator, project } = stack;
    // up: one create, as a draft.
    await project.setCampaigns(campaign("first text"));
    await project.up();
    expect(emulator.notifications()).toHaveLength(1);
    const [created] = emulator.notifications();
    expect(created.status).toBe(0);
    expect(JSON.parse(created.push_content).elements[0].text.content).toBe("first text");
    const [state] = await project.notificationsInState();
    expect(state.id).toBe(created.id);
    expect(state.outputs).toMatchObject({ notificationId: created.id, status: 0, isDraft: true, targetUserCount: 2 });

    // A reformatted card and reordered users are no change: preview reports none, and calls nothing.
    const reordered = campaign("first text");
    reordered.reminder.users = ["ou_a", "ou_b"];
    (reordered.reminder as Record<string, unknown>).pushContent = JSON.stringify(
      reordered.reminder.pushContent,
      null,
      4,
    );
    await project.setCampaigns(reordered);
    emulator.clearRequests();
    const noop = await project.preview();
    expect(noop.code).toBe(0);
    expect(apiCalls()).toEqual([]);

    // Change the card: up PATCHes the draft (GET status, PATCH, GET outputs); no new campaign.
    await project.setCampaigns(campaign("second text"));
    emulator.clearRequests();
    await project.up();
    expect(apiCalls().map((r) => r.method)).toContain("PATCH");
    expect(apiCalls().filter((r) => r.method === "POST")).toEqual([]);
    expect(emulator.notifications()).toHaveLength(1);
    expect(JSON.parse(emulator.notifications()[0].push_content).elements[0].text.content).toBe("second text");

    // Out of band, the helpdesk owner approves it: the status leaves 0 (the number is the emulator's).
    emulator.setStatus(created.id, 2);
    const before = JSON.stringify(emulator.notifications());
    const stateBefore = JSON.stringify(await project.notificationsInState());

    // A further change: preview already fails, and so does up, with the refusal; nothing is sent.
    await project.setCampaigns(campaign("third text"));
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      `Cannot update push campaign ${created.id} ("VPN reminder"): Feishu reports status 2`,
    );
    const failed = await project.run(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("only drafts (status 0) can be edited");
    expect(apiCalls().filter((r) => r.method !== "GET")).toEqual([]);
    expect(JSON.stringify(emulator.notifications())).toBe(before);
    expect(JSON.stringify(await project.notificationsInState())).toBe(stateBefore);

    // refresh shows the new status.
    await project.setCampaigns(campaign("second text"));
    await project.refresh();
    const [refreshed] = await project.notificationsInState();
    expect(refreshed.outputs).toMatchObject({ status: 2, isDraft: false });

    // destroy: no delete API exists. Under the default onDelete ("cancel") the review in
    // progress is withdrawn, so nothing goes out after the campaign left the code.
    emulator.clearRequests();
    const destroyed = await project.destroy();
    expect(destroyed.output).toContain("its review was withdrawn");
    expect(await project.notificationsInState()).toEqual([]);
    expect(apiCalls().map((r) => `${r.method} ${r.path.replace(created.id, ":id")}`)).toEqual([
      "GET /open-apis/helpdesk/v1/notifications/:id",
      "POST /open-apis/helpdesk/v1/notifications/:id/cancel_approve",
    ]);
    expect(emulator.notifications()).toEqual([expect.objectContaining({ id: created.id, status: 0 })]);
  });
});
