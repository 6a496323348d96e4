import * as fs from "node:fs";
import * as path from "node:path";
import { type EmulatorCredentials, type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials } from "./feishu-fixture";
import { linkNodejsSdk } from "./nodejs-sdk";
import { pluginVersion } from "./plugin-archive";
import { PulumiProject, type PulumiRun, type StateResource } from "./pulumi-project";
import { PythonInlineStack } from "./python-inline";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy";
import { PLUGIN_NOTIFICATION, yamlCampaignsProgram } from "./yaml-program";

/** The ways the parity test declares the same campaigns. */
export type SideName = "dynamic" | "yaml" | "python" | "nodejs-sdk";

/** Campaigns by resource name, each its args in camelCase (as test/programs/campaigns takes them). */
export type Campaigns = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The steps the parity test takes on a stack, whichever language declares it. */
export interface ParityStack {
  /** `pulumi preview`; never throws. */
  preview(): Promise<PulumiRun>;
  /** `pulumi preview --expect-no-changes`; never throws. */
  previewNoChanges(): Promise<PulumiRun>;
  /** `pulumi up`; throws unless it succeeds. */
  up(): Promise<PulumiRun>;
  /** `pulumi up`; never throws (for an up that must fail). */
  tryUp(): Promise<PulumiRun>;
  /** `pulumi refresh --yes --skip-preview` (the Automation API's refresh). */
  refresh(): Promise<PulumiRun>;
  /**
   * `pulumi refresh --yes` with its preview, as most pipelines run it; the CLI sides only (the
   * Automation API's refresh always skips its preview).
   */
  readonly refreshWithPreview?: () => Promise<PulumiRun>;
  destroy(): Promise<PulumiRun>;
  notificationsInState(type: string): Promise<StateResource[]>;
  /** Makes the program declare `campaigns` (name → camelCase args) from the next step on. */
  declare(campaigns: Campaigns): Promise<void>;
  dispose(): Promise<void>;
  readonly transcript: readonly string[];
}

/** One side of the comparison: a stack, its emulator, and the proxy that records its calls. */
export interface Side {
  readonly name: SideName;
  /** The campaigns' resource type in the state. */
  readonly type: string;
  readonly emulator: RunningEmulator;
  /** What its emulator accepts. */
  readonly credentials: EmulatorCredentials;
  readonly proxy: RecordingProxy;
  readonly stack: ParityStack;
  /** Campaign id → resource name, learnt from the state. */
  readonly ids: Map<string, string>;
}

/** A PulumiProject (the CLI on a program on disk) as a ParityStack. */
function cliStack(project: PulumiProject, declare: (campaigns: Campaigns) => Promise<void>): ParityStack {
  return {
    preview: () => project.run(["preview"]),
    previewNoChanges: () => project.preview(),
    up: () => project.up(),
    tryUp: () => project.run(["up", "--yes", "--skip-preview"]),
    refresh: () => project.refresh(),
    refreshWithPreview: () => project.ok(["refresh", "--yes"]),
    destroy: () => project.destroy(),
    notificationsInState: (type) => project.notificationsInState(type),
    declare,
    dispose: () => project.dispose(),
    transcript: project.transcript,
  };
}

/** The Python driver (the Automation API, one process per step) as a ParityStack. */
function pythonStack(python: PythonInlineStack): ParityStack {
  return {
    preview: () => python.step("preview"),
    previewNoChanges: () => python.step("preview-no-changes"),
    up: () => python.ok("up"),
    tryUp: () => python.step("up"),
    refresh: () => python.ok("refresh"),
    destroy: () => python.ok("destroy"),
    notificationsInState: (type) => python.notificationsInState(type),
    declare: async (campaigns) => python.declare(campaigns),
    dispose: () => python.dispose(),
    transcript: python.transcript,
  };
}

/**
 * Makes one side: its emulator, a recording proxy before it, and its stack configured for the
 * proxy. `archive`: the plugin's (every side but the dynamic resource's installs it);
 * `nodejsSdk`: the compiled Node.js SDK's folder.
 */
export async function makeSide(name: SideName, archive: string, nodejsSdk: string): Promise<Side> {
  const credentials = randomCredentials();
  const emulator = await startEmulator({ credentials });
  const proxy = await startRecordingProxy(emulator.url);
  let stack: ParityStack;
  if (name === "python") {
    stack = pythonStack(await PythonInlineStack.create(archive, pluginVersion, proxy.url, credentials));
  } else {
    const program = { dynamic: "campaigns", yaml: "yaml-parity", "nodejs-sdk": "nodejs-sdk" }[name];
    const project = await PulumiProject.create(`test/programs/${program}`);
    if (name !== "dynamic") await project.installPlugin("feishu-helpdesk", pluginVersion, archive);
    if (name === "nodejs-sdk") linkNodejsSdk(project.dir, nodejsSdk);
    await configureStack(project, proxy.url, credentials);
    stack = cliStack(project, async (campaigns) =>
      name === "yaml"
        ? fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), yamlCampaignsProgram("yaml-parity", campaigns))
        : project.setCampaigns(campaigns),
    );
  }
  const type = name === "dynamic" ? "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification" : PLUGIN_NOTIFICATION;
  return { name, type, emulator, credentials, proxy, stack, ids: new Map() };
}
