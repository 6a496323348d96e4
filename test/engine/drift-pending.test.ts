import { type RunningEmulator, startEmulator } from "../../emulator";
import { reviewDrift } from "../../provider/review";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { PulumiProject } from "../harness/pulumi-project";

// The drift report on the real engine's `pulumi preview --refresh --json` for a campaign whose
// `sendAt` waits for the helpdesk owner's approval: Feishu holds no send time yet, so the code and
// Feishu differ, and only the provider's "pending" warning tells that this is not drift.
describe("the drift report and a campaign waiting for approval", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
  });

  it("lists it as waiting, not drift, and says 'no drift'", async () => {
    const card = { elements: [{ tag: "div", text: { tag: "lark_md", content: "Please upgrade the VPN client." } }] };
    const sendAt = String(Date.now() + 30 * 86_400_000);
    await project.setCampaigns({
      vpn: {
        jobName: "CHG-1: VPN",
        pushType: "scheduled",
        pushScopeType: "someMembers",
        users: ["ou_a"],
        pushContent: card,
        approval: { reason: "Reviewed by the platform team" },
        sendAt,
      },
    });
    await project.ok(["up", "--yes", "--skip-preview"]);
    const preview = await project.run(["preview", "--refresh", "--json"]);
    expect(preview.code).toBe(0);
    const { drifted, waiting, markdown } = reviewDrift(preview.stdout);
    expect(drifted).toEqual([]);
    expect(waiting).toEqual([
      expect.objectContaining({
        name: "vpn",
        message: expect.stringMatching(/`sendAt` is pending, not changed in code: it waits for the helpdesk owner's/),
      }),
    ]);
    expect(markdown).toContain("No drift: every campaign in Feishu is as the code declares it.");
    expect(markdown).toContain("**Waiting, not drift**");
  }, 600_000);
});
