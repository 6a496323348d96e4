import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/** The credentials needed for a call are missing or unusable. Names the config key and variable to set. */
export class FeishuCredentialsError extends FeishuHelpdeskError {
  constructor(message: string) {
    super("FeishuCredentialsError", message);
  }

  /** True if `value` is a FeishuCredentialsError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuCredentialsError {
    return FeishuHelpdeskError.isKind(value, "FeishuCredentialsError");
  }
}
