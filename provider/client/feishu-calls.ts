import { AccessTokenSource } from "./access-token-source";
import { FeishuErrorCode } from "./api/error-codes";
import { rateLimitsProblem } from "./api/rate-limits";
import { FEISHU_BASE_URL, type HelpdeskClientOptions } from "./client-options";
import { maxTimerMs, systemClock } from "./clock";
import { helpdeskAuthorization } from "./credentials";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuCancelledError } from "./errors/feishu-cancelled-error";
import { FeishuConfigError } from "./errors/feishu-config-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuOutcomeUnknownError } from "./errors/feishu-outcome-unknown-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { SecretRedactor } from "./errors/redact";
import { type FeishuCall, FeishuHttp, type FeishuReply } from "./feishu-http";
import { type PacedCallNotice, type PacedEndpoint, type Pacer, sharedPacer } from "./pacing/pacer";
import type { Slot } from "./pacing/sliding-window-limiter";
import { cancellableSleep } from "./retry/cancellable-sleep";
import { defaultRetryDeadlineMs, outcomeUnknown, retryVerdict } from "./retry/retry-policy";

/** Default of {@link HelpdeskClientOptions.maxResponseBytes}. */
const defaultMaxResponseBytes = 8 * 1024 * 1024;

// Feishu's answers to an invalid or expired access token: a tenant token is fetched again, once.
const tokenRejected: ReadonlySet<number> = new Set([
  FeishuErrorCode.accessTokenMissing,
  FeishuErrorCode.accessTokenInvalid,
]);

/** What a POST sent {@link FeishuCalls.once} is about, for its errors. */
export interface OnceAbout {
  readonly action: string;
  readonly advice: string;
  readonly jobName?: string;
  readonly notificationId?: string;
  readonly tenantToken?: boolean;
  readonly validate?: (data: Record<string, unknown> | undefined) => string | undefined;
  /** Called just before each attempt is sent, after its pacing wait (a journal writes its intent here). */
  readonly beforeSend?: () => void;
}

/** A call sent and its reply. */
export interface Sent {
  readonly call: FeishuCall;
  readonly reply: FeishuReply;
}

/**
 * The call machinery of {@link HelpdeskClient}: both credentials on every call, the access token
 * (fetched again once when Feishu rejects it), pacing to the rate limits, and retries within the
 * deadline, cancellable by the options' signal. Internal: not exported from the package.
 */
export class FeishuCalls {
  readonly http: FeishuHttp;
  private readonly pacer: Pacer;
  private readonly options: HelpdeskClientOptions;
  // #private: not enumerable, not shown by console.log or util.inspect, so a logged client shows no secret.
  readonly #tokens: AccessTokenSource;
  /** `base64(helpdesk_id:helpdesk_token)`, computed once. */
  readonly #helpdeskAuthorization: string;
  private readonly userIdType: string;

  constructor(options: HelpdeskClientOptions) {
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
    this.#helpdeskAuthorization = helpdeskAuthorization(credentials);
    this.userIdType = options.userIdType ?? "open_id";
    const baseUrl = options.baseUrl ?? FEISHU_BASE_URL;
    // Every secret value, so that no error quotes one back, whatever a server echoes.
    const redactor = new SecretRedactor();
    redactor.add(
      credentials.helpdeskToken,
      credentials.appSecret,
      credentials.userAccessToken,
      this.#helpdeskAuthorization,
    );
    this.http = new FeishuHttp({
      baseUrl,
      allowInsecureHttp: options.allowInsecureHttp,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
      redactor,
    });
    this.pacer = sharedPacer(baseUrl, options);
    this.#tokens = new AccessTokenSource({
      credentials,
      // Asking for a token twice is harmless, so its POST is retried like a read.
      send: async (call) => (await this.withRetries(undefined, true, async () => call)).reply,
      describeMalformed: (call, reply, problem) => this.http.describeMalformed(call, reply, problem),
      onToken: (token) => redactor.add(token),
    });
    // Only the settings, never the credentials, are kept beside them.
    const { credentials: _, ...settings } = options;
    this.options = settings as HelpdeskClientOptions;
  }

  /**
   * A POST that must not be repeated unless it provably was not processed. When its outcome is
   * unknown (or its reply lacks what the API documents), throws FeishuOutcomeUnknownError.
   */
  async once(endpoint: PacedEndpoint | undefined, path: string, body: unknown, about: OnceAbout): Promise<Sent> {
    const sentAt = new Date().toISOString();
    const unknownOutcome = (
      error: FeishuNetworkError | FeishuApiError | FeishuResponseError,
      logId: string | undefined,
    ) =>
      new FeishuOutcomeUnknownError({
        endpoint: error.endpoint,
        action: about.action,
        jobName: about.jobName,
        notificationId: about.notificationId,
        sentAt,
        logId,
        advice: about.advice,
        cancelled: this.options.signal?.aborted === true,
        cause: error,
      });
    let sent: { call: FeishuCall; reply: FeishuReply };
    try {
      sent = await this.withRetries(
        endpoint,
        false,
        () => this.call("POST", path, body, about.tenantToken),
        undefined,
        about.beforeSend,
      );
    } catch (error) {
      // An error of another call (the token request made to build this one) says nothing about this POST.
      const ours =
        (FeishuNetworkError.isInstance(error) ||
          FeishuApiError.isInstance(error) ||
          FeishuResponseError.isInstance(error)) &&
        error.endpoint === `POST ${path}`;
      if (!ours || !outcomeUnknown(error)) throw error;
      throw unknownOutcome(error, FeishuNetworkError.isInstance(error) ? undefined : error.logId);
    }
    const problem = about.validate?.(sent.reply.body.data as Record<string, unknown> | undefined);
    if (problem) throw unknownOutcome(this.http.describeMalformed(sent.call, sent.reply, problem), sent.reply.logId);
    return sent;
  }

  /**
   * Sends a call, paced for its endpoint, and repeats it while the retry policy allows, within
   * the deadline. `validate` may reject a reply as unreadable, which counts as a failed attempt.
   */
  async withRetries(
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
      // Build first (it may fetch a token), then take the slot just before sending: a slot
      // taken earlier would let the request reach Feishu later than the pacer assumes.
      const built = build();
      const call = built instanceof Promise ? await built : built;
      const { signal } = this.options;
      // A cancelled run sends nothing more, whether it was waiting for a slot or about to send.
      // A slot free at once is taken without an asynchronous step (the common case).
      const slot = paced ? (this.freeSlot(endpoint) ?? (await this.queuedSlot(endpoint, call, signal))) : undefined;
      if (signal?.aborted) {
        slot?.done();
        throw new FeishuCancelledError({ endpoint: `${call.method} ${call.path}` });
      }
      // The deadline counts from the first send: waiting for a slot in a long queue is not failing.
      started ??= systemClock.now();
      try {
        beforeSend?.();
        const reply = await this.http.send(call);
        validate?.(call, reply);
        return { call, reply };
      } catch (error) {
        // The call is over: its slot counts from now, and is not held through the backoff.
        slot?.done();
        if (
          FeishuApiError.isInstance(error) &&
          tokenRejected.has(error.code) &&
          this.#tokens.refreshable &&
          !tokenRefreshed
        ) {
          tokenRefreshed = true;
          this.#tokens.invalidate();
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
            endpoint: `${call.method} ${call.path}`,
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
        slot?.done();
      }
    }
  }

  /** A slot free now (no asynchronous step: the common case), told as sent; undefined if the call must queue. */
  private freeSlot(endpoint: PacedEndpoint): Slot | undefined {
    const slot = this.pacer.tryTake(endpoint);
    if (slot !== undefined) this.tellPaced(endpoint, "sent");
    return slot;
  }

  /** Waits in `endpoint`'s queue for a slot, telling `onPaced` when the call joins and leaves it. */
  private async queuedSlot(endpoint: PacedEndpoint, call: FeishuCall, signal: AbortSignal | undefined): Promise<Slot> {
    this.tellPaced(endpoint, "queued");
    try {
      const slot = await this.pacer.take(endpoint, this.options.onWait, signal);
      this.tellPaced(endpoint, "sent");
      return slot;
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

  /**
   * The call with both credentials. Synchronous when the access token is at hand (nearly every
   * call), so the hot path takes no asynchronous step; a promise while a token is fetched.
   */
  call(
    method: FeishuCall["method"],
    path: string,
    body?: unknown,
    tenantToken = false,
  ): FeishuCall | Promise<FeishuCall> {
    const build = (token: string): FeishuCall => ({
      method,
      path,
      query: { user_id_type: this.userIdType },
      headers: { Authorization: `Bearer ${token}`, "X-Lark-Helpdesk-Authorization": this.#helpdeskAuthorization },
      body,
    });
    const cached = this.#tokens.cached(tenantToken);
    if (cached !== undefined) return build(cached);
    return (tenantToken ? this.#tokens.tenantToken() : this.#tokens.get()).then(build);
  }
}
