import type { AccessTokenSource } from "./access-token-source";
import { FeishuErrorCode } from "./api/error-codes";
import type { HelpdeskClientOptions } from "./client-options";
import { systemClock } from "./clock";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuCancelledError } from "./errors/feishu-cancelled-error";
import type { FeishuCall, FeishuHttp } from "./feishu-http";
import type { FeishuReply } from "./feishu-reply";
import type { PacedCallNotice, PacedEndpoint, Pacer } from "./pacing/pacer";
import type { Permit } from "./pacing/sliding-window-limiter";
import { cancellableSleep } from "./retry/cancellable-sleep";
import { defaultRetryDeadlineMs, outcomeUnknown, retryVerdict } from "./retry/retry-policy";

// Feishu's answers to an invalid or expired access token: a tenant token is fetched again, once.
const tokenRejected: ReadonlySet<number> = new Set([
  FeishuErrorCode.accessTokenMissing,
  FeishuErrorCode.accessTokenInvalid,
]);

/** A call sent and its reply. */
export interface Sent {
  readonly call: FeishuCall;
  readonly reply: FeishuReply;
}

/**
 * Sends one call the way every call of the client goes: paced to its endpoint's quota, the
 * access token fetched again once when Feishu rejects it, and repeated while the retry policy
 * allows within the deadline, cancellable by the options' signal.
 */
export class CallSender {
  constructor(
    private readonly http: FeishuHttp,
    private readonly pacer: Pacer,
    private readonly tokens: AccessTokenSource,
    private readonly options: Omit<HelpdeskClientOptions, "credentials">,
  ) {}

  /**
   * Sends a call, paced for its endpoint, and repeats it while the retry policy allows, within
   * the deadline. `validate` may reject a reply as unreadable, which counts as a failed attempt.
   */
  async send(
    endpoint: PacedEndpoint | undefined,
    idempotent: boolean,
    build: () => FeishuCall | Promise<FeishuCall>,
    validate?: (call: FeishuCall, reply: FeishuReply) => void,
    beforeSend?: () => void,
  ): Promise<Sent> {
    let started: number | undefined;
    const paced = endpoint !== undefined && this.options.pacing !== false;
    let tokenRefreshed = false;
    for (let attempt = 0; ; attempt++) {
      // Build first (it may fetch a token), then take the permit just before sending: a permit
      // taken earlier would let the request reach Feishu later than the pacer assumes.
      const built = build();
      const call = built instanceof Promise ? await built : built;
      const { signal } = this.options;
      // A cancelled run sends nothing more, whether it was waiting for a permit or about to send.
      // A permit free at once is taken without an asynchronous step (the common case).
      const permit = paced
        ? (this.freePermit(endpoint) ?? (await this.queuedPermit(endpoint, call, signal)))
        : undefined;
      if (signal?.aborted) {
        permit?.done();
        throw new FeishuCancelledError({ endpoint: `${call.method} ${call.path}` });
      }
      // The deadline counts from the first send: waiting for a permit in a long queue is not failing.
      started ??= systemClock.now();
      try {
        beforeSend?.();
        const reply = await this.http.send(call);
        validate?.(call, reply);
        return { call, reply };
      } catch (error) {
        // The call is over: its permit counts from now, and is not held through the backoff.
        permit?.done();
        if (
          FeishuApiError.isInstance(error) &&
          tokenRejected.has(error.code) &&
          this.tokens.refreshable &&
          !tokenRefreshed
        ) {
          tokenRefreshed = true;
          this.tokens.invalidate();
          continue;
        }
        const endpointName = `${call.method} ${call.path}`;
        if (this.options.signal?.aborted) {
          // A call not safe to repeat that may have been done is not "given up, nothing sent":
          // said so, the next run would do it a second time. Its caller reports the unknown outcome.
          if (!idempotent && outcomeUnknown(error)) throw error;
          throw new FeishuCancelledError({ endpoint: endpointName, cause: error });
        }
        const verdict = retryVerdict(error, idempotent, attempt, this.options);
        const now = systemClock.now();
        // Read only on a failure: the environment lookup is a cost every successful call would pay.
        const deadline = this.options.retryDeadlineMs ?? defaultRetryDeadlineMs();
        if (!verdict.retry || now + verdict.afterMs - started > deadline) throw error;
        try {
          this.options.onRetry?.({
            endpoint: endpointName,
            attempt: attempt + 1,
            afterMs: verdict.afterMs,
            error: error as Error,
          });
        } catch {
          // A notice that fails must not change the call's outcome.
        }
        // Throttled: every call to the endpoint waits for the gateway's reset. This call waits
        // too, paced or not: without pacing nothing else would hold it back.
        if (verdict.rateLimited && paced) this.pacer.pauseUntil(endpoint, now + verdict.afterMs);
        else if (await cancellableSleep(systemClock, verdict.afterMs, this.options.signal))
          throw new FeishuCancelledError({ endpoint: endpointName, cause: error });
      } finally {
        permit?.done();
      }
    }
  }

  /** A permit free now (no asynchronous step: the common case), told as sent; undefined if the call must queue. */
  private freePermit(endpoint: PacedEndpoint): Permit | undefined {
    const permit = this.pacer.tryTake(endpoint);
    if (permit !== undefined) this.tellPaced(endpoint, "sent");
    return permit;
  }

  /** Waits in `endpoint`'s queue for a permit, telling `onPaced` when the call joins and leaves it. */
  private async queuedPermit(
    endpoint: PacedEndpoint,
    call: FeishuCall,
    signal: AbortSignal | undefined,
  ): Promise<Permit> {
    this.tellPaced(endpoint, "queued");
    try {
      const permit = await this.pacer.take(endpoint, this.options.onWait, signal);
      this.tellPaced(endpoint, "sent");
      return permit;
    } catch (reason) {
      this.tellPaced(endpoint, "dropped");
      throw signal?.aborted ? new FeishuCancelledError({ endpoint: `${call.method} ${call.path}` }) : reason;
    }
  }

  private tellPaced(endpoint: PacedEndpoint, change: PacedCallNotice["change"]): void {
    const { onPaced } = this.options;
    if (onPaced === undefined) return;
    try {
      onPaced({ endpoint, change, ...this.pacer.quota(endpoint) });
    } catch {
      // A notice that fails must not change the call's outcome.
    }
  }
}
