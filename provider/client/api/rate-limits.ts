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
