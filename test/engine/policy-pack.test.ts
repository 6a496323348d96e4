import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { findRepoRoot, PulumiProject, type PulumiRun } from "../harness/pulumi-project";
import { yamlCampaignsProgram } from "../harness/yaml-program";

// The policy pack (policy/) run by the real engine, through this repo's language host (RunPlugin),
// at preview and up, for campaigns declared both ways: the dynamic resource (a TypeScript program)
// and the native plugin (a YAML program). The policies are grouped in a few programs, each with one
// campaign per policy, so the engine runs stay few; each policy's decisions are unit-tested in
// test/unit/policy.

const pack = path.join(findRepoRoot(__dirname), "policy");

/** A Tuesday 30-36 days ahead at `clock` in China Standard Time: in the default working hours when 09:00-17:59. */
function tuesdayAt(clock: string, weeksLater = 0): string {
  const day = new Date(Date.now() + 30 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((2 - day.getUTCDay() + 7) % 7) + 7 * weeksLater);
  return `${day.toISOString().slice(0, 10)}T${clock}:00+08:00`;
}

const card = (content: string, extra: object[] = []) => ({
  elements: [{ tag: "div", text: { tag: "lark_md", content } }, ...extra],
});
const approval = { reason: "Reviewed by the platform team" };
const campaign = (jobName: string, fields: object = {}) => ({
  jobName,
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a"],
  pushContent: card("Please upgrade the VPN client."),
  ...fields,
});
const fiftyOneUsers = Array.from({ length: 51 }, (_, n) => `ou_${n}`);

/** One campaign per resource policy, each breaking it (and only it). */
const violating = {
  everyone: campaign("CHG-1: All hands", { pushScopeType: "allMembers", users: [] }),
  night: campaign("CHG-2: Maintenance", { approval, sendAt: tuesdayAt("23:00") }),
  link: campaign("CHG-3: Guide", {
    pushContent: card("Read [the guide](https://www.feishu.cn.evil.io/guide)"),
  }),
  crowd: campaign("CHG-4: Survey", { users: fiftyOneUsers }),
  loud: campaign("CHG-5: Heads up", { pushContent: card("<at id=all></at> the office is closed") }),
  unnamed: campaign("VPN reminder"),
};
/** The same campaigns, each fixed the way its message says. */
const compliant = {
  everyone: campaign("CHG-1: All hands", { pushScopeType: "allMembers", users: [], approval }),
  night: campaign("CHG-2: Maintenance", { approval, sendAt: tuesdayAt("10:00") }),
  link: campaign("CHG-3: Guide", { pushContent: card("Read [the guide](https://docs.feishu.cn/guide)") }),
  crowd: campaign("CHG-4: Survey", { users: fiftyOneUsers, approval }),
  loud: campaign("CHG-5: Heads up", { pushContent: card("<at id=all></at> the office is closed"), approval }),
  unnamed: campaign("CHG-6: VPN reminder"),
};
/** Four campaigns on one day: the stack policy allows three. */
const sameDay = Object.fromEntries(
  [10, 11, 14, 15].map((hour, n) => [
    `day${n}`,
    campaign(`CHG-1${n}: Day ${n}`, { approval, sendAt: tuesdayAt(`${hour}:00`, 1) }),
  ]),
);

/**
 * A card the card model refuses (an element without a tag), for the card-checks policy. In a preview of its own:
 * the provider's own check fails this card too, and a failed check was seen to stop the preview before the engine
 * had analyzed every other campaign. Only in the TypeScript program; the unit tests cover the plugin's token.
 */
const untagged = {
  broken: campaign("CHG-7: Card", {
    pushContent: card("Read the notes.", [{ text: { tag: "plain_text", content: "x" } }]),
  }),
};

const mandatory: Record<string, string> = {
  everyone: "approval-for-everyone",
  night: "send-in-working-hours",
  link: "card-links-allowed-hosts",
  crowd: "audience-cap",
  loud: "mention-everyone-needs-approval",
};

/** Asserts a run was stopped by each mandatory policy, naming it and the campaign, and warned on the advisory one. */
function expectViolations(run: PulumiRun, campaigns: Record<string, string> = mandatory): void {
  expect(run.code).not.toBe(0);
  for (const [resource, policy] of Object.entries(campaigns)) {
    expect(run.output).toMatch(new RegExp(`\\[mandatory\\] {2}${policy}[^]*?Campaign "${resource}"`));
  }
  expect(run.output).toMatch(/\[advisory\] {2}job-name-pattern[^]*?Campaign "unnamed" \(jobName "VPN reminder"\)/);
}

describe("the policy pack on a TypeScript program (dynamic resource)", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;
  // Calls that change a campaign (the tenant token POST and the credential check GET change nothing).
  const writes = () => emulator.requests.filter((r) => r.method !== "GET" && r.path.includes("/helpdesk/"));

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    if (project) keepTranscript("policy-pack-typescript", project.transcript);
    await project?.dispose();
    await emulator?.close();
  });

  it("fails the preview on each mandatory violation, warns on the advisory one, changes nothing", async () => {
    await project.setCampaigns({ ...violating, ...sameDay });
    const preview = await project.run(["preview", "--policy-pack", pack]);
    expectViolations(preview);
    expect(preview.output).toMatch(/\[mandatory\] {2}campaigns-per-day[^]*?Campaign "day3" is one of 4 campaigns/);
    expect(writes()).toEqual([]);
  });

  it("fails the up too, and no campaign that breaks a mandatory policy is created", async () => {
    const up = await project.run(["up", "--yes", "--skip-preview", "--policy-pack", pack]);
    // The engine checks each resource just before its step and stops at the first mandatory violation;
    // resources it already found compliant may have been created meanwhile (here the advisory-only one).
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(
      /\[mandatory\] {2}[a-z-]+ {2}\(pulumi-nodejs:dynamic\/feishu-helpdesk:HelpdeskNotification: /,
    );
    const created = emulator.notifications().map((n) => n.job_name);
    expect(created.filter((name) => name !== violating.unnamed.jobName)).toEqual([]);
    expect(writes()).toHaveLength(created.length);
  });

  it("passes the compliant campaigns, and `up` creates them", async () => {
    await project.setCampaigns(compliant);
    const up = await project.run(["up", "--yes", "--skip-preview", "--policy-pack", pack]);
    expect(up.code).toBe(0);
    expect(up.output).not.toMatch(/\[(mandatory|advisory)\]/);
    expect(emulator.notifications()).toHaveLength(Object.keys(compliant).length);
  });

  it("`pulumi policy analyze` reports a violation in the stack's state, calling nothing", async () => {
    // Changed without the pack (as someone might), so the state breaks a policy.
    await project.setCampaigns({ ...compliant, everyone: violating.everyone });
    await project.up();
    emulator.clearRequests();
    const analyze = await project.run(["policy", "analyze", "--policy-pack", pack, "--stack", "test"]);
    expect(analyze.code).not.toBe(0);
    expect(analyze.output).toMatch(/approval-for-everyone[^]*?Campaign "everyone"/);
    expect(emulator.requests).toEqual([]);
  });

  it("card-checks: a card the model refuses fails the preview, naming policy, campaign and path", async () => {
    await project.setCampaigns({ ...compliant, ...untagged });
    emulator.clearRequests();
    const preview = await project.run(["preview", "--policy-pack", pack]);
    expect(preview.code).not.toBe(0);
    // The policy's finding ("path: message (rule)"), not the provider's check failure, which fails the preview too.
    expect(preview.output).toMatch(/\[mandatory\] {2}card-checks[^]*?Campaign "broken" \(jobName "CHG-7: Card"\) has/);
    expect(preview.output).toMatch(
      /Campaign "broken"[^]*?pushContent\.elements\[1\]: has no "tag"[^]*?\(element-tag\)/,
    );
    expect(preview.output).not.toMatch(/\[mandatory\] {2}(?!card-checks)/);
    expect(writes()).toEqual([]);
  });
});

describe("the policy pack on a YAML program (native plugin)", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let archiveDir: string;
  const writeProgram = (campaigns: Record<string, Record<string, unknown>>) =>
    fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-smoke", campaigns));

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    const archive = buildPluginArchive(archiveDir);
    emulator = await startEmulator({ credentials });
    project = await PulumiProject.create("test/programs/yaml-smoke");
    await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    await configureStack(project, emulator.url, credentials);
  });
  afterAll(async () => {
    if (project) keepTranscript("policy-pack-yaml", project.transcript);
    await project?.dispose();
    await emulator?.close();
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  it("fails the preview on each mandatory violation, warns on the advisory one, changes nothing", async () => {
    writeProgram(violating);
    const preview = await project.run(["preview", "--policy-pack", pack]);
    expectViolations(preview);
    expect(emulator.requests.filter((r) => r.method !== "GET" && r.path.includes("/helpdesk/"))).toEqual([]);
  });

  it("takes levels and settings from --policy-pack-config: advisory or disabled ones let it pass", async () => {
    const config = path.join(project.dir, "..", "policy-config.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        "approval-for-everyone": "advisory",
        "send-in-working-hours": { enforcementLevel: "advisory", utcOffset: "-05:00", start: "08:00" },
        "card-links-allowed-hosts": { allowedHosts: ["feishu.cn.evil.io"] },
        "audience-cap": { maxTargets: 100 },
        "mention-everyone-needs-approval": "disabled",
        "job-name-pattern": "disabled",
      }),
    );
    const preview = await project.run(["preview", "--policy-pack", pack, "--policy-pack-config", config]);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/\[advisory\] {2}approval-for-everyone[^]*?Campaign "everyone"/);
    // 23:00 in China is 10:00 in UTC-05:00, inside 08:00-18:00 there: no violation.
    expect(preview.output).not.toMatch(/send-in-working-hours|mention-everyone|job-name-pattern|audience-cap/);
  });

  it("passes the compliant program", async () => {
    writeProgram(compliant);
    const preview = await project.run(["preview", "--policy-pack", pack]);
    expect(preview.code).toBe(0);
    expect(preview.output).not.toMatch(/\[mandatory\]|\[advisory\] {2}(?!campaigns-per-day)/);
    // The stack policy reads the state to be, where the plugin's sendAt (Feishu's) is unknown at preview:
    // reported as not run, never as a pass.
    expect(preview.output).toContain(
      "can't run policy 'campaigns-per-day' from policy pack 'feishu-helpdesk-guardrails@v0.1.0' during preview",
    );
  });
});
