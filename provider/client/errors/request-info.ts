/** The request an error is about, with credentials redacted. */
export interface FeishuRequestInfo {
  /** HTTP method, for example `PATCH`. */
  readonly method: string;
  /** The full URL, including the query string. */
  readonly url: string;
  /** The request headers, `Authorization` and `X-Lark-Helpdesk-Authorization` redacted. */
  readonly headers: Readonly<Record<string, string>>;
}

/** `METHOD /path` of a request, as errors name their endpoint. */
export function endpointOf(request: FeishuRequestInfo): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}
