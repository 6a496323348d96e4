import { FeishuHelpdeskError } from "../provider/client/errors/feishu-helpdesk-error";

/**
 * The emulator was asked for something it cannot do: an admin action on a campaign that is not
 * there or not in the right state, or fault options that do not parse.
 */
export class EmulatorUsageError extends FeishuHelpdeskError {
  constructor(message: string) {
    super(message);
  }
}

/** A data file that cannot be used, with its path in the message. */
export class DataFileError extends FeishuHelpdeskError {
  constructor(file: string, problem: string) {
    super(`emulator data file ${file}: ${problem}`);
  }
}
