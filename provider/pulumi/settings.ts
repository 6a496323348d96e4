import { DOCUMENTED_RATE_LIMITS } from "../client/api/rate-limits";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import type { HelpdeskClientOptions, UserIdType } from "../client/helpdesk-client";
import type { PacedEndpoint } from "../client/pacing/pacer";

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
} as const;

/** A setting's name, as in `feishu-helpdesk:<key>`. */
export type ConfigKey = keyof typeof configKeys;

/** `{"create": 10, "patch": 20, ...}`: calls per window for tenants whose quotas differ from the documented ones. */
function rateLimitsFrom(text: string | undefined): Partial<Record<PacedEndpoint, number>> | undefined {
  if (text === undefined) return undefined;
  const where = `${CONFIG_NAMESPACE}:rateLimits (${configKeys.rateLimits.env})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FeishuConfigError(`${where} must be JSON such as {"create": 10, "get": 100}; got "${text}"`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new FeishuConfigError(`${where} must be a JSON object`);
  for (const [endpoint, limit] of Object.entries(parsed)) {
    if (!(endpoint in DOCUMENTED_RATE_LIMITS)) {
      throw new FeishuConfigError(
        `${where}: unknown endpoint "${endpoint}"; use ${Object.keys(DOCUMENTED_RATE_LIMITS).join(", ")}`,
      );
    }
    if (!Number.isInteger(limit) || (limit as number) <= 0)
      throw new FeishuConfigError(`${where}: ${endpoint} must be a positive whole number`);
  }
  return parsed as Partial<Record<PacedEndpoint, number>>;
}

/** Each setting as text, by config key; an absent or empty value is not set. */
export type SettingValues = Readonly<Partial<Record<ConfigKey, string>>>;

/**
 * The setting values a provider process sees: each key from the stack config (as `configure`
 * receives it), else its environment variable. Read in the provider process only, so no value
 * is ever captured into `__provider` or the state.
 */
export function settingValuesFrom(
  config: { get(key: string): string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): SettingValues {
  const values: Partial<Record<ConfigKey, string>> = {};
  for (const key of Object.keys(configKeys) as ConfigKey[]) {
    const fromConfig = config.get(`${CONFIG_NAMESPACE}:${key}`);
    const chosen = fromConfig !== undefined && fromConfig !== "" ? fromConfig : env[configKeys[key].env];
    if (chosen !== undefined && chosen !== "") values[key] = chosen;
  }
  return values;
}

/** Client options from setting values, checked: a bad value throws a FeishuConfigError naming its key. */
export function clientOptionsFromSettings(values: SettingValues): HelpdeskClientOptions {
  const value = (key: ConfigKey): string | undefined => (values[key] === "" ? undefined : values[key]);
  const positive = (key: "timeoutMs" | "rateLimitWindowMs" | "retryDeadlineMs"): number | undefined => {
    const text = value(key);
    if (text === undefined) return undefined;
    const number = Number(text);
    if (!Number.isInteger(number) || number <= 0) {
      throw new FeishuConfigError(
        `${CONFIG_NAMESPACE}:${key} (${configKeys[key].env}) must be a positive whole number of milliseconds; ` +
          `got "${text}"`,
      );
    }
    return number;
  };
  const userIdType = value("userIdType");
  if (userIdType !== undefined && !isUserIdType(userIdType)) {
    throw new FeishuConfigError(
      `${CONFIG_NAMESPACE}:userIdType (${configKeys.userIdType.env}) must be open_id, union_id or user_id; ` +
        `got "${userIdType}"`,
    );
  }
  return {
    baseUrl: value("baseUrl"),
    userIdType,
    timeoutMs: positive("timeoutMs"),
    rateLimitWindowMs: positive("rateLimitWindowMs"),
    retryDeadlineMs: positive("retryDeadlineMs"),
    rateLimits: rateLimitsFrom(value("rateLimits")),
    credentials: {
      helpdeskId: value("helpdeskId") ?? "",
      helpdeskToken: value("helpdeskToken") ?? "",
      userAccessToken: value("userAccessToken"),
      appId: value("appId"),
      appSecret: value("appSecret"),
    },
  };
}

const userIdTypes: readonly string[] = ["open_id", "union_id", "user_id"] satisfies UserIdType[];
const isUserIdType = (text: string): text is UserIdType => userIdTypes.includes(text);

/** Client options from the stack config and the environment: settingValuesFrom, then clientOptionsFromSettings. */
export function clientOptionsFrom(
  config: { get(key: string): string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): HelpdeskClientOptions {
  return clientOptionsFromSettings(settingValuesFrom(config, env));
}

/** Client options from the FEISHU_* environment variables alone, for scripts. */
export const clientOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): HelpdeskClientOptions =>
  clientOptionsFrom({ get: () => undefined }, env);
