import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials, sampleCard } from "../harness/feishu-fixture";
import { buildPluginArchive, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";
import { PLUGIN_NOTIFICATION, yamlCampaignsProgram } from "../harness/yaml-program";

// Issue 24: a run killed with SIGKILL (a runner's timeout, a preempted machine, an out-of-memory
// kill) in the middle of `pulumi up`, then the recovery the CLI prescribes, left 28 campaigns in
// Feishu for 20 resources. Here: 20 campaigns paced 4 per 2 s (so kills land in pacing waits
// too), `kill -9` of the CLI or of the provider process once 6 exist, then the documented
// recovery: `pulumi cancel` (a file backend keeps the lock of a killed run), `pulumi refresh
// --yes --clear-pending-creates`, `pulumi up`. Asserted: no job name twice in the emulator, and
// every campaign it holds is in the state or named to the user with its id. Both hosts: the
// dynamic resource (a TypeScript program) and the native plugin (the same campaigns in YAML).
const campaigns = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [
    `c${i}`,
    {
      jobName: `Campaign ${i}`,
      pushType: "scheduled",
      pushScopeType: "someMembers",
      users: ["ou_a"],
      pushContent: sampleCard,
    },
  ]),
);

/** The parent of `pid`, from /proc (undefined once it is gone). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(path.join("/proc", String(pid), "stat"), "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** The pids under `root` (children, grandchildren...), from /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) parents.set(Number(entry), parent);
  }
  const found: number[] = [];
  for (let frontier = [root]; frontier.length > 0;) {
    const next = [...parents].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** What differs between the two ways a program reaches the provider. */
interface Host {
  readonly name: "dynamic" | "plugin";
  /** The program folder copied for the stack. */
  readonly program: string;
  /** The campaigns' type in the state. */
  readonly type: string;
  /** Found in the provider process's command line (the plugin's launcher execs node on its bundle). */
  readonly providerCommand: string;
  /** Installs what the program needs and declares the campaigns. */
  prepare(project: PulumiProject): Promise<void>;
}

const dynamicHost: Host = {
  name: "dynamic",
  program: "test/programs/campaigns",
  type: "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification",
  providerCommand: "dynamic-provider",
  prepare: (project) => project.setCampaigns(campaigns),
};

const pluginHost: Host = {
  name: "plugin",
  program: "test/programs/yaml-parity",
  type: PLUGIN_NOTIFICATION,
  providerCommand: "pulumi-resource-feishu-helpdesk",
  async prepare(project) {
    const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-crash-plugin-"));
    try {
      await project.installPlugin("feishu-helpdesk", pluginVersion, buildPluginArchive(archiveDir));
    } finally {
      fs.rmSync(archiveDir, { recursive: true, force: true });
    }
    fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-parity", campaigns));
  },
};

/**
 * The provider processes under `cli`: those whose command line names `host`'s provider. With the
 * plugin, the engine starts two, both its children (presumably one for loading the schema the YAML
 * language host asks for), and only one creates: killing the first found left the creates going.
 * All are killed, as a dying machine would.
 */
function providerPids(host: Host, cli: number): number[] {
  return descendants(cli).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(host.providerCommand);
    } catch {
      return false;
    }
  });
}

/**
 * A kill -9 of the CLI can leave the file backend's checkpoint unreadable (`failed to load
 * checkpoint: EOF`): the engine's doing, not the provider's (README, "Interrupted runs"). The way
 * back documented there: the backend's previous checkpoint, `<stack>.json.bak`, copied over it.
 * Returns what it found and did, for the report.
 */
async function restoreCutCheckpoint(project: PulumiProject): Promise<string> {
  const exported = await project.run(["stack", "export"]);
  if (!exported.output.includes("failed to load checkpoint")) return `checkpoint readable (export: ${exported.code})`;
  const stacks = path.join(new URL(project.backendUrl).pathname, ".pulumi", "stacks");
  for (const name of fs.readdirSync(stacks)) {
    const checkpoint = path.join(stacks, name, "test.json");
    if (!fs.existsSync(`${checkpoint}.bak`)) continue;
    const size = fs.existsSync(checkpoint) ? fs.statSync(checkpoint).size : 0;
    fs.copyFileSync(`${checkpoint}.bak`, checkpoint);
    return `checkpoint cut by the kill (${size} bytes): restored from ${checkpoint}.bak`;
  }
  return `checkpoint cut by the kill, no .bak under ${stacks}`;
}

async function until(test: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !test() && Date.now() < end;) await new Promise((r) => setTimeout(r, 100));
}

const cases = [dynamicHost, pluginHost].flatMap((host) =>
  (["cli", "provider"] as const).map((victim) => ({ host, hostName: host.name, victim })),
);

describe.each(cases)(
  "$hostName host: kill -9 of the $victim during `pulumi up` of 20 campaigns",
  ({ host, victim }) => {
    const credentials = randomCredentials();
    let emulator: RunningEmulator;
    let project: PulumiProject;
    beforeAll(async () => {
      emulator = await startEmulator({ credentials });
      project = await PulumiProject.create(host.program);
      await configureStack(project, emulator.url, credentials);
      await project.setConfig("feishu-helpdesk:rateLimits", '{"create": 4}');
      await project.setConfig("feishu-helpdesk:rateLimitWindowMs", "2000");
      await host.prepare(project);
    });
    afterAll(async () => {
      await project?.dispose();
      await emulator?.close();
    });

    it("leaves no duplicate after the documented recovery, and no campaign unnamed", async () => {
      const { child, done } = project.start(["up", "--yes", "--skip-preview"]);
      await until(() => emulator.notifications().length >= 6, 120_000);
      const targets = victim === "cli" ? [child.pid!] : providerPids(host, child.pid!);
      expect(targets).not.toEqual([]);
      const parents = targets.map((pid) => `${pid} (parent ${parentOf(pid)})`).join(", ");
      for (const target of targets) process.kill(target, "SIGKILL");
      const killed = await done;
      await new Promise((resolve) => setTimeout(resolve, 3000)); // what an orphan would still do
      const atKill = emulator.notifications().length;

      const checkpoint = await restoreCutCheckpoint(project);
      const cancel = await project.run(["cancel", "--yes"]);
      const refresh = await project.run(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
      // As the README's recovery: every interrupted create is visited, even after one is refused.
      const up = await project.run(["up", "--yes", "--skip-preview", "--continue-on-error"]);
      const upAgain = up.code === 0 ? up : await project.run(["up", "--yes", "--skip-preview", "--continue-on-error"]);
      const told = [killed, cancel, refresh, up, upAgain].map((run) => run.output).join("\n");

      const held = emulator.notifications();
      const inState = new Set((await project.notificationsInState(host.type)).map((resource) => resource.id));
      const names = held.map((campaign) => campaign.job_name);
      const duplicates = names.length - new Set(names).size;
      const orphans = held.filter((campaign) => !inState.has(campaign.id));
      // Named: by its id, or (its id never reached the provider) by its job name in the refusal.
      const unnamed = orphans.filter(
        (campaign) => !told.includes(campaign.id) && !told.includes(`Not creating "${campaign.job_name}" again`),
      );
      console.log(
        `crash matrix | ${host.name} | ${victim} | at ${atKill} created | in emulator ${held.length} | in state ` +
          `${inState.size} | duplicates ${duplicates} | orphans ${orphans.length}, unnamed ${unnamed.length}\n` +
          `killed: ${parents}; ${checkpoint}\n` +
          `cancel: ${cancel.code}, refresh: ${refresh.code}, up: ${up.code}, up again: ${upAgain.code}\n${told}`,
      );
      expect(duplicates).toBe(0);
      expect(unnamed).toEqual([]);
    }, 400_000);
  },
);
