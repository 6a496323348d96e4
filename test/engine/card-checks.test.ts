import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { validCampaign } from "../cases/rule-violations";
import { emulatedStack } from "../harness/emulated-stack";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";
import { yamlCampaignsProgram } from "../harness/yaml-program";

// What only the engine can show: a card with a structural fault fails `pulumi preview` naming the path
// inside the card, before any request reaches Feishu; a card past the community size limit is let
// through with a warning under its resource; the stored card is readable as text in the state
// (the card model's rules and the renderer are unit-tested).
const button = (text: string, url: string) => ({ tag: "button", text: { tag: "plain_text", content: text }, url });
const hi = { tag: "div", text: { tag: "plain_text", content: "Hi" } };
/** Three cards, each broken in one way the card checks name by path. */
const brokenCards = {
  javascriptLink: { elements: [hi, { tag: "action", actions: [button("Go", "javascript:x")] }] },
  emptyDiv: { elements: [{ tag: "div" }] },
  buttonWithoutText: { elements: [hi, hi, { tag: "action", actions: [{ tag: "button", url: "https://ok.example" }] }] },
};
const expectedErrors = [
  'pushContent.elements[1].actions[0].url uses the scheme "javascript:"',
  'pushContent.elements[0] has neither "text" nor "fields": a div must show one of them (card rule div-content)',
  "pushContent.elements[2].actions[0].text is missing or empty: a button must say what it does (card rule button-text)",
];

describe("preview checks the card (dynamic resource)", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it("fails a card whose button links to javascript:, naming the path, with no API call", async () => {
    const { emulator, project } = stack;
    await project.setCampaigns({ broken: { ...validCampaign, pushContent: brokenCards.javascriptLink } });
    emulator.clearRequests();
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(expectedErrors[0]);
    expect(emulator.requests).toEqual([]);
    expect(emulator.notifications()).toEqual([]);
  });

  it("warns under its resource about a card past the community size limit, and up stores it as cardText", async () => {
    const { emulator, project } = stack;
    const bigText = `Release notes ${"x".repeat(31 * 1024)}`;
    const big = { elements: [{ tag: "div", text: { tag: "plain_text", content: bigText } }] };
    await project.setCampaigns({ big: { ...validCampaign, pushContent: big } });
    const preview = await project.run(["preview"]);
    expect(preview.code).toBe(0);
    // The warning is listed under the resource's URN, not as a stray log line.
    expect(preview.output).toMatch(
      /HelpdeskNotification \(big\):\n\s+warning: big: pushContent is \d+ bytes of JSON; [^\n]*\(community source\)/,
    );
    await project.up();
    const [state] = await project.notificationsInState();
    expect(state.outputs?.cardText).toBe(bigText);
    expect(emulator.notifications()).toHaveLength(1);
    await project.destroy();
  });
});

describe("preview checks the card (native plugin, YAML program)", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let archiveDir: string;

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    const archive = buildPluginArchive(archiveDir);
    emulator = await startEmulator({ credentials });
    project = await PulumiProject.create("test/programs/yaml-campaigns");
    await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    if (project) keepTranscript("card-checks-yaml", project.transcript);
    await project?.dispose();
    await emulator?.close();
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  // The engine stops a preview at the first Check that fails, so one preview per broken card.
  it.each(Object.keys(brokenCards).map((name, i) => [name, expectedErrors[i]]))(
    "fails the %s card, naming its path, with 0 create calls",
    async (name, error) => {
      const card = brokenCards[name as keyof typeof brokenCards];
      const campaigns = { [name]: { ...validCampaign, jobName: name, pushContent: card } };
      fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-campaigns", campaigns));
      emulator.clearRequests();
      const preview = await project.run(["preview"]);
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain(`HelpdeskNotification resource '${name}': property pushContent value`);
      expect(preview.output).toContain(error);
      expect(emulator.requests.filter((r) => r.method === "POST" && r.path.includes("/notifications"))).toEqual([]);
      expect(emulator.notifications()).toEqual([]);
    },
  );

  it("up stores the card as text in cardText, as the dynamic resource does", async () => {
    const card = { header: { title: { tag: "plain_text", content: "VPN" } }, elements: [hi] };
    const campaigns = { fine: { ...validCampaign, pushContent: card } };
    fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-campaigns", campaigns));
    await project.up();
    const [state] = await project.notificationsInState("feishu-helpdesk:index:HelpdeskNotification");
    expect(state.outputs?.cardText).toBe("### VPN\n\nHi");
    await project.destroy();
  });
});
