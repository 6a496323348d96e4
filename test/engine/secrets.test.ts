import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard, secretValues } from "../harness/feishu-fixture";

// Credentials set as secrets never reach the state, the engine output, or `__provider`.
describe.each(["tenant", "user"] as const)("credentials as secrets (%s access token)", (token) => {
  const stack = emulatedStack("test/programs/campaigns", { token });

  it("keeps every credential out of state and output through up, refresh and destroy", async () => {
    const { emulator, project, credentials } = stack;
    await project.setCampaigns({
      a: { jobName: "A", pushType: "scheduled", pushScopeType: "allMembers", pushContent: sampleCard },
      b: { jobName: "B", pushType: "scheduled", pushScopeType: "chatsOnly", chats: ["oc_1"], pushContent: sampleCard },
    });
    await project.up();
    const exports = [(await project.exportStack()).text];
    const [first] = await project.notificationsInState();
    await project.refresh();
    exports.push((await project.exportStack()).text);

    // `__provider` is the thin requiring object: small, and the same for every resource.
    const provider = String(first.inputs?.__provider);
    expect(provider).toContain("pulumi-feishu-helpdesk/provider/v1");
    expect(Buffer.byteLength(provider)).toBeLessThan(2048);
    console.log(`__provider: ${Buffer.byteLength(provider)} bytes per resource`);

    await project.destroy();
    exports.push((await project.exportStack()).text);
    // Every call succeeded but the credential check at preview, whose "not found" means the credentials work.
    const probe = (r: { path: string; code: number | null }) =>
      r.path.endsWith("/notifications/0") && r.code === 154004;
    expect(emulator.requests.filter((r) => r.code !== 0 && !probe(r))).toEqual([]);

    const everything = [...exports, ...project.transcript].join("\n");
    for (const secret of secretValues(credentials)) {
      expect(everything).not.toContain(secret);
    }
    // The campaigns really were made with these credentials: the test is not vacuous.
    expect(emulator.notifications()).toHaveLength(2);
  });
});
