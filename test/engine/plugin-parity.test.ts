import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type EmulatorCredentials, EmulatorStatus, type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { configureStack, randomCredentials } from "../harness/feishu-fixture";
import { buildPluginArchive, keepTranscript, pluginVersion } from "../harness/plugin-archive";
import { PulumiProject, type PulumiRun } from "../harness/pulumi-project";
import { type RecordedExchange, type RecordingProxy, startRecordingProxy } from "../harness/recording-proxy";
import { PLUGIN_NOTIFICATION, yamlCampaignsProgram } from "../harness/yaml-program";

// Parity: one scenario, the same campaigns declared through the dynamic resource (a TypeScript
// program, test/programs/campaigns) and through the native plugin (a YAML program), each stack
// against its own emulator behind a recording proxy. Each step's API calls, per campaign, in
// order, with the fields that matter and Feishu's answer, must be the same on both sides, and
// what the step is expected to call.

type Campaigns = Record<string, Record<string, unknown>>;
/** A step's calls: per campaign (by resource name; "(provider)" for calls about no campaign), in order. */
type Calls = Record<string, string[]>;
/** What a step's calls to each side's emulator were: the calls, and every request body whole. */
interface Recorded {
  readonly calls: Calls;
  /** Each call's whole body (keys sorted), per campaign, in order: the parity check compares these too. */
  readonly bodies: Calls;
}

const card = { elements: [{ tag: "div", text: { tag: "lark_md", content: "Parity check." } }] };
const base = (jobName: string) => ({ jobName, pushType: "scheduled", pushScopeType: "allMembers", pushContent: card });
const approval = { reason: "Parity review" };
/** A send time a month ahead, the same on both sides. */
const sendAt = String(Date.now() + 30 * 24 * 3600 * 1000);

// Every onDelete: the default (on a draft, and on one under review), cancel, recall, retain.
const initial: Campaigns = {
  draft: base("Draft"),
  review: { ...base("Review"), approval },
  cancel: { ...base("Cancel"), approval, onDelete: "cancel" },
  recall: { ...base("Recall"), approval, onDelete: "recall" },
  retain: { ...base("Retain"), approval, onDelete: "retain" },
};

/** One side of the comparison: a stack, its emulator, and the proxy that records its calls. */
interface Side {
  readonly name: "dynamic" | "plugin";
  /** The campaigns' resource type in the state. */
  readonly type: string;
  readonly emulator: RunningEmulator;
  /** What its emulator accepts. */
  readonly credentials: EmulatorCredentials;
  readonly proxy: RecordingProxy;
  readonly project: PulumiProject;
  /** Campaign id → resource name, learnt from the state. */
  readonly ids: Map<string, string>;
  /** Makes the program declare `campaigns`. */
  declare(campaigns: Campaigns): Promise<void>;
}

const API = "/open-apis/helpdesk/v1/notifications";

/** Feishu's code in an answer, or the HTTP status when it has none. */
function answered(exchange: RecordedExchange): string {
  try {
    return String((JSON.parse(exchange.reply) as { code?: number }).code);
  } catch {
    return `http ${exchange.status}`;
  }
}

/** The body fields a call is about, ids and the send time normalised. */
function fields(body: Record<string, unknown>): string {
  const shown: string[] = [];
  if (body.job_name !== undefined) shown.push(`job_name=${JSON.stringify(body.job_name)}`);
  if (body.reason !== undefined) shown.push(`reason=${JSON.stringify(body.reason)}`);
  if (body.send_at !== undefined) shown.push(`send_at=${body.send_at === sendAt ? "<sendAt>" : String(body.send_at)}`);
  if (body.is_recall !== undefined) shown.push(`is_recall=${String(body.is_recall)}`);
  return shown.length > 0 ? ` ${shown.join(" ")}` : "";
}

/** JSON with every object's keys sorted, so two bodies compare by content. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : typeof value === "object" && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(",")}}`
      : JSON.stringify(value);

/**
 * A step's exchanges as calls per campaign: `METHOD /notifications/{name}[/action] fields → code`.
 * Campaigns are updated in parallel by the engine, so only the order within a campaign is kept.
 */
function callsOf(side: Side, exchanges: readonly RecordedExchange[], campaigns: Campaigns): Recorded {
  const byJobName = new Map(Object.entries(campaigns).map(([name, args]) => [String(args.jobName), name]));
  const calls: Calls = {};
  const bodies: Calls = {};
  for (const exchange of exchanges) {
    const route = exchange.url.split("?")[0];
    const body = (exchange.body ? JSON.parse(exchange.body) : {}) as Record<string, unknown>;
    let group: string;
    let call: string;
    const campaign = new RegExp(`^${API}/([^/]+)(/\\w+)?$`).exec(route);
    if (route.startsWith("/open-apis/auth/")) [group, call] = ["(provider)", `${exchange.method} ${route}`];
    else if (route === API && exchange.method === "POST") {
      group = byJobName.get(String(body.job_name)) ?? `unknown job_name ${String(body.job_name)}`;
      call = `POST /notifications${fields(body)}`;
    } else if (campaign?.[1] === "0") {
      // The credential check: a read of campaign 0 (PROBE_NOTIFICATION_ID), about no campaign.
      [group, call] = ["(provider)", `${exchange.method} /notifications/0 (credential check)`];
    } else if (campaign) {
      group = side.ids.get(campaign[1]) ?? `unknown id ${campaign[1]}`;
      call = `${exchange.method} /notifications/{${group}}${campaign[2] ?? ""}${fields(body)}`;
    } else [group, call] = ["(other)", `${exchange.method} ${route}`];
    (calls[group] ??= []).push(`${call} → ${answered(exchange)}`);
    // The token request's body is the app's credentials (each side has its own): compared by shape only.
    const credentials = route.startsWith("/open-apis/auth/");
    (bodies[group] ??= []).push(credentials ? Object.keys(body).sort().join(",") : canonical(body));
  }
  const sorted = (byGroup: Calls) => Object.fromEntries(Object.entries(byGroup).sort(([a], [b]) => a.localeCompare(b)));
  return { calls: sorted(calls), bodies: sorted(bodies) };
}

/** Approves a campaign in review through the emulator's admin route, as the helpdesk owner would. */
async function approveOutOfBand(side: Side, name: string): Promise<void> {
  const id = [...side.ids].find(([, resource]) => resource === name)![0];
  const response = await fetch(`${side.emulator.url}/__emulator/notifications/${id}/approve`, { method: "POST" });
  if (!response.ok) throw new Error(`approving ${name} (${id}) failed: ${response.status} ${await response.text()}`);
}

describe("parity: the dynamic resource and the native plugin make the same calls", () => {
  let archiveDir: string;
  const sides: Side[] = [];
  let campaigns: Campaigns = initial;
  /** Each step's calls, for the transcript a person reads after the run. */
  const record: string[] = [];

  async function makeSide(name: Side["name"]): Promise<Side> {
    const credentials = randomCredentials();
    const emulator = await startEmulator({ credentials });
    const proxy = await startRecordingProxy(emulator.url);
    const dynamic = name === "dynamic";
    const project = await PulumiProject.create(dynamic ? "test/programs/campaigns" : "test/programs/yaml-parity");
    if (!dynamic) await project.installPlugin("feishu-helpdesk", pluginVersion, buildPluginArchive(archiveDir));
    await configureStack(project, proxy.url, credentials);
    return {
      name,
      type: dynamic ? "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification" : PLUGIN_NOTIFICATION,
      emulator,
      credentials,
      proxy,
      project,
      ids: new Map(),
      declare: async (declared) =>
        dynamic
          ? project.setCampaigns(declared)
          : fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-parity", declared)),
    };
  }

  /**
   * Runs `act` on each side in turn (declaring `campaigns` first), and returns each side's calls
   * and run. `learnIds`: read the campaigns' ids from the state afterwards (after they are created).
   */
  async function step(
    title: string,
    act: (side: Side) => Promise<PulumiRun>,
    options: { learnIds?: boolean } = {},
  ): Promise<Record<Side["name"], Recorded & { run: PulumiRun }>> {
    const results = {} as Record<Side["name"], Recorded & { run: PulumiRun }>;
    for (const side of sides) {
      await side.declare(campaigns);
      side.proxy.exchanges.length = 0;
      const run = await act(side);
      if (options.learnIds)
        for (const resource of await side.project.notificationsInState(side.type))
          side.ids.set(String(resource.id), resource.urn.slice(resource.urn.lastIndexOf("::") + 2));
      results[side.name] = { ...callsOf(side, side.proxy.exchanges, campaigns), run };
    }
    record.push(
      `${title}\n${JSON.stringify({ dynamic: results.dynamic.calls, plugin: results.plugin.calls }, null, 2)}`,
    );
    // The parity itself: the same calls, and the same bodies byte for byte (keys sorted).
    expect(results.plugin.calls).toEqual(results.dynamic.calls);
    expect(results.plugin.bodies).toEqual(results.dynamic.bodies);
    return results;
  }

  beforeAll(async () => {
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-plugin-"));
    sides.push(await makeSide("dynamic"), await makeSide("plugin"));
  });
  afterAll(async () => {
    keepTranscript("plugin-parity-calls", record);
    for (const side of sides) {
      keepTranscript(`plugin-parity-${side.name}`, side.project.transcript);
      await side.project.dispose();
      await side.proxy.close();
      await side.emulator.close();
    }
    if (archiveDir) fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  const tenantToken = "POST /open-apis/auth/v3/tenant_access_token/internal → 0";
  const credentialCheck = "GET /notifications/0 (credential check) → 154004";
  const read = (name: string) => `GET /notifications/{${name}} → 0`;
  const create = (jobName: string) => `POST /notifications job_name="${jobName}" → 0`;
  const submit = (name: string) => `POST /notifications/{${name}}/submit_approve reason="Parity review" → 0`;
  const patch = (name: string, jobName: string) => `PATCH /notifications/{${name}} job_name="${jobName}" → 0`;

  it("1. preview of the creations: the credentials checked once, nothing written", async () => {
    const { dynamic, plugin } = await step("1. preview of the creations", (side) => side.project.run(["preview"]));
    for (const { run } of [dynamic, plugin]) expect(run.output).toMatch(/\+ 6 to create/);
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken, credentialCheck] });
  });

  it("2. up creates each campaign, submits those with approval, reads each back", async () => {
    const { dynamic } = await step("2. up creates", (side) => side.project.up(), { learnIds: true });
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken, credentialCheck],
      draft: [create("Draft"), read("draft")],
      ...Object.fromEntries(
        ["cancel", "recall", "retain", "review"].map((name) => [
          name,
          [create(String(initial[name].jobName)), submit(name), read(name)],
        ]),
      ),
    });
    for (const side of sides) expect(side.ids.size).toBe(5);
  });

  it("3. preview of a draft's edit reads that campaign alone", async () => {
    campaigns = { ...initial, draft: { ...initial.draft, jobName: "Draft (v2)" } };
    const { dynamic, plugin } = await step("3. preview of a draft's edit", (side) => side.project.run(["preview"]));
    for (const { run } of [dynamic, plugin]) expect(run.output).toMatch(/~ 1 to update/);
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken], draft: [read("draft")] });
  });

  it("4. up patches the draft: the diff's read is the draft check, then the PATCH and the read-back", async () => {
    const { dynamic } = await step("4. up patches the draft", (side) => side.project.up());
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken],
      draft: [read("draft"), patch("draft", "Draft (v2)"), read("draft")],
    });
    for (const side of sides)
      expect(side.emulator.notifications().find((n) => side.ids.get(n.id) === "draft")?.job_name).toBe("Draft (v2)");
  });

  it("4b. edited in the console, a refresh reads it once (the Diff after Read reads nothing)", async () => {
    for (const side of sides) {
      const id = [...side.ids].find(([, name]) => name === "draft")![0];
      // Straight to the emulator, not through the recording proxy: the console's edit, not the stack's.
      const live = side.emulator.notifications().find((n) => n.id === id)!;
      const { appId, appSecret, helpdeskId, helpdeskToken } = side.credentials;
      const console = new HelpdeskClient({
        baseUrl: side.emulator.url,
        credentials: { appId, appSecret, helpdeskId, helpdeskToken },
      });
      const { push_content, push_type, push_scope_type } = live;
      await console.patchNotification(id, { job_name: "Draft (console)", push_content, push_type, push_scope_type });
    }
    // The program takes the console's edit, so the steps below see no change to the draft.
    campaigns = { ...campaigns, draft: { ...campaigns.draft, jobName: "Draft (console)" } };
    const { dynamic } = await step("4b. refresh after an edit in the console", (side) => side.project.refresh());
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken],
      ...Object.fromEntries(["cancel", "draft", "recall", "retain", "review"].map((name) => [name, [read(name)]])),
    });
  });

  it("5. approved out of band, an edit of it is refused at preview", async () => {
    for (const side of sides) for (const name of ["cancel", "recall"]) await approveOutOfBand(side, name);
    const edited = { ...campaigns, recall: { ...initial.recall, jobName: "Recall (edited)" } };
    campaigns = edited;
    const { dynamic, plugin } = await step("5. preview of an edit of an approved campaign", (side) =>
      side.project.run(["preview"]),
    );
    for (const [side, { run }] of [
      [sides[0], dynamic],
      [sides[1], plugin],
    ] as const) {
      expect(run.code).not.toBe(0);
      const id = [...side.ids].find(([, name]) => name === "recall")![0];
      expect(run.output).toContain(
        `recall: Cannot update push campaign ${id} ("Recall"): Feishu reports status ${EmulatorStatus.approved}`,
      );
    }
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken], recall: [read("recall")] });
  });

  it("6. up of the refused edit fails too, and writes nothing", async () => {
    const { dynamic, plugin } = await step("6. up of the refused edit", (side) =>
      side.project.run(["up", "--yes", "--skip-preview"]),
    );
    for (const { run } of [dynamic, plugin]) expect(run.code).not.toBe(0);
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken], recall: [read("recall")] });
    for (const side of sides)
      expect(side.emulator.notifications().find((n) => side.ids.get(n.id) === "recall")).toMatchObject({
        job_name: "Recall",
        status: EmulatorStatus.approved,
      });
  });

  it("7. refresh reads every campaign once and records the approvals", async () => {
    campaigns = { ...campaigns, recall: initial.recall };
    const { dynamic } = await step("7. refresh", (side) => side.project.refresh());
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken],
      ...Object.fromEntries(["cancel", "draft", "recall", "retain", "review"].map((name) => [name, [read(name)]])),
    });
    for (const side of sides) {
      const state = await side.project.notificationsInState(side.type);
      const status = (name: string) => state.find((r) => r.urn.endsWith(`::${name}`))?.outputs?.status;
      expect([status("cancel"), status("recall"), status("review")]).toEqual([
        EmulatorStatus.approved,
        EmulatorStatus.approved,
        EmulatorStatus.inReview,
      ]);
    }
  });

  it("7b. `refresh --yes` with its preview: the preview's read and the refresh's, in two engine runs", async () => {
    const { dynamic } = await step("7b. refresh --yes (with its preview)", (side) =>
      side.project.ok(["refresh", "--yes"]),
    );
    // Two provider processes (the preview's and the refresh's): each gets its token, each reads.
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken, tenantToken],
      ...Object.fromEntries(
        ["cancel", "draft", "recall", "retain", "review"].map((name) => [name, [read(name), read(name)]]),
      ),
    });
  });

  it("8. up schedules the approved campaigns once given a send time; then a preview calls nothing", async () => {
    campaigns = {
      ...campaigns,
      cancel: { ...campaigns.cancel, sendAt },
      recall: { ...campaigns.recall, sendAt },
    };
    const { dynamic } = await step("8. up schedules", (side) => side.project.up());
    const scheduled = (name: string) => [
      read(name),
      `POST /notifications/{${name}}/execute_send send_at=<sendAt> → 0`,
      read(name),
    ];
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken, credentialCheck],
      cancel: scheduled("cancel"),
      recall: scheduled("recall"),
    });
    const quiet = await step("8b. preview with no change", (side) => side.project.preview());
    for (const { run, calls } of [quiet.dynamic, quiet.plugin]) {
      expect(run.code).toBe(0);
      expect(calls).toEqual({});
    }
  });

  it("9. destroy does what each onDelete says", async () => {
    const { dynamic } = await step("9. destroy", (side) => side.project.destroy());
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken],
      // A draft stays as it is (onDelete default: cancel, and nothing to cancel).
      draft: [read("draft")],
      // Default, under review: the review withdrawn.
      review: [read("review"), "POST /notifications/{review}/cancel_approve → 0"],
      // cancel / recall, scheduled: the send cancelled, and with recall the messages recalled.
      cancel: [read("cancel"), "POST /notifications/{cancel}/cancel_send is_recall=false → 0"],
      recall: [read("recall"), "POST /notifications/{recall}/cancel_send is_recall=true → 0"],
      // retain: no call at all.
    });
    for (const side of sides) expect(side.emulator.notifications()).toHaveLength(5);
  });
});
