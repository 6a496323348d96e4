import { type EmulatorCredentials, type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator";
import { configureStack, randomCredentials } from "./feishu-fixture";
import { PulumiProject } from "./pulumi-project";

/** What {@link emulatedStack} sets up; filled in by its beforeAll. */
export interface EmulatedStack {
  readonly credentials: EmulatorCredentials;
  emulator: RunningEmulator;
  project: PulumiProject;
}

/**
 * For a describe block: an emulator with fresh random credentials, and a stack of `program`
 * configured to use it (secrets set with --secret); both torn down after the block.
 */
export function emulatedStack(
  program: string,
  options: { emulator?: EmulatorOptions; token?: "tenant" | "user" } = {},
): EmulatedStack {
  const stack = { credentials: randomCredentials() } as EmulatedStack;
  beforeAll(async () => {
    stack.emulator = await startEmulator({ credentials: stack.credentials, ...options.emulator });
    stack.project = await PulumiProject.create(program);
    await configureStack(stack.project, stack.emulator.url, stack.credentials, options.token);
  });
  afterAll(async () => {
    await stack.project?.dispose();
    await stack.emulator?.close();
  });
  return stack;
}
