import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/**
 * A setting (a credential, the base URL, the timeout, the user id type) is missing or invalid.
 * Names the setting to fix.
 */
export class FeishuConfigError extends FeishuHelpdeskError {
  constructor(message: string) {
    super("FeishuConfigError", message);
  }

  /** True if `value` is a FeishuConfigError from any copy of this package. */
  static override isInstance(value: unknown): value is FeishuConfigError {
    return FeishuHelpdeskError.isKind(value, "FeishuConfigError");
  }
}
