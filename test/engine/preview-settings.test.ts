import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard } from "../harness/feishu-fixture";

// What a pull request's `pulumi preview` must already say, through the real engine: a missing
// setting, a secret Feishu refuses, a misspelt property, a time without its zone. Each fails the
// preview with one message, and nothing reaches Feishu but the one credential check.
describe("pulumi preview checks the settings and what the inputs mean", () => {
  const stack = emulatedStack("test/programs/campaigns");
  const campaign = {
    jobName: "J",
    pushType: "scheduled",
    pushScopeType: "chatsOnly",
    chats: ["oc_1"],
    pushContent: sampleCard,
  };
  const helpdesk = () => stack.emulator.requests.filter((r) => r.path.startsWith("/open-apis/helpdesk"));

  it("names exactly the one missing setting, and where to set it, in text and in --json", async () => {
    const { emulator, project, credentials } = stack;
    await project.setCampaigns({ a: campaign, b: { ...campaign, jobName: "K" } });
    await project.ok(["config", "rm", "feishu-helpdesk:helpdeskToken"]);
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    const says =
      "Feishu Helpdesk settings: feishu-helpdesk:helpdeskToken is not set. Set it: pulumi config set --secret " +
      "feishu-helpdesk:helpdeskToken <value> (or the FEISHU_HELPDESK_TOKEN variable)";
    expect(preview.output).toContain(says);
    expect(preview.output).not.toContain("helpdeskId is not set");
    const json = await project.run(["preview", "--json"]);
    expect(json.code).not.toBe(0);
    const diagnostics = JSON.parse(json.stdout).diagnostics as { message: string; severity: string }[];
    expect(diagnostics.filter((d) => d.message.includes(says))).toEqual([
      expect.objectContaining({ severity: "error" }),
    ]);
    expect(emulator.requests).toEqual([]);
    await project.setConfig("feishu-helpdesk:helpdeskToken", credentials.helpdeskToken, true);
  });

  it("fails the preview of a create when Feishu refuses the helpdesk token, with one call", async () => {
    const { emulator, project, credentials } = stack;
    await project.setConfig("feishu-helpdesk:helpdeskToken", "hdtoken-wrong", true);
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("Feishu refused the credentials (checked at preview, before anything changes)");
    expect(preview.output).toContain("code 154001");
    expect(helpdesk().map((r) => `${r.method} ${r.path}`)).toEqual(["GET /open-apis/helpdesk/v1/notifications/0"]);
    expect(emulator.notifications()).toEqual([]);

    await project.setConfig("feishu-helpdesk:helpdeskToken", credentials.helpdeskToken, true);
    emulator.clearRequests();
    expect((await project.run(["preview"])).code).toBe(0);
    expect(helpdesk().map((r) => r.code)).toEqual([154004]);
    await project.up();
    emulator.clearRequests();
    expect((await project.preview()).code).toBe(0);
    expect(emulator.requests).toEqual([]);
  });

  it.each([
    [
      { chat: ["oc_2"] },
      "property chat value {[{oc_2}]} has a problem: chat is not an input of this resource: did you mean chats?",
    ],
    [{ jobName: 42 }, "jobName must be a string"],
    [
      { approval: { reason: "r" }, sendAt: "2026-12-24T09:00:00" },
      'sendAt must say its offset from UTC; "2026-12-24T09:00:00" does not',
    ],
  ])("refuses %j at preview, calling nothing", async (change, says) => {
    const { emulator, project } = stack;
    await project.setCampaigns({ a: { ...campaign, ...change }, b: { ...campaign, jobName: "K" } });
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(says);
    expect(emulator.requests).toEqual([]);
  });
});
