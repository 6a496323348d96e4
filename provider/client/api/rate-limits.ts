/**
 * The API families Feishu rate-limits separately, and the documented calls per minute of
 * each, as the Feishu Open Platform's pages give them (创建推送 10, 更新推送 20, 查询推送 100,
 * 服务台机器人发送消息 100, execute_send 10). The client paces to this table and the emulator enforces it.
 */
export const DOCUMENTED_RATE_LIMITS = {
  create: 10,
  patch: 20,
  get: 100,
  botMessage: 100,
  executeSend: 10,
} as const satisfies Readonly<Record<string, number>>;

/** One of the separately limited API families. */
export type RateLimitedEndpoint = keyof typeof DOCUMENTED_RATE_LIMITS;

/** Every {@link RateLimitedEndpoint}, in table order. */
export const RATE_LIMITED_ENDPOINTS = Object.keys(DOCUMENTED_RATE_LIMITS) as readonly RateLimitedEndpoint[];

/** The window the documented limits count in: one minute. */
export const DOCUMENTED_RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * What is wrong with per-endpoint limits (`{ create: 5 }`), or undefined: each key must be one of
 * {@link RATE_LIMITED_ENDPOINTS}, an own key (not `toString`, `constructor` or `__proto__`, which
 * every object inherits), and each limit a positive whole number.
 */
export function rateLimitsProblem(limits: unknown): string | undefined {
  if (typeof limits !== "object" || limits === null || Array.isArray(limits)) return "must be an object";
  for (const [endpoint, limit] of Object.entries(limits)) {
    if (!Object.hasOwn(DOCUMENTED_RATE_LIMITS, endpoint))
      return `unknown endpoint "${endpoint}"; use ${RATE_LIMITED_ENDPOINTS.join(", ")}`;
    if (!Number.isInteger(limit) || (limit as number) <= 0) return `${endpoint} must be a positive whole number`;
  }
  return undefined;
}
