/**
 * A local emulator of the Feishu Helpdesk push-campaign API, for demos and tests:
 * `import { startEmulator } from "pulumi-feishu-helpdesk/emulator"`, or the
 * `feishu-helpdesk-emulator` command.
 */
export { startEmulator } from "./server";
export type { EmulatorOptions, RecordedRequest, RunningEmulator } from "./server";
export { demoCredentials } from "./credentials";
export { documentedLimits } from "./rate-limits";
export { EmulatorStatus } from "./campaign-lifecycle";
export type { LimitedEndpoint } from "./rate-limits";
export type { FaultKind, FaultOptions, FaultRule } from "./faults";
export type { EmulatorCredentials } from "./credentials";
