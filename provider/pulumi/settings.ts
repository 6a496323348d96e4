import { rateLimitsProblem } from "../client/api/rate-limits";
import { plainHttpProblem } from "../client/base-url";
import { maxTimerMs } from "../client/clock";
import type { HelpdeskClientOptions, UserIdType } from "../client/helpdesk-client";
import type { PacedEndpoint } from "../client/pacing/pacer";
import { UNKNOWN } from "./unknown";

/** The stack config namespace: `pulumi config set feishu-helpdesk:<key> …`. */
export const CONFIG_NAMESPACE = "feishu-helpdesk";

/** Each config key, the environment variable that stands in when it is not set, and whether it is a secret. */
export const configKeys = {
  baseUrl: { env: "FEISHU_BASE_URL", secret: false },
  userIdType: { env: "FEISHU_USER_ID_TYPE", secret: false },
  appId: { env: "FEISHU_APP_ID", secret: false },
  appSecret: { env: "FEISHU_APP_SECRET", secret: true },
  userAccessToken: { env: "FEISHU_USER_ACCESS_TOKEN", secret: true },
  helpdeskId: { env: "FEISHU_HELPDESK_ID", secret: false },
  helpdeskToken: { env: "FEISHU_HELPDESK_TOKEN", secret: true },
  timeoutMs: { env: "FEISHU_TIMEOUT_MS", secret: false },
  rateLimits: { env: "FEISHU_RATE_LIMITS", secret: false },
  rateLimitWindowMs: { env: "FEISHU_RATE_LIMIT_WINDOW_MS", secret: false },
  retryDeadlineMs: { env: "FEISHU_RETRY_DEADLINE_MS", secret: false },
  allowInsecureHttp: { env: "FEISHU_ALLOW_INSECURE_HTTP", secret: false },
} as const;

/** A setting's name, as in `feishu-helpdesk:<key>`. */
export type ConfigKey = keyof typeof configKeys;

/**
 * The key an explicit FeishuHelpdeskProvider adds to its configuration, holding its resource
 * name. Its presence means "explicit": no setting falls back to the environment, and problems
 * name the provider's arguments instead of stack config keys.
 */
export const EXPLICIT_PROVIDER_KEY = `${CONFIG_NAMESPACE}:explicitProvider`;

/** Each setting as text, by config key; an absent or empty value is not set. */
export type SettingValues = Readonly<Partial<Record<ConfigKey, string>>>;

/** Where the settings come from, which decides how a problem says to fix it. */
export type SettingsSource =
  | { readonly kind: "stack" }
  | {
      /** A `new FeishuHelpdeskProvider(name, args)`: its arguments, and nothing else. */
      readonly kind: "explicit";
      /** The provider's resource name. */
      readonly name: string;
    }
  | {
      /** A `pulumi:providers:feishu-helpdesk` resource of the native plugin: its properties, and nothing else. */
      readonly kind: "provider";
      /** The provider resource's name. */
      readonly name: string;
    }
  | {
      /** The `settings` option of a lookup (`getNotification(id, { settings })`): those values alone. */
      readonly kind: "given";
      /** The function they were given to. */
      readonly to: string;
    };

/** The settings a provider process sees, and where they came from. */
export interface GatheredSettings {
  readonly values: SettingValues;
  readonly source: SettingsSource;
  /** Keys whose value is not known yet (an explicit provider's argument from another resource, at preview). */
  readonly pending: readonly ConfigKey[];
  /**
   * `feishu-helpdesk:cardLimits` (else `FEISHU_CARD_LIMITS`): how the card limits known only from community
   * sources are reported at check, `warning` (default), `error` or `off`. Read here, not a client setting.
   */
  readonly cardLimits?: string;
}

/** The setting of the level of the community-sourced card limits (see {@link GatheredSettings.cardLimits}). */
export const CARD_LIMITS_KEY = { config: `${CONFIG_NAMESPACE}:cardLimits`, env: "FEISHU_CARD_LIMITS" } as const;

/** One setting that is missing or malformed. */
export interface SettingProblem {
  /** The setting (or, for an access token, the first of the settings that would do). */
  readonly key: ConfigKey;
  /** What is wrong, without saying where to set it: `is not set`, `must be a positive whole number …`. */
  readonly problem: string;
  /** For a missing access token: the other settings that would do instead of `key`. */
  readonly alternatives?: readonly ConfigKey[];
}

/** The outcome of {@link resolveSettings}: client options, or every problem. */
export type SettingsResolution =
  | {
      readonly ok: true;
      readonly options: HelpdeskClientOptions;
      /** False while a value is not known yet: the options are incomplete and must not be used. */
      readonly complete: boolean;
    }
  | { readonly ok: false; readonly problems: readonly SettingProblem[] };

/**
 * A setting's value as text, as the stack config holds it: an explicit provider's arguments (and
 * the plugin's configuration) may arrive as numbers or objects. Empty or absent: undefined.
 */
export function settingText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The setting values a provider process sees. From the default provider (the stack config, as
 * `configure` receives it): each key from the config, else its environment variable. From an
 * explicit FeishuHelpdeskProvider (its configuration holds {@link EXPLICIT_PROVIDER_KEY}): its
 * arguments alone, never the environment, which may hold another tenant's credentials. Read in
 * the provider process only, so no value is ever captured into `__provider` or the state.
 */
export function gatherSettings(
  config: { get(key: string): unknown },
  env: NodeJS.ProcessEnv = process.env,
): GatheredSettings {
  const explicitName = settingText(config.get(EXPLICIT_PROVIDER_KEY));
  const source: SettingsSource =
    explicitName === undefined ? { kind: "stack" } : { kind: "explicit", name: explicitName };
  const values: Partial<Record<ConfigKey, string>> = {};
  const pending: ConfigKey[] = [];
  for (const key of Object.keys(configKeys) as ConfigKey[]) {
    const fromConfig = settingText(config.get(`${CONFIG_NAMESPACE}:${key}`));
    const chosen = fromConfig ?? (source.kind === "stack" ? settingText(env[configKeys[key].env]) : undefined);
    if (chosen === UNKNOWN) pending.push(key);
    else if (chosen !== undefined) values[key] = chosen;
  }
  const cardLimits =
    settingText(config.get(CARD_LIMITS_KEY.config)) ??
    (source.kind === "stack" ? settingText(env[CARD_LIMITS_KEY.env]) : undefined);
  return { values, source, pending, ...(cardLimits === undefined ? {} : { cardLimits }) };
}

/** The setting values from the stack config, else the environment (see {@link gatherSettings}). */
export function settingValuesFrom(
  config: { get(key: string): string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): SettingValues {
  return gatherSettings(config, env).values;
}

/** `{"create": 10, "patch": 20, ...}`: calls per window for tenants whose quotas differ from the documented ones. */
function rateLimitsFrom(
  text: string,
): { readonly limits: Partial<Record<PacedEndpoint, number>> } | { readonly problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: `must be JSON such as {"create": 10, "get": 100}; got "${text}"` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { problem: "must be a JSON object" };
  const problem = rateLimitsProblem(parsed);
  return problem === undefined ? { limits: parsed as Partial<Record<PacedEndpoint, number>> } : { problem };
}

/** The kinds of user id a campaign's `users` may hold (`userIdType`). */
export const userIdTypes: readonly UserIdType[] = ["open_id", "union_id", "user_id"];
const isUserIdType = (text: string): text is UserIdType => (userIdTypes as readonly string[]).includes(text);

/**
 * Client options from setting values, or every problem: a malformed value, and (with
 * `requireCredentials`) a missing helpdesk id, helpdesk token or access token. Pure: no config,
 * environment or network is read. `pending` keys are not known yet; nothing is required of them.
 */
export function resolveSettings(
  values: SettingValues,
  { requireCredentials = true, pending = [] }: { requireCredentials?: boolean; pending?: readonly ConfigKey[] } = {},
): SettingsResolution {
  const problems: SettingProblem[] = [];
  const value = (key: ConfigKey): string | undefined => (values[key] === "" ? undefined : values[key]);
  const known = (key: ConfigKey) => value(key) !== undefined || pending.includes(key);
  const positive = (key: "timeoutMs" | "rateLimitWindowMs" | "retryDeadlineMs"): number | undefined => {
    const text = value(key);
    if (text === undefined) return undefined;
    const number = Number(text);
    if (!Number.isInteger(number) || number <= 0)
      problems.push({ key, problem: `must be a positive whole number of milliseconds; got "${text}"` });
    // The client's own bound (a longer timer fires at once): refused here, where the problem
    // can say which setting to fix and where, not later by the client under some resource.
    else if (number > maxTimerMs)
      problems.push({ key, problem: `must be at most ${maxTimerMs} milliseconds (about 24.8 days); got "${text}"` });
    else return number;
    return undefined;
  };
  if (requireCredentials) {
    for (const key of ["helpdeskId", "helpdeskToken"] as const)
      if (!known(key)) problems.push({ key, problem: "is not set" });
    if (!known("userAccessToken")) {
      if (known("appId") && !known("appSecret"))
        problems.push({ key: "appSecret", problem: "is not set (appId is, and needs it for a tenant access token)" });
      else if (!known("appId") && known("appSecret"))
        problems.push({ key: "appId", problem: "is not set (appSecret is, and needs it for a tenant access token)" });
      else if (!known("appId"))
        problems.push({
          key: "appId",
          problem: "is not set: an access token needs appId and appSecret (a tenant token), or userAccessToken",
          alternatives: ["appSecret", "userAccessToken"],
        });
    }
  }
  const allowText = value("allowInsecureHttp");
  if (allowText !== undefined && allowText !== "true" && allowText !== "false")
    problems.push({ key: "allowInsecureHttp", problem: `must be true or false; got "${allowText}"` });
  const allowInsecureHttp = allowText === "true";
  const baseUrl = value("baseUrl");
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]/.test(baseUrl))
    problems.push({
      key: "baseUrl",
      problem: `must be an http(s) URL such as https://open.feishu.cn; got "${baseUrl}"`,
    });
  else if (baseUrl !== undefined) {
    const insecure = plainHttpProblem(baseUrl, allowInsecureHttp);
    if (insecure !== undefined) problems.push({ key: "baseUrl", problem: insecure });
  }
  const userIdType = value("userIdType");
  if (userIdType !== undefined && !isUserIdType(userIdType))
    problems.push({ key: "userIdType", problem: `must be open_id, union_id or user_id; got "${userIdType}"` });
  const timeoutMs = positive("timeoutMs");
  const rateLimitWindowMs = positive("rateLimitWindowMs");
  const retryDeadlineMs = positive("retryDeadlineMs");
  const rateLimitsText = value("rateLimits");
  const rateLimits = rateLimitsText === undefined ? undefined : rateLimitsFrom(rateLimitsText);
  if (rateLimits && "problem" in rateLimits) problems.push({ key: "rateLimits", problem: rateLimits.problem });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    complete: pending.length === 0,
    options: {
      baseUrl,
      allowInsecureHttp: allowInsecureHttp || undefined,
      userIdType: userIdType as UserIdType | undefined,
      timeoutMs,
      rateLimitWindowMs,
      retryDeadlineMs,
      rateLimits: rateLimits && "limits" in rateLimits ? rateLimits.limits : undefined,
      credentials: {
        helpdeskId: value("helpdeskId") ?? "",
        helpdeskToken: value("helpdeskToken") ?? "",
        userAccessToken: value("userAccessToken"),
        appId: value("appId"),
        appSecret: value("appSecret"),
      },
    },
  };
}
