/**
 * Feishu's error codes that this package acts on, by name. The 154xxx/155000 codes are the
 * error tables of the Feishu helpdesk notification pages; the 9999xxxx codes are the Open Platform
 * gateway's (throttling and access tokens).
 */
export const FeishuErrorCode = {
  /** 154000: the request is not valid. */
  badRequest: 154000,
  /** 154001: the access token or the helpdesk credentials are not accepted. */
  unauthorized: 154001,
  /** 154003: the app lacks a permission. */
  forbidden: 154003,
  /** 154004: no such campaign. */
  notFound: 154004,
  /** 154005: this identity may not do that (for example edit a campaign that is not a draft). */
  methodForbidden: 154005,
  /** 155000: Feishu's internal error; worth a retry. */
  internalError: 155000,
  /** 99991400: the gateway throttled the call (HTTP 429). */
  rateLimited: 99991400,
  /** 99991661: the access token is missing or malformed. */
  accessTokenMissing: 99991661,
  /** 99991663: the access token is invalid or expired. */
  accessTokenInvalid: 99991663,
} as const;

/** One of the named {@link FeishuErrorCode} values. */
export type KnownFeishuErrorCode = (typeof FeishuErrorCode)[keyof typeof FeishuErrorCode];
