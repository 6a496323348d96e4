import { FeishuErrorCode } from "../client/api/error-codes";
import { FeishuApiError } from "../client/errors/feishu-api-error";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { HelpdeskClient } from "../client/helpdesk-client";
import { withPulumiAdvice } from "./pulumi-advice";
import type { QuotaNotices } from "./quota-notices";
import { type Reporter, progressHooks } from "./reporter";
import {
  type GatheredSettings,
  gatherSettings,
  resolveSettings,
  type SettingsResolution,
  type SettingsSource,
} from "./settings";
import { describeSettingProblems, problemSettings } from "./settings-for-client";

/**
 * A campaign id that cannot exist. Reading it is the cheapest call that carries both credentials
 * (the access token and the helpdesk header): good credentials get "not found" (154004).
 */
export const PROBE_NOTIFICATION_ID = "0";

// Answers that mean "these credentials are refused", as opposed to "Feishu could not answer now".
const refusalCodes: ReadonlySet<number> = new Set([
  FeishuErrorCode.unauthorized,
  FeishuErrorCode.forbidden,
  FeishuErrorCode.accessTokenMissing,
  FeishuErrorCode.accessTokenInvalid,
]);

/**
 * Which access token a resource's calls carry: `configured` is the user token when one is set,
 * else a tenant token (a campaign's calls); `tenant` is always the tenant token from appId and
 * appSecret (a bot message, which Feishu takes with a tenant token alone, seed 004).
 */
export type TokenUse = "configured" | "tenant";

/**
 * The one client of a provider process, made on first use from the configured settings, so
 * every resource shares its connections, pacing and token cache. It also answers, for `check`,
 * whether the settings are usable, and verifies the credentials against Feishu at most once.
 */
export class ClientSlot {
  // #private: the options hold credentials; keep them out of console.log and util.inspect.
  #settings: { resolution: SettingsResolution; source: SettingsSource } | undefined;
  #cardLimits: string | undefined;
  #client: HelpdeskClient | undefined;
  #verified = new Map<TokenUse, Promise<string | undefined>>();
  readonly #reporter: Reporter | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #quota: QuotaNotices | undefined;

  /**
   * @param reporter Told why calls are retried; none for a provider that says nothing.
   * @param signal Aborts when the run is cancelled: no retry starts after it, no backoff outlasts it.
   * @param quota Told of every paced call, to say what waits for Feishu's quota.
   */
  constructor(reporter?: Reporter, signal?: AbortSignal, quota?: QuotaNotices) {
    this.#reporter = reporter;
    this.#signal = signal;
    this.#quota = quota;
  }

  /** Uses these settings from now on (the next call makes a new client). */
  configure(settings: GatheredSettings): void {
    this.#settings = {
      resolution: resolveSettings(settings.values, { pending: settings.pending }),
      source: settings.source,
    };
    this.#cardLimits = settings.cardLimits;
    this.#client = undefined;
    this.#verified = new Map();
  }

  /** The settings as resolved; without `configure`, from the FEISHU_* environment variables. */
  private get settings(): { resolution: SettingsResolution; source: SettingsSource } {
    if (this.#settings === undefined) this.configure(gatherSettings({ get: () => undefined }));
    return this.#settings!;
  }

  /** The `cardLimits` setting as given (checked where it is used, by the card checks), if any. */
  get cardLimits(): string | undefined {
    return this.#cardLimits;
  }

  /** One message saying every missing or malformed setting and where to set it; undefined when usable. */
  get problem(): string | undefined {
    const { resolution, source } = this.settings;
    return resolution.ok ? undefined : describeSettingProblems(resolution.problems, source);
  }

  /** The client. Throws a FeishuConfigError naming each setting to fix when they are not usable. */
  get client(): HelpdeskClient {
    const { resolution, source } = this.settings;
    if (!resolution.ok) {
      throw new FeishuConfigError(
        describeSettingProblems(resolution.problems, source),
        problemSettings(resolution.problems, source),
      );
    }
    if (!resolution.complete)
      throw new FeishuConfigError("The provider's settings are not known yet (they come from another resource).");
    this.#client ??= new HelpdeskClient({
      ...resolution.options,
      ...(this.#signal ? { signal: this.#signal } : {}),
      ...(this.#reporter ? progressHooks(this.#reporter, Date.now, this.#quota) : {}),
    });
    return this.#client;
  }

  /**
   * Verifies the credentials a resource will use with one call carrying both of them (the tenant
   * token, if any, is fetched on the way and kept for the calls that follow), at most once per
   * provider process and token use. Resolves to what is wrong, or undefined when Feishu accepted
   * them, or when the settings are not known yet (an explicit provider's argument that another
   * resource gives) or not usable (`problem` says why).
   * @param use The token the resource's calls carry: a bot message's is always the tenant token.
   * @default "configured"
   */
  verifyCredentials(use: TokenUse = "configured"): Promise<string | undefined> {
    const { resolution } = this.settings;
    if (!resolution.ok || !resolution.complete) return Promise.resolve(undefined);
    const { appId, appSecret, userAccessToken } = resolution.options.credentials;
    // A user token alone is no token for a bot message: say so before any call, naming the settings.
    if (use === "tenant" && (!appId || !appSecret)) return Promise.resolve(this.describeNoTenantToken());
    // With no user token, both uses carry the same tenant token: one call proves them both.
    const key: TokenUse = userAccessToken ? use : "configured";
    let verified = this.#verified.get(key);
    if (verified === undefined) {
      verified = this.client.findNotification(PROBE_NOTIFICATION_ID, { tenantToken: key === "tenant" }).then(
        () => undefined,
        // Feishu documents 154004 for an unknown id; any other answer past the credential checks
        // (say, 154000 for an id it does not take) still proves them, so only a refusal fails.
        (error: unknown) => (isCredentialAnswer(error) ? undefined : this.describeVerificationFailure(error)),
      );
      this.#verified.set(key, verified);
    }
    return verified;
  }

  private describeNoTenantToken(): string {
    return (
      "A helpdesk bot message is sent with a tenant access token (Feishu takes no user access token for it), " +
      `and appId and appSecret are not both set. Set them in ${this.where()}.`
    );
  }

  private where(): string {
    const { source } = this.settings;
    return source.kind === "explicit"
      ? `the arguments of new FeishuHelpdeskProvider("${source.name}", …)`
      : source.kind === "provider"
        ? `the properties of provider resource "${source.name}"`
        : "the feishu-helpdesk:* stack config (or the FEISHU_* variables)";
  }

  private describeVerificationFailure(error: unknown): string {
    const message = FeishuHelpdeskError.isInstance(error) ? withPulumiAdvice(error).message : String(error);
    const refused = isRefusal(error);
    const where = this.where();
    return refused
      ? `Feishu refused the credentials (checked at preview, before anything changes): ${message}\n` +
          `Check helpdeskId, helpdeskToken and appId/appSecret or userAccessToken in ${where}.`
      : `The credentials could not be checked against Feishu (checked at preview, before anything changes): ${message}`;
  }
}

/** Feishu said no to the credentials themselves (or to the tenant token request). */
const isRefusal = (error: unknown): boolean =>
  FeishuApiError.isInstance(error) && (refusalCodes.has(error.code) || error.endpoint.includes("/auth/"));

/** Feishu answered the probe with an error that comes after its credential checks. */
const isCredentialAnswer = (error: unknown): boolean =>
  FeishuApiError.isInstance(error) && error.status !== 429 && error.status < 500 && !isRefusal(error);
