/**
 * `npm run bench`: how the package behaves at scale, measured side by side in one run against
 * the emulator on loopback, as ratios to references so the numbers mean something on a noisy
 * machine. Writes bench/results/latest.{json,md} and latest-wall-time.svg (and a dated copy).
 *
 * Environment: BENCH_REPORT (an earlier run's .json: print its tables and run nothing),
 * BENCH_SIZES (default "10,50,200,1000"), BENCH_PLUGIN_SIZES (the sizes also run through the
 * native plugin, default "10,50,200"), BENCH_CALLS (client calls per operation, default 300),
 * BENCH_QUOTA_SIZES / BENCH_QUOTA_TIME_SCALE (the quota section, bench/quota.ts; default "50,200" and
 * 6), BENCH_ONLY=quota (that section alone, written to bench/results/quota-latest.md).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import * as lark from "@larksuiteoapi/node-sdk";
import fetch from "node-fetch";
import { type RunningEmulator, startEmulator } from "../emulator";
import { HelpdeskClient, type WireNotificationBody } from "../provider";
import { configureStack, randomCredentials, sampleCard } from "../test/harness/feishu-fixture";
import { buildPluginArchive, pluginVersion } from "../test/harness/plugin-archive";
import { PulumiProject } from "../test/harness/pulumi-project";
import { yamlCampaignsProgram } from "../test/harness/yaml-program";
import { lineChart } from "./chart";
import { type QuotaRun, quotaMarkdown, quotaRuns } from "./quota";
import { pacedRatio, summarize, timed } from "./stats";
import { cardRendering, describeCardRendering } from "./cards";

const sizes = (process.env.BENCH_SIZES ?? "10,50,200,1000").split(",").map(Number);
// The plugin's runs double the engine time; at 1000 its up and destroy alone take minutes.
const pluginSizes = (process.env.BENCH_PLUGIN_SIZES ?? "10,50,200").split(",").map(Number);
const calls = Number(process.env.BENCH_CALLS ?? 300);
const quotaSizes = (process.env.BENCH_QUOTA_SIZES ?? "50,200").split(",").map(Number);
const quotaTimeScale = Number(process.env.BENCH_QUOTA_TIME_SCALE ?? 6);
const credentials = randomCredentials();
const userToken = credentials.userAccessTokens[0];
const unpaced = JSON.stringify({
  create: 1_000_000,
  patch: 1_000_000,
  get: 1_000_000,
  botMessage: 1_000_000,
  executeSend: 1_000_000,
});
const body: WireNotificationBody = {
  job_name: "Bench",
  push_content: JSON.stringify(sampleCard),
  push_type: 0,
  push_scope_type: 0,
};
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/**
 * A Lark SDK client with a token cache of its own: by default the SDK shares one cache per
 * process, keyed by app id, and keeps a token that a different (or restarted) server rejects.
 */
function larkClient(url: string): lark.Client {
  const entries = new Map<unknown, { value: unknown; expire?: number }>();
  const cache = {
    set: async (key: unknown, value: unknown, expire?: number) => {
      entries.set(key, { value, expire });
      return true;
    },
    get: async (key: unknown) => {
      const entry = entries.get(key);
      return entry && (entry.expire === undefined || entry.expire > Date.now()) ? entry.value : undefined;
    },
  };
  return new lark.Client({
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    helpDeskId: credentials.helpdeskId,
    helpDeskToken: credentials.helpdeskToken,
    domain: url,
    loggerLevel: lark.LoggerLevel.error,
    cache,
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Client overhead: the same create / patch / get through this package's client, plain
//    node-fetch (keep-alive, the same headers), and the official Lark Node SDK.
async function clientOverhead() {
  const emulator = await startEmulator({ credentials, rateLimits: false });
  const ours = new HelpdeskClient({
    baseUrl: emulator.url,
    credentials: {
      helpdeskId: credentials.helpdeskId,
      helpdeskToken: credentials.helpdeskToken,
      userAccessToken: userToken,
    },
    rateLimits: JSON.parse(unpaced),
  });
  const agent = new http.Agent({ keepAlive: true });
  const headers = {
    Authorization: `Bearer ${userToken}`,
    "X-Lark-Helpdesk-Authorization": Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString(
      "base64",
    ),
    "Content-Type": "application/json; charset=utf-8",
  };
  const plain = async (method: string, route: string, payload?: unknown) => {
    const response = await fetch(`${emulator.url}/open-apis/helpdesk/v1/notifications${route}?user_id_type=open_id`, {
      method,
      headers,
      agent,
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const json = (await response.json()) as { code: number; data?: { notification_id?: string } };
    if (json.code !== 0) throw new Error(`plain ${method} failed: ${json.code}`);
    return json;
  };
  const sdk = larkClient(emulator.url);
  // The SDK fetches and caches its own tenant token, as its users run it.
  const sdkOptions = () => lark.withHelpDeskCredential();

  const id = {
    ours: (await ours.createNotification(body)).notificationId,
    fetch: (await plain("POST", "", body)).data!.notification_id!,
    sdk: (await sdk.helpdesk.v1.notification.create({ data: body }, sdkOptions())).data!.notification_id!,
  };
  const clients = {
    ours: {
      create: () => ours.createNotification(body),
      patch: () => ours.patchNotification(id.ours, body),
      get: () => ours.getNotification(id.ours),
    },
    fetch: {
      create: () => plain("POST", "", body),
      patch: () => plain("PATCH", `/${id.fetch}`, body),
      get: () => plain("GET", `/${id.fetch}`),
    },
    sdk: {
      create: () => sdk.helpdesk.v1.notification.create({ data: body }, sdkOptions()),
      patch: () => sdk.helpdesk.v1.notification.patch({ path: { notification_id: id.sdk }, data: body }, sdkOptions()),
      get: () => sdk.helpdesk.v1.notification.get({ path: { notification_id: id.sdk } }, sdkOptions()),
    },
  };
  const rows = [];
  for (const op of ["create", "patch", "get"] as const) {
    const result = {} as Record<"ours" | "fetch" | "sdk", { median: number; p95: number }>;
    // Interleaved rounds, so drift in the machine's load falls on all three alike.
    const samples: Record<string, number[]> = { ours: [], fetch: [], sdk: [] };
    // The order turns each round: whatever a call leaves behind (the SDK's axios, say, finishing
    // its response and collecting its garbage) must not always land on the same next client.
    const names = ["ours", "fetch", "sdk"] as const;
    for (let round = 0; round < calls + 20; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length];
        const ms = await timed(clients[name][op]);
        if (round >= 20) samples[name].push(ms);
      }
    }
    for (const name of ["ours", "fetch", "sdk"] as const) result[name] = summarize(samples[name]);
    rows.push({
      op,
      ...result,
      vsFetch: result.ours.median / result.fetch.median,
      vsSdk: result.ours.median / result.sdk.median,
    });
  }
  await emulator.close();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Engine runs, with the provider process's peak memory sampled from /proc.
interface EngineRun {
  readonly op: "up" | "preview" | "refresh" | "destroy";
  readonly ms: number;
  readonly apiCalls?: number;
}

/**
 * Peak resident memory (KiB) of the provider processes started under `dir` whose command line
 * holds `command` ("dynamic-provider", or the plugin's "pulumi-resource-feishu-helpdesk").
 */
function watchProviderMemory(dir: string, command: string): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(command)) continue;
        if (!fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) continue;
        const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) peak = Math.max(peak, Number(hwm[1]));
      } catch {
        // the process ended between listing and reading
      }
    }
  }, 100);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/**
 * The N campaigns of bench/programs/campaigns/index.ts, as arguments: the same names and values,
 * for the YAML program through the native plugin.
 */
function benchCampaigns(n: number): Record<string, Record<string, unknown>> {
  const card = {
    config: { wide_screen_mode: true },
    elements: [{ tag: "div", text: { tag: "lark_md", content: "Please upgrade the VPN client." } }],
  };
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `c${i}`,
      { jobName: `Campaign ${i}`, pushType: "scheduled", pushScopeType: "allMembers", pushContent: card },
    ]),
  );
}

/**
 * up, a no-change preview, refresh and destroy of N resources: `campaigns` (the dynamic
 * resource, TypeScript), `plugin` (the same campaigns through the native plugin, installed from
 * `archive`, in a YAML program) or `noop` (the floor: a do-nothing dynamic resource).
 */
async function engineRuns(
  program: "campaigns" | "plugin" | "noop",
  n: number,
  emulator?: RunningEmulator,
  archive?: string,
) {
  const project = await PulumiProject.create(
    { campaigns: "bench/programs/campaigns", plugin: "bench/programs/campaigns-yaml", noop: "test/programs/noop" }[
      program
    ],
  );
  try {
    if (program !== "noop") {
      await configureStack(project, emulator!.url, credentials);
      await project.setConfig("feishu-helpdesk:rateLimits", unpaced);
    }
    if (program === "plugin") {
      await project.installPlugin("feishu-helpdesk", pluginVersion, archive!);
      fs.writeFileSync(
        path.join(project.dir, "Pulumi.yaml"),
        yamlCampaignsProgram("bench-campaigns-yaml", benchCampaigns(n), "The benchmarks' N campaigns, generated."),
      );
    } else await project.setConfig("count", String(n));
    const runs: EngineRun[] = [];
    let memoryKiB = 0;
    let exportBytes: { provider: number; resource: number } | undefined;
    for (const op of ["up", "preview", "refresh", "destroy"] as const) {
      emulator?.clearRequests();
      const command = program === "plugin" ? "pulumi-resource-feishu-helpdesk" : "dynamic-provider";
      const stopWatching = op === "up" ? watchProviderMemory(project.dir, command) : undefined;
      const args = {
        up: ["up", "--yes", "--skip-preview"],
        preview: ["preview", "--expect-no-changes"],
        refresh: ["refresh", "--yes", "--skip-preview"],
        destroy: ["destroy", "--yes", "--skip-preview"],
      }[op];
      const ms = await timed(() => project.ok(args));
      if (stopWatching) memoryKiB = stopWatching();
      runs.push({ op, ms, apiCalls: emulator?.requests.length });
      if (op === "up" && program === "campaigns") {
        // The plugin's state keeps no __provider: only the dynamic resource's is measured.
        const { deployment } = await project.exportStack();
        const resource = deployment.resources!.find((r) => r.type.endsWith(":HelpdeskNotification"))!;
        exportBytes = {
          provider: Buffer.byteLength(String(resource.inputs!.__provider)),
          resource: Buffer.byteLength(JSON.stringify(resource)),
        };
      }
    }
    return { runs, memoryKiB, exportBytes };
  } finally {
    await project.dispose();
  }
}

/** The ceiling: a plain script creating the same campaigns with the Lark SDK, all at once. */
async function sdkScript(n: number, emulator: RunningEmulator): Promise<number> {
  const sdk = larkClient(emulator.url);
  return timed(() =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        sdk.helpdesk.v1.notification.create(
          { data: { ...body, job_name: `Script ${i}` } },
          lark.withHelpDeskCredential(),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Paced throughput: the documented limits scaled 60x in the emulator and in the client.
async function pacedThroughput() {
  const emulator = await startEmulator({ credentials, timeScale: 60 });
  const client = new HelpdeskClient({
    baseUrl: emulator.url,
    credentials: { ...credentials, userAccessToken: undefined },
    rateLimitWindowMs: 1000,
  });
  await Promise.all(Array.from({ length: 40 }, () => client.createNotification(body)));
  const id = emulator.notifications()[0].id;
  emulator.clearRequests();
  const getsStart = emulator.requests.length;
  await Promise.all(Array.from({ length: 400 }, () => client.getNotification(id)));
  const creates = emulator.notifications().map((n) => Number(n.created_at));
  const gets = emulator.requests
    .slice(getsStart)
    .filter((r) => r.method === "GET")
    .map((r) => r.at);
  const throttled = emulator.requests.filter((r) => r.status === 429).length;
  await emulator.close();
  return { create: pacedRatio(creates, 1000, 10), get: pacedRatio(gets, 1000, 100), throttled };
}

// ---------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  // BENCH_REPORT=<results .json>: the tables of an earlier run again, with this version's report.
  if (process.env.BENCH_REPORT) {
    process.stdout.write(markdown(JSON.parse(fs.readFileSync(process.env.BENCH_REPORT, "utf8")) as Results));
    return;
  }
  if (process.env.BENCH_ONLY === "quota") {
    const md = `${quotaMarkdown(await quotaRuns(quotaSizes, quotaTimeScale, log), quotaTimeScale).join("\n")}\n`;
    process.stdout.write(`Load average at the end: ${loadAverage()}\n\n${md}`);
    fs.mkdirSync(path.join(process.cwd(), "bench", "results"), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), "bench", "results", "quota-latest.md"), md);
    return;
  }
  const engineBin = process.env.PULUMI_FEISHU_ENGINE_BIN!;
  const machine = {
    date: new Date().toISOString(),
    cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    engine: execFileSync(path.join(engineBin, "pulumi"), ["version"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    }).trim(),
    load: loadAverage(),
  };

  log(describeCardRendering(cardRendering()));
  log(`client overhead (${calls} calls per operation and client)`);
  const client = await clientOverhead();

  // The native plugin, built once for the run (scripts/build-plugin) and installed into each stack's PULUMI_HOME.
  log("building the native plugin archive");
  const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "feishu-bench-plugin-"));
  const archive = buildPluginArchive(archiveDir);

  const engine: Results["engine"] = {};
  for (const n of sizes) {
    const load = loadAverage();
    log(`engine runs, N = ${n} (load average ${load})`);
    const emulator = await startEmulator({ credentials, rateLimits: false });
    const ours = await engineRuns("campaigns", n, emulator);
    const plugin = pluginSizes.includes(n) ? await engineRuns("plugin", n, emulator, archive) : undefined;
    const floor = await engineRuns("noop", n);
    const script = await sdkScript(n, emulator);
    await emulator.close();
    engine[n] = {
      ours: ours.runs,
      plugin: plugin?.runs,
      floor: floor.runs,
      script,
      memoryKiB: ours.memoryKiB,
      pluginMemoryKiB: plugin?.memoryKiB ?? Number.NaN,
      exportBytes: ours.exportBytes,
      load,
    };
  }
  fs.rmSync(archiveDir, { recursive: true, force: true });

  log("paced throughput (documented limits scaled 60x)");
  const paced = await pacedThroughput();

  log(`at the quota (real limits, time scale ${quotaTimeScale}), N = ${quotaSizes.join(", ")}`);
  const quota = { timeScale: quotaTimeScale, runs: await quotaRuns(quotaSizes, quotaTimeScale, log) };

  const results = { machine: { ...machine, loadAtEnd: loadAverage() }, client, engine, paced, quota };
  const md = markdown(results);
  process.stdout.write(md);
  const dir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = machine.date.replace(/[:.]/g, "-");
  for (const name of ["latest", stamp]) {
    fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, `${name}.md`), md);
  }
  const colours = { up: "#1f77b4", preview: "#2ca02c", refresh: "#ff7f0e", destroy: "#d62728" };
  const svg = lineChart(
    "pulumi wall time against N",
    "solid: HelpdeskNotification against the emulator · dashed: a do-nothing dynamic resource (the floor)",
    "N resources (log scale)",
    "seconds",
    (["up", "preview", "refresh", "destroy"] as const).flatMap((op) => [
      {
        name: `${op}`,
        colour: colours[op],
        points: sizes.map((n) => ({ x: n, y: engine[n].ours.find((r) => r.op === op)!.ms / 1000 })),
      },
      {
        name: `${op} (floor)`,
        colour: colours[op],
        dashed: true,
        points: sizes.map((n) => ({ x: n, y: engine[n].floor.find((r) => r.op === op)!.ms / 1000 })),
      },
    ]),
  );
  fs.writeFileSync(path.join(dir, "latest-wall-time.svg"), svg);
  log(`written: bench/results/latest.json, latest.md, latest-wall-time.svg (and ${stamp}.*)`);
}

/** The 1, 5 and 15 minute load averages, so a noisy run can be recognised. */
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const OPS = ["up", "preview", "refresh", "destroy"] as const;

/**
 * How each operation's cost grows with N (the marginal ms per campaign between one N and the
 * next: linear growth keeps it flat, faster growth makes it rise) and the goals, met or not.
 */
function growthAndGoals(r: Results): string[] {
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
  const ns = Object.keys(r.engine).map(Number);
  const ms = (n: number, side: "ours" | "floor", op: string) => r.engine[n][side].find((x) => x.op === op)!.ms;
  const lines = [
    "",
    "## 3b. Growth with N: marginal ms per campaign from the previous N (ours / floor)",
    "",
    row("op", ...ns.slice(1).map((n, i) => `${ns[i]} → ${n}`)),
    row("---", ...ns.slice(1).map(() => "---")),
  ];
  for (const op of OPS) {
    const cells = ns.slice(1).map((n, i) => {
      const marginal = (side: "ours" | "floor") => (ms(n, side, op) - ms(ns[i], side, op)) / (n - ns[i]);
      return `${f(marginal("ours"))} / ${f(marginal("floor"))}`;
    });
    lines.push(row(op, ...cells));
  }
  const ratio = (n: number, op: string) => (n in r.engine ? ms(n, "ours", op) / ms(n, "floor", op) : Number.NaN);
  const goal = (label: string, value: number, limit: number) =>
    row(
      label,
      f(value, 2),
      `≤ ${limit}`,
      Number.isFinite(value) ? (value <= limit ? "met" : "**not met**") : "not run",
    );
  const client = Math.max(...r.client.map((c) => c.vsFetch));
  lines.push(
    "",
    "## 3c. Goals (issue 12)",
    "",
    row("goal", "measured", "target", "verdict"),
    row("---", "---", "---", "---"),
    goal("no-change preview ÷ floor, N = 200", ratio(200, "preview"), 1.2),
    goal("no-change preview ÷ floor, N = 1000", ratio(1000, "preview"), 1.2),
    ...(["up", "refresh", "destroy"] as const).map((op) => goal(`${op} ÷ floor, N = 200`, ratio(200, op), 1.5)),
    goal("client ÷ node-fetch (worst of create / patch / get)", client, 1.1),
    "",
  );
  return lines;
}

type Results = {
  machine: Record<string, string>;
  client: Awaited<ReturnType<typeof clientOverhead>>;
  engine: Record<
    number,
    {
      /** The dynamic resource (TypeScript program). */
      ours: EngineRun[];
      /** The same campaigns through the native plugin (YAML program); undefined for an N not in BENCH_PLUGIN_SIZES. */
      plugin?: EngineRun[];
      floor: EngineRun[];
      script: number;
      memoryKiB: number;
      pluginMemoryKiB: number;
      exportBytes?: { provider: number; resource: number };
      load: string;
    }
  >;
  paced: Awaited<ReturnType<typeof pacedThroughput>>;
  /** Absent from reports made before the section existed. */
  quota?: { timeScale: number; runs: QuotaRun[] };
};

/** One row of a markdown table. */
const row = (...cells: string[]) => `| ${cells.join(" | ")} |`;

function markdown(r: Results): string {
  const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
  const lines: string[] = [];
  lines.push(
    `# pulumi-feishu-helpdesk benchmarks`,
    "",
    [
      r.machine.date,
      r.machine.cpu,
      r.machine.memory,
      `Node ${r.machine.node}`,
      `Pulumi engine ${r.machine.engine}`,
    ].join(" · "),
    "",
    `Load average (1, 5, 15 min) before the benchmark started anything ${r.machine.load}, at the end ` +
      `${r.machine.loadAtEnd}. The first says whether the machine was quiet. During the run the benchmark's own ` +
      "processes (engine, program, provider) load the machine too: 2–3 was observed on 2 cores with nothing " +
      "else running; well above that, something else was running and the ratios are noisy.",
    "",
  );
  lines.push(
    "## 1. Client overhead (ms per call, emulator on loopback)",
    "",
    row(
      "op",
      "ours median / p95",
      "node-fetch median / p95",
      "Lark SDK median / p95",
      "ours ÷ node-fetch",
      "ours ÷ Lark SDK",
    ),
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const op of r.client) {
    lines.push(
      row(
        op.op,
        `${f(op.ours.median, 3)} / ${f(op.ours.p95, 3)}`,
        `${f(op.fetch.median, 3)} / ${f(op.fetch.p95, 3)}`,
        `${f(op.sdk.median, 3)} / ${f(op.sdk.p95, 3)}`,
        f(op.vsFetch),
        f(op.vsSdk),
      ),
    );
  }
  const first = r.engine[Object.keys(r.engine).map(Number)[0]];
  lines.push(
    "",
    "## 2. State cost per campaign",
    "",
    `\`__provider\`: ${first.exportBytes?.provider} bytes; ` +
      `whole resource in \`pulumi stack export\`: ${first.exportBytes?.resource} bytes.`,
    "",
  );
  lines.push(
    "## 3. Engine runs (emulator unthrottled)",
    "",
    "The dynamic resource in a TypeScript program; the same campaigns through the native plugin in a YAML " +
      "program (plugin (YAML)); the floor is the TypeScript do-nothing dynamic resource for both (a YAML " +
      "program has no do-nothing resource without a provider of its own to serve it).",
    "",
    row(
      "N",
      "op",
      "wall s",
      "ms per resource",
      "floor ms per resource",
      "API calls",
      "÷ floor",
      "÷ dynamic",
      "÷ Lark SDK script (create)",
    ),
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const [n, e] of Object.entries(r.engine)) {
    lines.push(`| ${n} | *load average at the start of N (this benchmark's runs included): ${e.load}* | | | | | | | |`);
    const runRow = (label: string, run: EngineRun) => {
      const floor = e.floor.find((x) => x.op === run.op)!;
      const dynamic = e.ours.find((x) => x.op === run.op)!;
      return row(
        n,
        label,
        f(run.ms / 1000),
        f(run.ms / Number(n), 1),
        f(floor.ms / Number(n), 1),
        String(run.apiCalls),
        f(run.ms / floor.ms),
        run === dynamic ? "" : f(run.ms / dynamic.ms),
        run.op === "up" ? f(run.ms / e.script) : "",
      );
    };
    for (const run of e.ours) lines.push(runRow(run.op, run));
    for (const run of e.plugin ?? []) lines.push(runRow(`plugin (YAML) ${run.op}`, run));
    lines.push(
      row(
        n,
        "floor (do-nothing) up / preview / refresh / destroy",
        e.floor.map((x) => f(x.ms / 1000)).join(" / "),
        "",
        "",
        "",
        "",
        "",
        "",
      ),
    );
    lines.push(
      `| ${n} | Lark SDK script, create all | ${f(e.script / 1000)} | ${f(e.script / Number(n), 1)} | | ${n} | | | |`,
    );
  }
  lines.push(...growthAndGoals(r));
  const last = Object.keys(r.engine).map(Number).pop()!;
  lines.push(
    "",
    "## 4. Paced throughput (documented limits scaled 60×; calls per full window ÷ allowed)",
    "",
    `- create: ${r.paced.create.perWindow.join(", ")} per second, allowed 10: **${f(r.paced.create.ratio, 3)}**`,
    `- get: ${r.paced.get.perWindow.join(", ")} per second, allowed 100: **${f(r.paced.get.ratio, 3)}**`,
    `- 429 answers from the emulator: ${r.paced.throttled}`,
    "",
  );
  const pluginLast = pluginSizes.filter((n) => n in r.engine).pop();
  lines.push(
    `## 5. Provider process memory`,
    "",
    `Peak RSS during \`pulumi up\` of N = ${last}: the dynamic provider process ` +
      `${f(r.engine[last].memoryKiB / 1024, 1)} MiB; the native plugin process ` +
      `${f((pluginLast === undefined ? Number.NaN : r.engine[pluginLast].pluginMemoryKiB) / 1024, 1)} MiB ` +
      `at N = ${pluginLast ?? "n/a"}.`,
    "",
  );
  if (r.quota) lines.push(...quotaMarkdown(r.quota.runs, r.quota.timeScale));
  lines.push("![wall time against N](latest-wall-time.svg)", "");
  return `${lines.join("\n")}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
