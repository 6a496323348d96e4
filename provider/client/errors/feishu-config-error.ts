import { FeishuHelpdeskError } from "./feishu-helpdesk-error";

/**
 * A setting (a credential, the base URL, the timeout, the user id type) is missing or invalid.
 * Names the setting to fix.
 */
export class FeishuConfigError extends FeishuHelpdeskError {
  /**
   * The client options to set or fix, for example `credentials.appSecret`, so a caller that
   * reads them from its own configuration can name its own keys. Empty when not given.
   */
  readonly settings: readonly string[];

  constructor(message: string, settings: readonly string[] = []) {
    super(message);
    this.settings = settings;
  }
}
