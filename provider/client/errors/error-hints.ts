/**
 * What to do about each Feishu error code: the seed pages' error tables (排查建议), in
 * English, plus the gateway codes from ../../../../shared/reference/feishu-helpdesk-api.md.
 */
const hints: Readonly<Record<number, string>> = {
  154000: "Bad request: the request is not valid; check the campaign's fields against the Feishu rules.",
  154001:
    "Unauthorized: check the access token (Authorization) and the helpdesk credentials " +
    "(X-Lark-Helpdesk-Authorization = base64(helpdeskId:helpdeskToken)), and that the app and the helpdesk belong to the same tenant.",
  154003: "Forbidden: check that the app has been granted the helpdesk:all permission.",
  154004: "Not found: no such campaign; check the notification id.",
  154005: "Method forbidden: check that this identity may create or edit push campaigns (only drafts can be edited).",
  155000: "Feishu internal error: retry later; if it persists, contact Feishu support with the request id.",
  99991400: "Rate limited by the Feishu gateway: wait for the window to reset (x-ogw-ratelimit-reset) and retry.",
  99991661: "Missing or malformed access token: set a user access token or the app id and secret.",
  99991663: "Invalid or expired access token: refresh the user access token, or check the app id and secret.",
};

/** The troubleshooting hint for a Feishu error code, if the documentation gives one. */
export function hintForCode(code: number): string | undefined {
  return hints[code];
}
