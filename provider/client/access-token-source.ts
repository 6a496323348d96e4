import { type Clock, systemClock } from "./clock";
import type { HelpdeskCredentials } from "./credentials";
import { FeishuConfigError } from "./errors/feishu-config-error";
import type { FeishuResponseError } from "./errors/feishu-response-error";
import type { FeishuCall } from "./feishu-http";
import type { FeishuReply } from "./feishu-reply";
import type { WireTenantTokenResponse } from "./wire-types";

/** Refresh a tenant token this long before Feishu says it expires. */
const refreshMarginMs = 5 * 60 * 1000;

/** What {@link AccessTokenSource} needs from the client. */
export interface AccessTokenSourceOptions {
  /** The configured credentials. */
  readonly credentials: HelpdeskCredentials;
  /** Sends the token request (with retries: asking for a token twice is harmless). */
  readonly send: (call: FeishuCall) => Promise<FeishuReply>;
  /** Describes a reply that lacks what the API documents. */
  readonly describeMalformed: (call: FeishuCall, reply: FeishuReply, problem: string) => FeishuResponseError;
  /** Told every new tenant token, so errors can redact it. */
  readonly onToken?: (token: string) => void;
  /**
   * Where the time comes from.
   * @default systemClock
   */
  readonly clock?: Clock;
}

const tokenPath = "/open-apis/auth/v3/tenant_access_token/internal";

/**
 * Gives the access token for `Authorization`: the user token when one is configured,
 * otherwise a tenant token from the app id and secret, fetched once and reused until shortly
 * before it expires.
 */
export class AccessTokenSource {
  // #private: secrets stay out of console.log and util.inspect.
  #tenant: { token: string; expiresAt: number } | undefined;
  #pending: Promise<string> | undefined;
  readonly #options: AccessTokenSourceOptions;
  private readonly clock: Clock;

  constructor(options: AccessTokenSourceOptions) {
    this.#options = options;
    this.clock = options.clock ?? systemClock;
  }

  /** True when tokens come from the app id and secret, and so can be fetched again. */
  get refreshable(): boolean {
    return !this.#options.credentials.userAccessToken;
  }

  /** Forgets the cached tenant token: Feishu said it is invalid or expired. */
  invalidate(): void {
    this.#tenant = undefined;
  }

  async get(): Promise<string> {
    return this.#options.credentials.userAccessToken || this.tenantToken();
  }

  /**
   * The token {@link get} (or, with `tenant`, {@link tenantToken}) would give, when it is at
   * hand without a request; undefined otherwise. Saves every call an asynchronous step.
   */
  cached(tenant: boolean): string | undefined {
    if (!tenant && this.#options.credentials.userAccessToken) return this.#options.credentials.userAccessToken;
    return this.#tenant && this.clock.now() < this.#tenant.expiresAt - refreshMarginMs ? this.#tenant.token : undefined;
  }

  /** A tenant token from the app id and secret, whatever else is configured (some APIs take only these). */
  async tenantToken(): Promise<string> {
    if (this.#tenant && this.clock.now() < this.#tenant.expiresAt - refreshMarginMs) return this.#tenant.token;
    // Concurrent callers share one token request.
    this.#pending ??= this.fetchTenantToken().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  private async fetchTenantToken(): Promise<string> {
    const { appId, appSecret } = this.#options.credentials;
    if (!appId || !appSecret) {
      throw new FeishuConfigError(
        "No access token for this call: neither a user access token nor an app id and secret is set.\n" +
          "Set credentials.userAccessToken, or credentials.appId and credentials.appSecret for a tenant token.",
        ["credentials.userAccessToken", "credentials.appId", "credentials.appSecret"],
      );
    }
    const call: FeishuCall = {
      method: "POST",
      path: tokenPath,
      body: { app_id: appId, app_secret: appSecret },
      secretReply: true,
    };
    const reply = await this.#options.send(call);
    const { tenant_access_token: token, expire } = reply.body as Partial<WireTenantTokenResponse>;
    if (typeof token !== "string" || token === "" || typeof expire !== "number" || !(expire > 0)) {
      throw this.#options.describeMalformed(call, reply, "no tenant_access_token and positive expire in the reply");
    }
    this.#options.onToken?.(token);
    this.#tenant = { token, expiresAt: this.clock.now() + expire * 1000 };
    return token;
  }
}
