import * as fs from "node:fs";
import * as path from "node:path";
import * as lark from "@larksuiteoapi/node-sdk";
import type { RunningEmulator } from "../emulator";
import { configureStack } from "../test/harness/feishu-fixture";
import { pluginVersion } from "../test/harness/plugin-archive";
import { PulumiProject } from "../test/harness/pulumi-project";
import { yamlCampaignsProgram } from "../test/harness/yaml-program";
import { larkClient } from "./client-overhead";
import { body, credentials, unpaced } from "./settings";
import { timed } from "./stats";

// ---------------------------------------------------------------------------------------------
// 3. Engine runs, with the provider process's peak memory sampled from /proc.
export interface EngineRun {
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
export async function engineRuns(
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
export async function sdkScript(n: number, emulator: RunningEmulator): Promise<number> {
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
