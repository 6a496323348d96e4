import type * as http from "node:http";
import type { EmulatorContext } from "../context";
import { feishuErrors, type Reply } from "../reply";

/** The Bearer token of the Authorization header, if there is one. */
export function bearerToken(headers: http.IncomingHttpHeaders): string | undefined {
  return /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
}

/** Whether `token` is one of the configured user access tokens. */
export function isUserToken(context: EmulatorContext, token: string | undefined): boolean {
  return token !== undefined && context.credentials.userAccessTokens.includes(token);
}

/**
 * Checks both credentials of a helpdesk API call: an access token (a user token or an unexpired
 * tenant token) and X-Lark-Helpdesk-Authorization. Undefined if both are good, else the refusal.
 */
export function authenticate(context: EmulatorContext, headers: http.IncomingHttpHeaders): Reply | undefined {
  const token = bearerToken(headers);
  if (!token) return feishuErrors.missingToken();
  if (!isUserToken(context, token) && !context.tokens.valid(token)) return feishuErrors.invalidToken();
  const { helpdeskId, helpdeskToken } = context.credentials;
  const expected = Buffer.from(`${helpdeskId}:${helpdeskToken}`).toString("base64");
  // The docs send base64(id:token); the official Node SDK prefixes it with "Bearer ". Both are accepted.
  const helpdesk = String(headers["x-lark-helpdesk-authorization"] ?? "").replace(/^Bearer /, "");
  if (helpdesk !== expected) return feishuErrors.unauthorized("wrong or missing X-Lark-Helpdesk-Authorization");
  return undefined;
}

/** The refusal of a user_id_type other than the three documented, if there is one. */
export function userIdTypeRefusal(query: URLSearchParams): Reply | undefined {
  const userIdType = query.get("user_id_type");
  if (userIdType === null || ["open_id", "union_id", "user_id"].includes(userIdType)) return undefined;
  return feishuErrors.badRequest(`user_id_type ${userIdType} is not open_id, union_id or user_id`);
}
