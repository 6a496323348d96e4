import { FeishuErrorCode } from "../api/error-codes";
import { FeishuApiError } from "../errors/feishu-api-error";
import { FeishuNetworkError } from "../errors/feishu-network-error";
import { FeishuResponseError } from "../errors/feishu-response-error";

/**
 * The retry deadline when none is set: 300 s, or 60 s under `CI=true`. A pipeline job has a
 * runner timeout of its own and a person waiting on the pull request; 60 s still rides out a
 * gateway's throttling window (Feishu's reset is at most a minute) but not an outage.
 */
export function defaultRetryDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  return env.CI === "true" || env.CI === "1" ? 60_000 : 300_000;
}

/**
 * Quick attempts after a refused connection (or a host name that does not resolve): nothing
 * listens at the base URL, which a misconfigured `baseUrl` explains far more often than an
 * outage, so minutes of retries would only delay the message that says so.
 */
export const REFUSED_CONNECTION_RETRIES = 2;

/** Retry settings. */
export interface RetryOptions {
  /**
   * No retry starts later than this after the first attempt.
   * @default 300000, or 60000 under `CI=true` (see {@link defaultRetryDeadlineMs})
   */
  readonly retryDeadlineMs?: number;
  /**
   * First backoff; it doubles each retry, with full jitter.
   * @default 500
   */
  readonly retryBaseDelayMs?: number;
  /**
   * Longest backoff.
   * @default 20000
   */
  readonly retryMaxDelayMs?: number;
}

/** Why a failed call may be sent again, and after how long. */
export type RetryVerdict =
  { readonly retry: true; readonly afterMs: number; readonly rateLimited: boolean } | { readonly retry: false };

/**
 * Whether a failed call may be repeated. GET and PATCH (a full-body PATCH is idempotent) are
 * retried on throttling, server errors, timeouts, dropped connections and unreadable replies.
 * A refused connection only {@link REFUSED_CONNECTION_RETRIES} times, quickly.
 * A POST (not idempotent) only when it provably was not processed: the gateway throttled it
 * (429 / 99991400), or the connection was refused before anything was sent. Nothing else is
 * retried: not a refusal (4xx), not a redirect (FeishuRedirectError), not a configuration error.
 * A throttled call waits at least the gateway's reset time (`x-ogw-ratelimit-reset`).
 */
export function retryVerdict(
  error: unknown,
  idempotent: boolean,
  attempt: number,
  options: RetryOptions,
  random = Math.random,
): RetryVerdict {
  const base = options.retryBaseDelayMs ?? 500;
  const cap = options.retryMaxDelayMs ?? 20_000;
  const backoff = () => Math.floor(random() * Math.min(cap, base * 2 ** attempt));

  if (FeishuApiError.isInstance(error)) {
    if (error.code === FeishuErrorCode.rateLimited || error.status === 429) {
      const reset = error.rateLimitResetSeconds;
      // Wait for the reset, plus a little jitter so parallel callers do not return at once.
      return {
        retry: true,
        afterMs: reset !== undefined ? reset * 1000 + Math.floor(random() * 250) : backoff(),
        rateLimited: true,
      };
    }
    if (idempotent && (error.status >= 500 || error.code === FeishuErrorCode.internalError))
      return { retry: true, afterMs: backoff(), rateLimited: false };
    return { retry: false };
  }
  if (FeishuNetworkError.isInstance(error)) {
    if (!error.requestSent)
      return attempt < REFUSED_CONNECTION_RETRIES
        ? { retry: true, afterMs: Math.min(backoff(), 1000), rateLimited: false }
        : { retry: false };
    if (idempotent) return { retry: true, afterMs: backoff(), rateLimited: false };
    return { retry: false };
  }
  if (FeishuResponseError.isInstance(error) && idempotent)
    return { retry: true, afterMs: backoff(), rateLimited: false };
  return { retry: false };
}

/**
 * Whether a failed call that is not safe to repeat may nonetheless have been done: its request
 * was sent and no complete reply came back (FeishuNetworkError with `requestSent`), Feishu
 * answered with a server error (5xx or its internal-error code), or its reply was unreadable.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (FeishuNetworkError.isInstance(error)) return error.requestSent;
  if (FeishuApiError.isInstance(error)) return error.status >= 500 || error.code === FeishuErrorCode.internalError;
  return FeishuResponseError.isInstance(error);
}
