import { FeishuErrorCode } from "../provider/client/api/error-codes";

/**
 * Codes the emulator answers that the package does not act on, so they are not in
 * {@link FeishuErrorCode}: Feishu's code for an invalid app secret (not on the helpdesk pages), and the
 * gateway's bare 404 for a path it does not know.
 */
export const EmulatorOnlyCode = {
  /** 10014: the app id or secret of a tenant token request is wrong. */
  appSecretInvalid: 10014,
  /** 404: the gateway knows no such route. */
  unknownRoute: 404,
} as const;

/** An answer, before it is written: HTTP status, JSON body, and for the request log what was wrong. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** For a refused request, what was wrong, as the emulator saw it (Feishu only sends the generic msg). */
    readonly problem?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  /** The Feishu code in the body, if it has one. */
  get code(): number | undefined {
    const code = (this.body as { code?: unknown } | null)?.code;
    return typeof code === "number" ? code : undefined;
  }
}

/** A success in Feishu's envelope. */
export const ok = (data: unknown) => new Reply(200, { code: 0, msg: "success", data });

// The error table shared by the Feishu helpdesk notification pages, and the Open Platform gateway's codes.
// Where the HTTP status for a code is not documented, it is this emulator's choice.
export const feishuErrors = {
  badRequest: (problem: string) =>
    new Reply(400, { code: FeishuErrorCode.badRequest, msg: "Bad request, please check your request body" }, problem),
  unauthorized: (problem: string) =>
    new Reply(
      401,
      { code: FeishuErrorCode.unauthorized, msg: "Unauthorized, please check you have the correct access" },
      problem,
    ),
  notFound: () => new Reply(404, { code: FeishuErrorCode.notFound, msg: "Resource not found" }, "no such notification"),
  // Which code Feishu gives for a PATCH of a non-draft is not documented; 154005 is this emulator's choice.
  methodForbidden: (problem: string) =>
    new Reply(405, { code: FeishuErrorCode.methodForbidden, msg: "Method Forbidden" }, problem),
  internalError: (problem: string) =>
    new Reply(500, { code: FeishuErrorCode.internalError, msg: "Internal error" }, problem),
  rateLimited: (limit: number, resetSeconds: number) =>
    new Reply(429, { code: FeishuErrorCode.rateLimited, msg: "request trigger frequency limit" }, "rate limited", {
      "x-ogw-ratelimit-limit": String(limit),
      "x-ogw-ratelimit-reset": String(resetSeconds),
    }),
  missingToken: () =>
    new Reply(
      400,
      { code: FeishuErrorCode.accessTokenMissing, msg: "Missing access token for authorization" },
      "no Bearer token",
    ),
  invalidToken: () =>
    new Reply(
      401,
      { code: FeishuErrorCode.accessTokenInvalid, msg: "Invalid access token for authorization" },
      "unknown or expired token",
    ),
  // Not on the helpdesk pages: Feishu answers an invalid app secret with code 10014.
  appSecretInvalid: () =>
    new Reply(
      400,
      { code: EmulatorOnlyCode.appSecretInvalid, msg: "app secret invalid" },
      "wrong app_id or app_secret",
    ),
  unknownRoute: () =>
    new Reply(404, { code: EmulatorOnlyCode.unknownRoute, msg: "404 page not found" }, "unknown route"),
  // A body over the cap, in Feishu's envelope; the code is this emulator's choice.
  tooLarge: (limitBytes: number) =>
    new Reply(
      413,
      { code: FeishuErrorCode.badRequest, msg: `Request body too large (over ${limitBytes} bytes)` },
      "body too large",
    ),
};

/** Answers of the admin routes: plain JSON, `{error}` when refused. */
export const adminReply = {
  ok: (body: unknown = {}) => new Reply(200, body),
  refused: (status: number, error: string) => new Reply(status, { error }, error),
};
