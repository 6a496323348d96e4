import { emulatedStack } from "../harness/emulated-stack";
import { HelpdeskClient } from "../../provider/client/helpdesk-client";
import { toWireBody } from "../../provider/notification/mapping";
import { checkNotificationInputs } from "../../provider/notification/check-inputs";
import { sampleCard, secretValues } from "../harness/feishu-fixture";

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

// getNotificationOutput reads a campaign in the program's own process: no resource, nothing in the state.
describe("getNotificationOutput", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it("exports a field of an existing campaign with the stack config, and no credential in the state", async () => {
    const { emulator, project, credentials } = stack;
    const checked = checkNotificationInputs({
      jobName: "Made elsewhere",
      pushType: "scheduled",
      pushScopeType: "allMembers",
      pushContent: sampleCard,
    });
    if (!checked.ok) throw new Error("invalid sample");
    const client = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials,
    });
    const { notificationId } = await client.createNotification(toWireBody(checked.inputs));

    await project.setCampaigns({});
    await project.setConfig("readOnly", JSON.stringify({ elsewhere: notificationId }));
    const up = await project.up();
    expect((await project.outputs()).read).toEqual({ elsewhere: { jobName: "Made elsewhere", stage: "draft" } });
    const { text, deployment } = await project.exportStack();
    for (const secret of secretValues(credentials)) {
      expect(text).not.toContain(secret);
      expect(up.output).not.toContain(secret);
    }
    // Only the stack and its default provider: a lookup is no resource.
    expect((deployment.resources ?? []).map((r) => r.type)).not.toContainEqual(expect.stringContaining("Helpdesk"));
  });
});
