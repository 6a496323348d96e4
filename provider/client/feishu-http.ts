import type { Agent } from "node:http";
import fetch, { type Response } from "node-fetch";
import { agentFor } from "./connection";
import { FeishuApiError } from "./errors/feishu-api-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { redactHeaders } from "./errors/redact";
import type { FeishuRequestInfo } from "./errors/request-info";

/** One call to the Feishu Open API. */
export interface FeishuCall {
  readonly method: "GET" | "POST" | "PATCH";
  /** Path below the base URL, for example `/open-apis/helpdesk/v1/notifications`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The reply carries a credential (the token endpoint): errors never quote its body. */
  readonly secretReply?: boolean;
}

const notQuoted = "[not quoted: this endpoint's replies carry credentials]";

/** A decoded Feishu response whose `code` was 0. */
export interface FeishuReply {
  /** The whole JSON body. */
  readonly body: Record<string, unknown>;
  /** The `x-tt-logid` header. */
  readonly logId: string | undefined;
}

/**
 * Sends JSON to Feishu and decodes its `{code, msg, ...}` envelope. Throws FeishuApiError for a
 * non-zero code, FeishuResponseError for a body that is not such an envelope, and
 * FeishuNetworkError when no response arrives in time.
 */
export class FeishuHttp {
  private readonly origin: URL;
  /** Chosen once: the proxy variables are read when the client is made, not on every call. */
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    this.origin = new URL(baseUrl);
    this.agent = agentFor(this.origin);
  }

  async send(call: FeishuCall): Promise<FeishuReply> {
    // Built by concatenation: parsing a URL per call costs more than the call's own work here.
    const query = Object.entries(call.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join("&");
    const url = `${this.origin.origin}${call.path}${query ? `?${query}` : ""}`;
    const headers: Record<string, string> = { ...call.headers };
    if (call.body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    // Built only for an error: redacting on every call is work most calls never need.
    const describe = (): FeishuRequestInfo => ({ method: call.method, url, headers: redactHeaders(headers) });

    let response: Response;
    let text: string;
    try {
      // node-fetch's own timeout covers the answer and its body, without an AbortController per call.
      response = await fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        agent: this.agent,
        timeout: this.timeoutMs,
      });
      text = await response.text();
    } catch (cause) {
      throw new FeishuNetworkError({
        request: describe(),
        timedOut:
          (cause as { type?: string }).type === "request-timeout" ||
          (cause as { type?: string }).type === "body-timeout",
        cause,
      });
    }

    const logId = response.headers.get("x-tt-logid") ?? undefined;
    const quoted = call.secretReply ? notQuoted : text;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new FeishuResponseError({
        status: response.status,
        problem: "the body is not JSON",
        body: quoted,
        logId,
        request: describe(),
      });
    }
    if (typeof body !== "object" || body === null || typeof (body as { code?: unknown }).code !== "number") {
      throw new FeishuResponseError({
        status: response.status,
        problem: "the body has no numeric `code`",
        body: quoted,
        logId,
        request: describe(),
      });
    }
    const envelope = body as { code: number; msg?: unknown };
    if (envelope.code !== 0) {
      const reset = Number(response.headers.get("x-ogw-ratelimit-reset") ?? Number.NaN);
      throw new FeishuApiError({
        status: response.status,
        code: envelope.code,
        msg: String(envelope.msg ?? ""),
        logId,
        request: describe(),
        rateLimitResetSeconds: Number.isFinite(reset) && reset >= 0 ? reset : undefined,
      });
    }
    return { body: body as Record<string, unknown>, logId };
  }

  /** A FeishuResponseError about a successful reply whose content is not what the API documents. */
  describeMalformed(call: FeishuCall, reply: FeishuReply, problem: string): FeishuResponseError {
    const url = new URL(call.path, this.baseUrl).toString();
    return new FeishuResponseError({
      status: 200,
      problem,
      body: call.secretReply ? notQuoted : JSON.stringify(reply.body),
      logId: reply.logId,
      request: { method: call.method, url, headers: {} },
    });
  }
}
