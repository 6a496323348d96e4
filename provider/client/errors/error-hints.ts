import { FeishuErrorCode } from "../api/error-codes";

/**
 * What to do about each Feishu error code: the error tables (排查建议) of the Feishu Open
 * Platform's helpdesk notification pages, in English, plus the Open Platform gateway's codes for
 * throttling and access tokens.
 */
const hints: Readonly<Record<number, string>> = {
  [FeishuErrorCode.badRequest]:
    "Bad request: the request is not valid; check the campaign's fields against the Feishu rules.",
  [FeishuErrorCode.unauthorized]:
    "Unauthorized: check the access token (Authorization) and the helpdesk credentials " +
    "(X-Lark-Helpdesk-Authorization = base64(helpdeskId:helpdeskToken)), " +
    "and that the app and the helpdesk belong to the same tenant.",
  [FeishuErrorCode.forbidden]: "Forbidden: check that the app has been granted the helpdesk:all permission.",
  [FeishuErrorCode.notFound]: "Not found: no such campaign; check the notification id.",
  [FeishuErrorCode.methodForbidden]:
    "Method forbidden: check that this identity may create or edit push campaigns (only drafts can be edited).",
  [FeishuErrorCode.internalError]:
    "Feishu internal error: retry later; if it persists, contact Feishu support with the request id.",
  [FeishuErrorCode.rateLimited]:
    "Rate limited by the Feishu gateway: wait for the window to reset " + "(x-ogw-ratelimit-reset) and retry.",
  [FeishuErrorCode.accessTokenMissing]:
    "Missing or malformed access token: set a user access token or the app id and secret.",
  [FeishuErrorCode.accessTokenInvalid]:
    "Invalid or expired access token: refresh the user access token, or check the app id and secret.",
};

/** The troubleshooting hint for a Feishu error code, if the documentation gives one. */
export function hintForCode(code: number): string | undefined {
  return hints[code];
}
