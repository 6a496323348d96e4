/**
 * A local emulator of the Feishu Helpdesk push-campaign API, for demos and tests:
 * `import { startEmulator } from "pulumi-feishu-helpdesk/emulator"`, or the
 * `feishu-helpdesk-emulator` command.
 */

export { EmulatorStatus } from "./campaign-lifecycle";
export type { EmulatorCredentials } from "./credentials";
export { demoCredentials } from "./credentials";
export type { FaultKind, FaultOptions, FaultRule } from "./faults";
export type { LimitedEndpoint } from "./rate-limits";
export { documentedLimits } from "./rate-limits";
export type { EmulatorOptions, RecordedRequest, RunningEmulator } from "./server";
export { startEmulator } from "./server";
