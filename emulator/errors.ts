import { FeishuHelpdeskError } from "../provider/client/errors/feishu-helpdesk-error";

/**
 * The emulator was asked for something it cannot do: an admin action on a campaign that is not
 * there or not in the right state, or fault options that do not parse.
 */
export class EmulatorUsageError extends FeishuHelpdeskError {
  constructor(message: string) {
    super("EmulatorUsageError", message);
  }

  /** True if `value` is an EmulatorUsageError from any copy of this package. */
  static override isInstance(value: unknown): value is EmulatorUsageError {
    return FeishuHelpdeskError.isKind(value, "EmulatorUsageError");
  }
}

/** A data file that cannot be used, with its path in the message. */
export class DataFileError extends FeishuHelpdeskError {
  constructor(file: string, problem: string) {
    super("DataFileError", `emulator data file ${file}: ${problem}`);
  }

  /** True if `value` is a DataFileError from any copy of this package. */
  static override isInstance(value: unknown): value is DataFileError {
    return FeishuHelpdeskError.isKind(value, "DataFileError");
  }
}
