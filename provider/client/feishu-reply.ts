import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import type { FeishuRequestInfo } from "./errors/request-info";
import type { WireEnvelope } from "./wire-types";

/** What an error quotes of a reply that may carry credentials (the token endpoint's). */
export const notQuoted = "[not quoted: this endpoint's replies carry credentials]";

/** A decoded Feishu response whose `code` was 0. */
export interface FeishuReply {
  /** The whole JSON body. */
  readonly body: Record<string, unknown>;
  /** The `x-tt-logid` header. */
  readonly logId: string | undefined;
  /** The HTTP `Date` header, the server's time when it answered (parse it with serverTimeOf). */
  readonly date?: string;
}

/** A reply as it arrived, read whole. */
export interface RawReply {
  readonly status: number;
  readonly header: (name: string) => string | undefined;
  readonly text: string;
  /** The reply carries a credential (the token endpoint): errors never quote its body. */
  readonly secretReply: boolean;
  /** The request, credentials redacted; built only for an error. */
  readonly request: () => FeishuRequestInfo;
  /** Removes credential values from text the server sent. */
  readonly redact: (text: string) => string;
}

/**
 * Feishu's `{code, msg, ...}` envelope decoded: a success is HTTP 200 with `code: 0`, nothing
 * else. Throws FeishuApiError for a non-zero code, FeishuResponseError for a body that is not
 * such an envelope or comes with another status.
 */
export function decodeReply(raw: RawReply): FeishuReply {
  // A token endpoint's reply may echo the credentials in any encoding: none of its text (body,
  // `msg`, request id) goes into an error, only its status and code.
  const logId = raw.secretReply ? undefined : raw.header("x-tt-logid");
  const unreadable = (problem: string) =>
    new FeishuResponseError({
      status: raw.status,
      problem,
      body: raw.secretReply ? notQuoted : raw.text,
      logId,
      request: raw.request(),
      redact: raw.redact,
    });
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    throw unreadable("the body is not JSON");
  }
  if (typeof body !== "object" || body === null || typeof (body as { code?: unknown }).code !== "number") {
    throw unreadable("the body has no numeric `code`");
  }
  const envelope = body as WireEnvelope<unknown>;
  if (envelope.code !== 0) {
    const reset = Number(raw.header("x-ogw-ratelimit-reset") ?? Number.NaN);
    throw new FeishuApiError({
      status: raw.status,
      code: envelope.code,
      msg: raw.secretReply ? notQuoted : String(envelope.msg ?? ""),
      logId,
      request: raw.request(),
      rateLimitResetSeconds: Number.isFinite(reset) && reset >= 0 ? reset : undefined,
      redact: raw.redact,
    });
  }
  // Feishu answers a success with 200. Anything else saying `code: 0` is something in between
  // (a proxy refusing CONNECT hands its own 403 through), and its "id" would be made up.
  if (raw.status !== 200) {
    throw unreadable("`code` is 0 but Feishu answers a success with HTTP 200: this reply is not Feishu's");
  }
  return { body: body as Record<string, unknown>, logId, date: raw.header("date") };
}
