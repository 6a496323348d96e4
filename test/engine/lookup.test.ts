import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard } from "../harness/feishu-fixture";

// HelpdeskNotification.get reads an existing campaign with every output, through the engine.
describe("looking up an existing campaign", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it("gives every output, read from Feishu, and leaves the campaign alone", async () => {
    const { emulator, project } = stack;
    await project.setCampaigns({
      made: {
        jobName: "Made",
        pushType: "scheduled",
        pushScopeType: "someMembers",
        users: ["ou_a"],
        pushContent: sampleCard,
      },
    });
    await project.up();
    const [made] = await project.notificationsInState();

    await project.setCampaigns({});
    await project.setConfig("lookups", JSON.stringify({ found: made.id }));
    // The managed resource goes (a draft stays in Feishu as it is); the lookup reads the campaign.
    await project.up();
    const outputs = await project.outputs();
    const found = (outputs.found as Record<string, { pushContent: string }>).found;
    expect(found).toMatchObject({ jobName: "Made", users: ["ou_a"], status: 0, stage: "draft" });
    expect(JSON.parse(found.pushContent)).toEqual(sampleCard); // Feishu's copy, compared by meaning
    expect(emulator.notifications()).toHaveLength(1);

    // Removing the lookup calls nothing that changes the campaign.
    await project.setConfig("lookups", "{}");
    await project.up();
    expect(emulator.notifications()[0].job_name).toBe("Made");
  });
});
