/**
 * The two credentials every Helpdesk call carries: an access token (`Authorization`) and the
 * helpdesk's own id and token (`X-Lark-Helpdesk-Authorization`).
 */
export interface HelpdeskCredentials {
  /** The helpdesk id (服务台 ID). */
  readonly helpdeskId: string;
  /** The helpdesk token (服务台 token). */
  readonly helpdeskToken: string;
  /**
   * A user access token (`u-…`). The notification endpoints are documented for user tokens;
   * when set, it is used instead of a tenant token.
   */
  readonly userAccessToken?: string;
  /** The app id (`cli_…`), with `appSecret`, for a tenant access token. */
  readonly appId?: string;
  /** The app secret, with `appId`, for a tenant access token. */
  readonly appSecret?: string;
}

/** `base64(helpdesk_id:helpdesk_token)`, the value of `X-Lark-Helpdesk-Authorization`. */
export function helpdeskAuthorization(credentials: HelpdeskCredentials): string {
  return Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`, "utf8").toString("base64");
}
