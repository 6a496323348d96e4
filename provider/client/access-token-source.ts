import type { HelpdeskCredentials } from "./credentials";
import { FeishuConfigError } from "./errors/feishu-config-error";
import type { FeishuCall, FeishuHttp, FeishuReply } from "./feishu-http";

/** Refresh a tenant token this long before Feishu says it expires. */
const refreshMarginMs = 5 * 60 * 1000;

/**
 * Gives the access token for `Authorization`: the user token when one is configured,
 * otherwise a tenant token from the app id and secret, fetched once and reused until shortly
 * before it expires.
 */
export class AccessTokenSource {
  // #private: secrets stay out of console.log and util.inspect.
  #tenant: { token: string; expiresAt: number } | undefined;
  #pending: Promise<string> | undefined;
  readonly #credentials: HelpdeskCredentials;

  /**
   * @param send sends the token request (with retries: asking for a token twice is harmless).
   * @param http for describing a malformed reply.
   */
  constructor(
    private readonly send: (call: FeishuCall) => Promise<FeishuReply>,
    private readonly http: FeishuHttp,
    credentials: HelpdeskCredentials,
    private readonly now: () => number = Date.now,
  ) {
    this.#credentials = credentials;
  }

  /** True when tokens come from the app id and secret, and so can be fetched again. */
  get refreshable(): boolean {
    return !this.#credentials.userAccessToken;
  }

  /** Forgets the cached tenant token: Feishu said it is invalid or expired. */
  invalidate(): void {
    this.#tenant = undefined;
  }

  async get(): Promise<string> {
    if (this.#credentials.userAccessToken) return this.#credentials.userAccessToken;
    return this.tenantToken();
  }

  /** A tenant token from the app id and secret, whatever else is configured (some APIs take only these). */
  async tenantToken(): Promise<string> {
    if (this.#tenant && this.now() < this.#tenant.expiresAt - refreshMarginMs) return this.#tenant.token;
    // Concurrent callers share one token request.
    this.#pending ??= this.fetchTenantToken().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  private async fetchTenantToken(): Promise<string> {
    const { appId, appSecret } = this.#credentials;
    if (!appId || !appSecret) {
      throw new FeishuConfigError(
        "No access token for this call: set a user access token (config feishu-helpdesk:userAccessToken or FEISHU_USER_ACCESS_TOKEN), " +
          "or the app id and secret for a tenant token (feishu-helpdesk:appId / FEISHU_APP_ID and " +
          "feishu-helpdesk:appSecret / FEISHU_APP_SECRET).",
      );
    }
    const call = {
      method: "POST",
      path: "/open-apis/auth/v3/tenant_access_token/internal",
      body: { app_id: appId, app_secret: appSecret },
      secretReply: true,
    } as const;
    const reply = await this.send(call);
    const token = reply.body.tenant_access_token;
    const expire = reply.body.expire;
    if (typeof token !== "string" || token === "" || typeof expire !== "number") {
      throw this.http.describeMalformed(call, reply, "no tenant_access_token and expire in the reply");
    }
    this.#tenant = { token, expiresAt: this.now() + expire * 1000 };
    return token;
  }
}
