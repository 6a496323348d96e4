import * as http from "node:http";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { randomCredentials } from "../harness/feishu-fixture";

/** A JSON reply as a test reads it: property paths are followed, and the assertions check them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies of every shape are read by path
export type JsonReply = Record<string, any>;

/** What came back from a raw request: the status and body, or how the connection ended without one. */
export interface RawAnswer {
  /** HTTP status; 0 if no answer came (connection cut). */
  readonly status: number;
  readonly text: string;
  /** The body as JSON, if it is JSON. */
  readonly json: JsonReply | undefined;
  readonly headers: http.IncomingHttpHeaders;
}

/** One raw HTTP request, target as given (so malformed targets are possible). */
export function rawRequest(
  baseUrl: string,
  request: { method: string; target: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const headers = { ...request.headers };
  // Node sends a DELETE's body without a length unless told; a chunked request says so itself.
  if (request.body !== undefined && !headers["Transfer-Encoding"])
    headers["Content-Length"] = String(Buffer.byteLength(request.body));
  return new Promise((resolve) => {
    const req = http.request(
      { host: hostname, port, method: request.method, path: request.target, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: JsonReply | undefined;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers });
        });
        res.on("error", () => resolve({ status: res.statusCode ?? 0, text: "", json: undefined, headers: {} }));
      },
    );
    req.on("error", () => resolve({ status: 0, text: "", json: undefined, headers: {} }));
    req.end(request.body);
  });
}

/** An emulator with random credentials, and the headers a caller needs to be let in. */
export async function emulatorWithCredentials(options: EmulatorOptions = {}) {
  const credentials = randomCredentials();
  const emulator: RunningEmulator = await startEmulator({ credentials, ...options });
  const helpdesk = Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString("base64");
  const authHeaders = {
    Authorization: `Bearer ${credentials.userAccessTokens[0]}`,
    "X-Lark-Helpdesk-Authorization": helpdesk,
    "Content-Type": "application/json",
  };
  /** A tenant token, for the bot message API. */
  const tenantHeaders = async () => {
    const reply = await rawRequest(emulator.url, {
      method: "POST",
      target: "/open-apis/auth/v3/tenant_access_token/internal",
      body: JSON.stringify({ app_id: credentials.appId, app_secret: credentials.appSecret }),
    });
    return { ...authHeaders, Authorization: `Bearer ${reply.json!.tenant_access_token}` };
  };
  return { emulator, credentials, authHeaders, tenantHeaders };
}

/** The create endpoint's path (创建推送). */
export const notificationsApi = "/open-apis/helpdesk/v1/notifications";

/** POSTs a campaign to the create endpoint as a client would: by default {@link draftBody}. */
export function postCampaign(baseUrl: string, headers: Record<string, string>, body: object = draftBody) {
  return rawRequest(baseUrl, { method: "POST", target: notificationsApi, headers, body: JSON.stringify(body) });
}

/** A valid create body. */
export const draftBody = {
  job_name: "Hardening test",
  push_content: '{"elements":[]}',
  push_type: 0,
  push_scope_type: 0,
};
