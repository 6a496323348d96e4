import { AccessTokenSource } from "./access-token-source";
import { CallSender, type Sent } from "./call-sender";
import { FEISHU_BASE_URL, type HelpdeskClientOptions } from "./client-options";
import { checkClientOptions } from "./client-options-check";
import { helpdeskAuthorization } from "./credentials";
import type { ActionWords, Endpoint } from "./endpoint";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuOutcomeUnknownError } from "./errors/feishu-outcome-unknown-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { SecretRedactor } from "./errors/redact";
import { type FeishuCall, FeishuHttp } from "./feishu-http";
import type { FeishuReply } from "./feishu-reply";
import { sharedPacer } from "./pacing/pacer";
import { outcomeUnknown } from "./retry/retry-policy";

/** Default of {@link HelpdeskClientOptions.maxResponseBytes}. */
const defaultMaxResponseBytes = 8 * 1024 * 1024;

/**
 * The call machinery of {@link HelpdeskClient}: sends any row of the endpoint table with both
 * credentials, the access token, pacing and retries (see CallSender), and says when a call not
 * safe to repeat has an unknown outcome. Internal: not exported from the package.
 */
export class FeishuCalls {
  private readonly http: FeishuHttp;
  readonly #sender: CallSender;
  private readonly options: Omit<HelpdeskClientOptions, "credentials">;
  // #private: not enumerable, not shown by console.log or util.inspect, so a logged client shows no secret.
  readonly #tokens: AccessTokenSource;
  /** `base64(helpdesk_id:helpdesk_token)`, computed once. */
  readonly #helpdeskAuthorization: string;
  private readonly userIdType: string;

  constructor(options: HelpdeskClientOptions) {
    checkClientOptions(options);
    const { credentials, ...settings } = options;
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
    this.#tokens = new AccessTokenSource({
      credentials,
      // Asking for a token twice is harmless, so its POST is retried like a read.
      send: async (call) => (await this.#sender.send(undefined, true, async () => call)).reply,
      describeMalformed: (call, reply, problem) => this.http.describeMalformed(call, reply, problem),
      onToken: (token) => redactor.add(token),
    });
    // Only the settings, never the credentials, are kept beside them.
    this.options = settings;
    this.#sender = new CallSender(this.http, sharedPacer(baseUrl, options), this.#tokens, settings);
  }

  /**
   * Sends the call of `endpoint` for `args` and gives the endpoint's result. A call safe to
   * repeat is retried like a read, a reply that fails the endpoint's validation included; one
   * that is not is sent once (see {@link once}). `beforeSend` is called just before each attempt
   * is sent, after its pacing wait (a journal writes its intent there).
   */
  async request<Args, Result>(endpoint: Endpoint<Args, Result>, args: Args, beforeSend?: () => void): Promise<Result> {
    // In this order, so a bad argument is named before anything else is worked out or sent.
    const body = endpoint.body?.(args);
    const path = endpoint.path(args);
    const tenantToken = endpoint.tenantToken?.(args) === true;
    const build = () => this.call(endpoint.method, path, body, tenantToken);
    const { validate } = endpoint;
    let sent: Sent;
    if (endpoint.idempotent) {
      const check =
        validate &&
        ((call: FeishuCall, reply: FeishuReply) => {
          const problem = validate(reply.body.data as Record<string, unknown> | undefined);
          if (problem !== undefined) throw this.http.describeMalformed(call, reply, problem);
        });
      sent = await this.#sender.send(endpoint.pacing, true, build, check, beforeSend);
    } else {
      sent = await this.once(endpoint, path, build, endpoint.words(args), beforeSend);
    }
    return endpoint.result(sent.reply, args);
  }

  /**
   * A call that must not be repeated unless it provably was not processed. When its outcome is
   * unknown (or its reply lacks what the API documents), throws FeishuOutcomeUnknownError in the
   * endpoint's words.
   */
  private async once(
    endpoint: Endpoint<never, unknown>,
    path: string,
    build: () => FeishuCall | Promise<FeishuCall>,
    words: ActionWords,
    beforeSend: (() => void) | undefined,
  ): Promise<Sent> {
    const sentAt = new Date().toISOString();
    const unknownOutcome = (
      error: FeishuNetworkError | FeishuApiError | FeishuResponseError,
      logId: string | undefined,
    ) =>
      new FeishuOutcomeUnknownError({
        ...words,
        endpoint: error.endpoint,
        sentAt,
        logId,
        cancelled: this.options.signal?.aborted === true,
        cause: error,
      });
    let sent: Sent;
    try {
      sent = await this.#sender.send(endpoint.pacing, false, build, undefined, beforeSend);
    } catch (error) {
      // An error of another call (the token request made to build this one) says nothing about this one.
      const ours =
        (FeishuNetworkError.isInstance(error) ||
          FeishuApiError.isInstance(error) ||
          FeishuResponseError.isInstance(error)) &&
        error.endpoint === `${endpoint.method} ${path}`;
      if (!ours || !outcomeUnknown(error)) throw error;
      throw unknownOutcome(error, FeishuNetworkError.isInstance(error) ? undefined : error.logId);
    }
    const problem = endpoint.validate?.(sent.reply.body.data as Record<string, unknown> | undefined);
    if (problem) throw unknownOutcome(this.http.describeMalformed(sent.call, sent.reply, problem), sent.reply.logId);
    return sent;
  }

  /**
   * The call with both credentials. Synchronous when the access token is at hand (nearly every
   * call), so the hot path takes no asynchronous step; a promise while a token is fetched.
   */
  private call(
    method: FeishuCall["method"],
    path: string,
    body: unknown,
    tenantToken: boolean,
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
