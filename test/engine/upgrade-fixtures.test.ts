import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type EmulatorCredentials, type RunningEmulator, startEmulator } from "../../emulator";
import { yamlCampaignsProgram } from "../harness/yaml-program";
import { buildPluginArchive, pluginVersion } from "../harness/plugin-archive";
import { findRepoRoot, PulumiProject } from "../harness/pulumi-project";

// Upgrade safety: stacks made by a released version, through the dynamic resource and through the
// plugin, with campaigns in several stages, are kept as fixtures (test/fixtures/upgrade/v<version>/:
// the `pulumi stack export`, the program's config, and the emulator's data file that holds the
// campaigns). The current code must take each over with no change: imported into a new stack,
// `pulumi preview --expect-no-changes` and `pulumi refresh --expect-no-changes` pass and write
// nothing to Feishu. The fixtures are the contract with the next release: never regenerate an old
// version's; a change of state shape adds a migration (CONTRIBUTING.md). UPDATE_UPGRADE_FIXTURES=1
// records the current version's.
const repo = findRepoRoot(__dirname);
const fixtures = path.join(repo, "test", "fixtures", "upgrade");
// Made-up values the emulator accepts; given as FEISHU_* variables, which the providers never
// record, so the fixtures hold no credential at all (the test checks).
const credentials: EmulatorCredentials = {
  appId: "cli_upgradefixture00",
  appSecret: "upgrade-fixture-app-secret",
  helpdeskId: "hd-upgrade-fixture",
  helpdeskToken: "upgrade-fixture-helpdesk-token",
  userAccessTokens: [],
};
const settingsEnv = (url: string) => ({
  FEISHU_BASE_URL: url,
  FEISHU_APP_ID: credentials.appId,
  FEISHU_APP_SECRET: credentials.appSecret,
  FEISHU_HELPDESK_ID: credentials.helpdeskId,
  FEISHU_HELPDESK_TOKEN: credentials.helpdeskToken,
});

const card = { elements: [{ tag: "div", text: { tag: "lark_md", content: "Please upgrade the VPN client." } }] };
/** Three stages: a draft, one under review, one approved in the console (recorded by a refresh). */
const campaigns = {
  draft: {
    jobName: "Upgrade: draft",
    pushType: "scheduled",
    pushScopeType: "someMembers",
    users: ["ou_a"],
    pushContent: card,
  },
  submitted: {
    jobName: "Upgrade: submitted",
    pushType: "scheduled",
    pushScopeType: "someMembers",
    users: ["ou_b"],
    pushContent: card,
    approval: { reason: "Quarterly reminder" },
  },
  approved: {
    jobName: "Upgrade: approved",
    pushType: "scheduled",
    pushScopeType: "allMembers",
    pushContent: card,
    approval: { reason: "All hands" },
  },
};

interface Fixture {
  readonly program: string;
  readonly config: Record<string, string>;
  readonly emulatorData: unknown;
  readonly deployment: unknown;
}

const kinds = {
  dynamic: { program: "test/programs/campaigns", config: { campaigns: JSON.stringify(campaigns) } },
  plugin: { program: "test/programs/yaml-import", config: {} },
} as const;
type Kind = keyof typeof kinds;

async function project(kind: Kind, url: string, archiveDir: string): Promise<PulumiProject> {
  const made = await PulumiProject.create(kinds[kind].program, settingsEnv(url));
  if (kind === "plugin") {
    fs.writeFileSync(path.join(made.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-import", campaigns));
    await made.installPlugin("feishu-helpdesk", pluginVersion, buildPluginArchive(archiveDir));
  }
  for (const [key, value] of Object.entries(kinds[kind].config)) await made.setConfig(key, value);
  return made;
}

async function record(kind: Kind, scratch: string): Promise<void> {
  const dataFile = path.join(scratch, `${kind}.json`);
  const emulator = await startEmulator({ credentials, dataFile });
  const stack = await project(kind, emulator.url, scratch);
  try {
    await stack.up();
    const approved = emulator.notifications().find((n) => n.job_name === "Upgrade: approved")!;
    emulator.approve(approved.id);
    await stack.refresh();
    const fixture: Fixture = {
      program: kinds[kind].program,
      config: kinds[kind].config,
      emulatorData: JSON.parse(fs.readFileSync(dataFile, "utf8")),
      deployment: JSON.parse((await stack.exportStack()).text),
    };
    fs.mkdirSync(path.join(fixtures, `v${pluginVersion}`), { recursive: true });
    fs.writeFileSync(path.join(fixtures, `v${pluginVersion}`, `${kind}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  } finally {
    await stack.dispose();
    await emulator.close();
  }
}

const versions = fs.existsSync(fixtures) ? fs.readdirSync(fixtures).sort() : [];

describe("upgrade safety: stacks made by earlier versions take the current code with no change", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-upgrade-"));
    if (process.env.UPDATE_UPGRADE_FIXTURES === "1") {
      for (const kind of Object.keys(kinds) as Kind[]) await record(kind, scratch);
      versions.splice(0, versions.length, ...fs.readdirSync(fixtures).sort());
    }
  }, 900_000);
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("has fixtures of this version, and they hold no credential", () => {
    expect(versions).toContain(`v${pluginVersion}`);
    for (const version of versions) {
      for (const kind of Object.keys(kinds)) {
        const text = fs.readFileSync(path.join(fixtures, version, `${kind}.json`), "utf8");
        for (const value of Object.values(credentials).flat()) expect(text).not.toContain(value);
      }
    }
  });

  const cases = versions.flatMap((version) => (Object.keys(kinds) as Kind[]).map((kind) => [version, kind] as const));
  // (Empty only in the run that records the first fixtures: run again to replay them.)
  if (cases.length > 0)
    it.each(cases)("%s %s: imported into a new stack, preview and refresh show no change", async (version, kind) => {
      const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(fixtures, version, `${kind}.json`), "utf8"));
      const dataFile = path.join(scratch, `${version}-${kind}.json`);
      fs.writeFileSync(dataFile, JSON.stringify(fixture.emulatorData));
      const emulator: RunningEmulator = await startEmulator({ credentials, dataFile });
      const stack = await project(kind, emulator.url, fs.mkdtempSync(path.join(scratch, "plugin-")));
      try {
        const exported = path.join(scratch, `${version}-${kind}-deployment.json`);
        fs.writeFileSync(exported, JSON.stringify(fixture.deployment));
        await stack.ok(["stack", "import", "--file", exported]);
        emulator.clearRequests();
        const preview = await stack.preview();
        expect(preview.output).not.toMatch(/error/i);
        expect(preview.code).toBe(0);
        const refresh = await stack.run(["refresh", "--yes", "--expect-no-changes"]);
        expect(refresh.code).toBe(0);
        expect(emulator.requests.filter((r) => r.method !== "GET" && !r.path.includes("/auth/"))).toEqual([]);
        const stages = emulator.notifications().map((n) => [n.job_name, n.status]);
        console.log(
          `${version} ${kind}: ${JSON.stringify(stages)}\n${preview.output.trim().split("\n").slice(-3).join("\n")}`,
        );
      } finally {
        await stack.dispose();
        await emulator.close();
      }
    });
});
