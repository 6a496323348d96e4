import { FeishuConfigError } from "../client/errors/feishu-config-error";
import type { HelpdeskClientOptions, UserIdType } from "../client/helpdesk-client";

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
} as const;

type ConfigKey = keyof typeof configKeys;

/**
 * Client options from the stack config (as `configure` receives it) and the environment. Read
 * in the provider process only, so no value is ever captured into `__provider` or the state.
 */
export function clientOptionsFrom(
  config: { get(key: string): string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): HelpdeskClientOptions {
  const value = (key: ConfigKey): string | undefined => {
    const fromConfig = config.get(`${CONFIG_NAMESPACE}:${key}`);
    const chosen = fromConfig !== undefined && fromConfig !== "" ? fromConfig : env[configKeys[key].env];
    return chosen === "" ? undefined : chosen;
  };
  const timeout = value("timeoutMs");
  if (timeout !== undefined && !(Number.isInteger(Number(timeout)) && Number(timeout) > 0)) {
    throw new FeishuConfigError(`${CONFIG_NAMESPACE}:timeoutMs (${configKeys.timeoutMs.env}) must be a positive whole number of milliseconds; got "${timeout}"`);
  }
  const userIdType = value("userIdType");
  if (userIdType !== undefined && !["open_id", "union_id", "user_id"].includes(userIdType)) {
    throw new FeishuConfigError(`${CONFIG_NAMESPACE}:userIdType (${configKeys.userIdType.env}) must be open_id, union_id or user_id; got "${userIdType}"`);
  }
  return {
    baseUrl: value("baseUrl"),
    userIdType: userIdType as UserIdType | undefined,
    timeoutMs: timeout === undefined ? undefined : Number(timeout),
    credentials: {
      helpdeskId: value("helpdeskId") ?? "",
      helpdeskToken: value("helpdeskToken") ?? "",
      userAccessToken: value("userAccessToken"),
      appId: value("appId"),
      appSecret: value("appSecret"),
    },
  };
}
