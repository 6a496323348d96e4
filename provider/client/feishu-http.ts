import type { Agent } from "node:http";
import fetch, { type RequestInit, type Response } from "node-fetch";
import { CallAbort } from "./call-abort";
import { apiBaseUrl } from "./base-url";
import { agentFor } from "./connection";
import { FeishuArgumentError } from "./errors/feishu-argument-error";
import { FeishuNetworkError } from "./errors/feishu-network-error";
import { FeishuRedirectError } from "./errors/feishu-redirect-error";
import { FeishuResponseError } from "./errors/feishu-response-error";
import { redactHeaders, type SecretRedactor } from "./errors/redact";
import type { FeishuRequestInfo } from "./errors/request-info";
import { decodeReply, type FeishuReply, notQuoted } from "./feishu-reply";

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

/** Settings of {@link FeishuHttp}. */
export interface FeishuHttpOptions {
  /** The origin every path is sent to. */
  readonly baseUrl: string;
  /** Plain http to a host other than loopback is allowed (see HelpdeskClientOptions). */
  readonly allowInsecureHttp?: boolean;
  /** How long one request, its reply and the reply's body may take together, in ms. */
  readonly timeoutMs: number;
  /** The largest reply body read, in bytes; a larger one fails the call. */
  readonly maxResponseBytes: number;
  /** Removes credential values from every text an error quotes. */
  readonly redactor: SecretRedactor;
}

/**
 * Sends JSON to Feishu and decodes its `{code, msg, ...}` envelope: a success is HTTP 200 with
 * `code: 0`, nothing else. Throws FeishuApiError for a non-zero code, FeishuResponseError for a
 * body that is not such an envelope (or is too large, or comes with another status),
 * FeishuRedirectError for a redirect (never followed), and FeishuNetworkError when no complete
 * response arrives in time. When a call ends, its connection is either back in the keep-alive
 * pool with its reply fully read, or destroyed: no stream keeps running after it.
 */
export class FeishuHttp {
  private readonly origin: string;
  /** Chosen once: the proxy variables are read when the client is made, not on every call. */
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  // #private: holds the credentials it searches for.
  readonly #redactor: SecretRedactor;
  private readonly redact: (text: string) => string;

  constructor(options: FeishuHttpOptions) {
    const url = apiBaseUrl(options.baseUrl, options.allowInsecureHttp);
    this.origin = url.origin;
    this.agent = agentFor(url);
    this.timeoutMs = options.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes;
    this.#redactor = options.redactor;
    this.redact = (text) => this.#redactor.redact(text);
  }

  async send(call: FeishuCall): Promise<FeishuReply> {
    // Built by concatenation: parsing a URL per call costs more than the call's own work here.
    let url = `${this.origin}${call.path}`;
    if (call.query) {
      let separator = "?";
      for (const key in call.query) {
        url += `${separator}${encodeURIComponent(key)}=${encodeURIComponent(call.query[key])}`;
        separator = "&";
      }
    }
    const headers: Record<string, string> = { ...call.headers };
    if (call.body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    // Built only for an error: redacting on every call is work most calls never need.
    const describe = (): FeishuRequestInfo => ({ method: call.method, url, headers: redactHeaders(headers) });

    let payload: string | undefined;
    try {
      payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    } catch (cause) {
      throw new FeishuArgumentError({
        argument: "body",
        problem: `it cannot be sent as JSON (${(cause as Error).message})`,
        fix: "Pass plain data: no BigInt values and no cycles.",
      });
    }

    // One deadline for the request, the reply and its body. Aborting also destroys the socket, so
    // a reply still streaming (a slow or endless body, one past the size cap) stops at once.
    const controller = new CallAbort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    let response: Response | undefined;
    let text: string;
    try {
      response = await fetch(url, {
        method: call.method,
        headers,
        body: payload,
        agent: this.agent,
        // Feishu never redirects: a redirect is something else answering, and following it would
        // send the credentials (and a create) to wherever it points.
        redirect: "manual",
        // node-fetch's types want its own AbortSignal; it checks only the class name (see CallAbort).
        signal: controller as unknown as RequestInit["signal"],
        size: this.maxResponseBytes,
      });
      if (response.status >= 300 && response.status < 400) {
        controller.abort();
        throw new FeishuRedirectError({
          status: response.status,
          location: response.headers.get("location"),
          logId: call.secretReply ? undefined : (response.headers.get("x-tt-logid") ?? undefined),
          request: describe(),
          redact: this.redact,
        });
      }
      const declared = Number(response.headers.get("content-length"));
      if (declared > this.maxResponseBytes) {
        controller.abort();
        throw this.tooLarge(response, call, describe(), `its Content-Length is ${declared}`);
      }
      text = await response.text();
    } catch (cause) {
      // Whatever went wrong, nothing of this call may keep running (node-fetch leaves the socket
      // streaming after its own size error).
      controller.abort();
      if (FeishuRedirectError.isInstance(cause) || FeishuResponseError.isInstance(cause)) throw cause;
      if (response && (cause as { type?: string }).type === "max-size") {
        throw this.tooLarge(response, call, describe(), "it went on past that");
      }
      throw new FeishuNetworkError({
        request: describe(),
        timedOutAfterMs: timedOut ? this.timeoutMs : undefined,
        cause,
        redact: this.redact,
      });
    } finally {
      clearTimeout(timer);
    }

    const { headers: replyHeaders } = response;
    return decodeReply({
      status: response.status,
      header: (name) => replyHeaders.get(name) ?? undefined,
      text,
      secretReply: call.secretReply === true,
      request: describe,
      redact: this.redact,
    });
  }

  /** A FeishuResponseError about a successful reply whose content is not what the API documents. */
  describeMalformed(call: FeishuCall, reply: FeishuReply, problem: string): FeishuResponseError {
    return new FeishuResponseError({
      status: 200,
      problem,
      body: call.secretReply ? notQuoted : JSON.stringify(reply.body),
      logId: call.secretReply ? undefined : reply.logId,
      request: { method: call.method, url: `${this.origin}${call.path}`, headers: {} },
      redact: this.redact,
    });
  }

  private tooLarge(response: Response, call: FeishuCall, request: FeishuRequestInfo, why: string): FeishuResponseError {
    return new FeishuResponseError({
      status: response.status,
      problem: `the body is larger than the ${this.maxResponseBytes}-byte cap (maxResponseBytes): ${why}`,
      body: call.secretReply ? notQuoted : "[not read]",
      logId: call.secretReply ? undefined : (response.headers.get("x-tt-logid") ?? undefined),
      request,
      redact: this.redact,
    });
  }
}
