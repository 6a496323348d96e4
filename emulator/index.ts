/**
 * A local emulator of the Feishu Helpdesk push-campaign API, for demos and tests:
 * `import { startEmulator } from "pulumi-feishu-helpdesk/emulator"`, or the
 * `feishu-helpdesk-emulator` command.
 */

export { EmulatorStatus } from "./campaign-lifecycle";
export type { Clock, ManualClockOptions } from "./clock";
export { ManualClock, systemClock } from "./clock";
export type { EmulatorCredentials } from "./credentials";
export { demoCredentials } from "./credentials";
export type { DataFile } from "./data-file";
export { dataFileSchema, validateDataFile } from "./data-file";
export { DataFileError, EmulatorUsageError } from "./errors";
export type { FaultKind, FaultOptions, FaultRule } from "./faults";
export { parseFaultOptions } from "./faults";
export type { BotMessageView, EmulatorOptions, RecordedRequest, RunningEmulator } from "./options";
export type { LimitedEndpoint } from "./rate-limits";
export { documentedLimits } from "./rate-limits";
export { exposureWarning, startEmulator } from "./server";
