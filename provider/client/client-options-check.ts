import { rateLimitsProblem } from "./api/rate-limits";
import type { HelpdeskClientOptions } from "./client-options";
import { maxTimerMs } from "./clock";
import { FeishuConfigError } from "./errors/feishu-config-error";

/**
 * Throws a FeishuConfigError naming the option for client options that cannot work: empty
 * helpdesk credentials, a time that is not a usable number of milliseconds, a misspelt
 * rate-limited endpoint. The base URL is FeishuHttp's to check.
 */
export function checkClientOptions(options: HelpdeskClientOptions): void {
  const { credentials } = options;
  if (!credentials.helpdeskId || !credentials.helpdeskToken) {
    throw new FeishuConfigError(
      "No helpdesk credentials: the helpdesk id or token is empty.\n" +
        "Set credentials.helpdeskId and credentials.helpdeskToken " +
        "(from the Helpdesk admin console → settings → API).",
      ["credentials.helpdeskId", "credentials.helpdeskToken"],
    );
  }
  // A non-finite or huge value would overflow setTimeout, which then fires at once (a busy loop).
  // A retry deadline of 0 means no retry; a timeout of 0 would fail every call.
  for (const [name, least] of [
    ["timeoutMs", "positive"],
    ["retryDeadlineMs", "non-negative"],
    ["rateLimitWindowMs", "positive"],
  ] as const) {
    const value = options[name];
    const fits = typeof value === "number" && (least === "positive" ? value > 0 : value >= 0) && value <= maxTimerMs;
    if (value !== undefined && !fits)
      throw new FeishuConfigError(
        `${name} must be a ${least} number of milliseconds up to ${maxTimerMs}, got ${String(value)}.`,
        [name],
      );
  }
  // A misspelt endpoint would otherwise be ignored, and the documented limit used instead.
  const limitsProblem = options.rateLimits === undefined ? undefined : rateLimitsProblem(options.rateLimits);
  if (limitsProblem !== undefined) throw new FeishuConfigError(`rateLimits: ${limitsProblem}.`, ["rateLimits"]);
}
