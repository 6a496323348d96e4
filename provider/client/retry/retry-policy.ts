import { FeishuErrorCode } from "../api/error-codes";
import { FeishuApiError } from "../errors/feishu-api-error";
import { FeishuNetworkError } from "../errors/feishu-network-error";
import { FeishuResponseError } from "../errors/feishu-response-error";

/** Retry settings. */
export interface RetryOptions {
  /**
   * No retry starts later than this after the first attempt.
   * @default 300000
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
    if (idempotent || !error.requestSent) return { retry: true, afterMs: backoff(), rateLimited: false };
    return { retry: false };
  }
  if (FeishuResponseError.isInstance(error) && idempotent)
    return { retry: true, afterMs: backoff(), rateLimited: false };
  return { retry: false };
}
