import * as fs from "node:fs";
import { EmulatorStatus } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { buildNodejsSdk } from "../harness/nodejs-sdk";
import { type Campaigns, makeSide, type Side, type SideName } from "../harness/parity-sides";
import { buildPluginArchive, keepTranscript } from "../harness/plugin-archive";
import type { PulumiRun } from "../harness/pulumi-project";
import type { RecordedExchange } from "../harness/recording-proxy";

// Parity: one scenario, the same campaigns declared through the dynamic resource (a TypeScript
// program, test/programs/campaigns) and through the native plugin from YAML, from Python (the
// generated SDK, the Automation API) and from TypeScript with the generated Node.js SDK, each
// stack against its own emulator behind a recording proxy. Each step's API calls, per campaign,
// in order, with the fields that matter and Feishu's answer, must be the same on every side, and
// what the step is expected to call.
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
/** A send time a month ahead, the same on every side. */
const sendAt = String(Date.now() + 30 * 24 * 3600 * 1000);

// Every onDelete: the default (on a draft, and on one under review), cancel, recall, retain.
const initial: Campaigns = {
  draft: base("Draft"),
  review: { ...base("Review"), approval },
  cancel: { ...base("Cancel"), approval, onDelete: "cancel" },
  recall: { ...base("Recall"), approval, onDelete: "recall" },
  retain: { ...base("Retain"), approval, onDelete: "retain" },
};

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

// Four stacks per step, one of them a Python process per step: longer than the global 180 s under load.
jest.setTimeout(600_000);

/** Each step's results, by side. */
type Results = Record<SideName, Recorded & { run: PulumiRun }>;
const sideNames: readonly SideName[] = ["dynamic", "yaml", "python", "nodejs-sdk"];

describe("parity: the dynamic resource and the plugin (YAML, Python, Node.js SDK) make the same calls", () => {
  let workDir: string;
  const sides: Side[] = [];
  let campaigns: Campaigns = initial;
  /** Each step's calls, for the transcript a person reads after the run. */
  const record: string[] = [];

  /**
   * Runs `act` on each side in turn (declaring `campaigns` first), and returns each side's calls
   * and run. `learnIds`: read the campaigns' ids from the state afterwards (after they are created).
   */
  async function step(
    title: string,
    act: (side: Side) => Promise<PulumiRun>,
    options: { learnIds?: boolean; only?: (side: Side) => boolean } = {},
  ): Promise<Results> {
    const results = {} as Results;
    const taking = sides.filter(options.only ?? (() => true));
    for (const side of taking) {
      await side.stack.declare(campaigns);
      side.proxy.exchanges.length = 0;
      const run = await act(side);
      if (options.learnIds)
        for (const resource of await side.stack.notificationsInState(side.type))
          side.ids.set(String(resource.id), resource.urn.slice(resource.urn.lastIndexOf("::") + 2));
      results[side.name] = { ...callsOf(side, side.proxy.exchanges, campaigns), run };
    }
    record.push(`${title}\n${JSON.stringify(results.dynamic.calls, null, 2)}`);
    // The parity itself: the same calls, and the same bodies byte for byte (keys sorted).
    for (const name of taking.map((side) => side.name).slice(1)) {
      expect({ side: name, calls: results[name].calls }).toEqual({ side: name, calls: results.dynamic.calls });
      expect({ side: name, bodies: results[name].bodies }).toEqual({ side: name, bodies: results.dynamic.bodies });
    }
    return results;
  }

  beforeAll(async () => {
    // The Node.js SDK generated and compiled; the plugin's archive built beside it.
    const sdk = await buildNodejsSdk("parity-nodejs-sdk");
    workDir = sdk.dir;
    const archive = buildPluginArchive(workDir);
    for (const name of sideNames) sides.push(await makeSide(name, archive, sdk.packageDir));
  });
  afterAll(async () => {
    keepTranscript("plugin-parity-calls", record);
    for (const side of sides) {
      keepTranscript(`plugin-parity-${side.name}`, side.stack.transcript);
      await side.stack.dispose();
      await side.proxy.close();
      await side.emulator.close();
    }
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  const tenantToken = "POST /open-apis/auth/v3/tenant_access_token/internal → 0";
  const credentialCheck = "GET /notifications/0 (credential check) → 154004";
  const read = (name: string) => `GET /notifications/{${name}} → 0`;
  const create = (jobName: string) => `POST /notifications job_name="${jobName}" → 0`;
  const submit = (name: string) => `POST /notifications/{${name}}/submit_approve reason="Parity review" → 0`;
  const patch = (name: string, jobName: string) => `PATCH /notifications/{${name}} job_name="${jobName}" → 0`;

  it("1. preview of the creations: the credentials checked once, nothing written", async () => {
    const results = await step("1. preview of the creations", (side) => side.stack.preview());
    for (const { run } of Object.values(results)) expect(run.output).toMatch(/\+ 6 to create/);
    const { dynamic } = results;
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken, credentialCheck] });
  });

  it("2. up creates each campaign, submits those with approval, reads each back", async () => {
    const { dynamic } = await step("2. up creates", (side) => side.stack.up(), { learnIds: true });
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
    const results = await step("3. preview of a draft's edit", (side) => side.stack.preview());
    for (const { run } of Object.values(results)) expect(run.output).toMatch(/~ 1 to update/);
    const { dynamic } = results;
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken], draft: [read("draft")] });
  });

  it("4. up patches the draft: the diff's read is the draft check, then the PATCH and the read-back", async () => {
    const { dynamic } = await step("4. up patches the draft", (side) => side.stack.up());
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
    const { dynamic } = await step("4b. refresh after an edit in the console", (side) => side.stack.refresh());
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken],
      ...Object.fromEntries(["cancel", "draft", "recall", "retain", "review"].map((name) => [name, [read(name)]])),
    });
  });

  it("5. approved out of band, an edit of it is refused at preview", async () => {
    for (const side of sides) for (const name of ["cancel", "recall"]) await approveOutOfBand(side, name);
    const edited = { ...campaigns, recall: { ...initial.recall, jobName: "Recall (edited)" } };
    campaigns = edited;
    const results = await step("5. preview of an edit of an approved campaign", (side) => side.stack.preview());
    const { dynamic } = results;
    for (const side of sides) {
      const { run } = results[side.name];
      expect(run.code).not.toBe(0);
      const id = [...side.ids].find(([, name]) => name === "recall")![0];
      expect(run.output).toContain(
        `recall: Cannot update push campaign ${id} ("Recall"): Feishu reports status ${EmulatorStatus.approved}`,
      );
    }
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken], recall: [read("recall")] });
  });

  it("6. up of the refused edit fails too, and writes nothing", async () => {
    const results = await step("6. up of the refused edit", (side) => side.stack.tryUp());
    for (const { run } of Object.values(results)) expect(run.code).not.toBe(0);
    const { dynamic } = results;
    expect(dynamic.calls).toEqual({ "(provider)": [tenantToken], recall: [read("recall")] });
    for (const side of sides)
      expect(side.emulator.notifications().find((n) => side.ids.get(n.id) === "recall")).toMatchObject({
        job_name: "Recall",
        status: EmulatorStatus.approved,
      });
  });

  it("7. refresh reads every campaign once and records the approvals", async () => {
    campaigns = { ...campaigns, recall: initial.recall };
    const { dynamic } = await step("7. refresh", (side) => side.stack.refresh());
    expect(dynamic.calls).toEqual({
      "(provider)": [tenantToken],
      ...Object.fromEntries(["cancel", "draft", "recall", "retain", "review"].map((name) => [name, [read(name)]])),
    });
    for (const side of sides) {
      const state = await side.stack.notificationsInState(side.type);
      const status = (name: string) => state.find((r) => r.urn.endsWith(`::${name}`))?.outputs?.status;
      expect([status("cancel"), status("recall"), status("review")]).toEqual([
        EmulatorStatus.approved,
        EmulatorStatus.approved,
        EmulatorStatus.inReview,
      ]);
    }
  });

  it("7b. `refresh --yes` with its preview: the preview's read and the refresh's, in two engine runs", async () => {
    const { dynamic } = await step("7b. refresh --yes (with its preview)", (side) => side.stack.refreshWithPreview!(), {
      only: (side) => side.stack.refreshWithPreview !== undefined,
    });
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
    const { dynamic } = await step("8. up schedules", (side) => side.stack.up());
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
    const quiet = await step("8b. preview with no change", (side) => side.stack.previewNoChanges());
    for (const { run, calls } of Object.values(quiet)) {
      expect(run.code).toBe(0);
      expect(calls).toEqual({});
    }
  });

  it("9. destroy does what each onDelete says", async () => {
    const { dynamic } = await step("9. destroy", (side) => side.stack.destroy());
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
