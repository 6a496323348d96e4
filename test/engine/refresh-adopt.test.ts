import { type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { configureStack, randomCredentials, sampleCard } from "../harness/feishu-fixture";
import { PulumiProject } from "../harness/pulumi-project";

// Adopting a campaign made elsewhere, drift seen by refresh, and a campaign gone remotely.
describe("adopt, refresh and remote removal through `pulumi`", () => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let client: HelpdeskClient;
  const credentials = randomCredentials();
  const card = JSON.stringify(sampleCard);
  const posts = () =>
    emulator.requests.filter((r) => r.method === "POST" && r.path === "/open-apis/helpdesk/v1/notifications");

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
  });

  it("adopts an existing draft instead of creating one, and brings it in line", async () => {
    const { notificationId } = await client.createNotification({
      job_name: "Made in the console",
      push_content: card,
      push_type: 0,
      push_scope_type: 0,
    });
    emulator.clearRequests();
    await project.setCampaigns({
      adopted: {
        adoptId: notificationId,
        jobName: "Managed now",
        pushType: "scheduled",
        pushScopeType: "allMembers",
        pushContent: sampleCard,
      },
    });
    await project.up();
    expect(posts()).toEqual([]);
    expect(emulator.notifications()).toHaveLength(1);
    expect(emulator.notifications()[0]).toMatchObject({ id: notificationId, job_name: "Managed now" });
    const [state] = await project.notificationsInState();
    expect(state.id).toBe(notificationId);
  });

  it("shows drift after refresh, and the next up puts the program's values back", async () => {
    const [{ id }] = emulator.notifications();
    await client.patchNotification(id, {
      job_name: "Edited by hand",
      push_content: card,
      push_type: 0,
      push_scope_type: 0,
    });
    await project.refresh();
    const [state] = await project.notificationsInState();
    expect(state.inputs).toMatchObject({ jobName: "Edited by hand" });
    expect(state.outputs).toMatchObject({ jobName: "Edited by hand" });

    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/~ .*HelpdeskNotification adopted/);
    await project.up();
    expect(emulator.notifications()[0].job_name).toBe("Managed now");
  });

  it("drops a campaign that no longer exists remotely from the stack on refresh", async () => {
    const [{ id }] = emulator.notifications();
    emulator.remove(id);
    const refreshed = await project.refresh();
    expect(refreshed.output).toContain(`push campaign ${id} ("Managed now") no longer exists in Feishu`);
    // Under the resource, named, though refresh gets only the outputs (they keep the URN for this).
    expect(refreshed.stdout).toMatch(
      new RegExp(
        "HelpdeskNotification \\(adopted\\):\\n\\s+warning: adopted: " +
          `push campaign ${id} \\("Managed now"\\) no longer exists`,
      ),
    );
    expect(await project.notificationsInState()).toEqual([]);
  });
});
