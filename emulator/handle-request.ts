import type * as http from "node:http";
import type { EmulatorContext } from "./context";
import { throughGateway } from "./gateway";
import type { LimitedEndpoint } from "./rate-limits";
import { adminReply, feishuErrors, type Reply } from "./reply";
import { parseJsonBody, parseRequestTarget, type ParsedBody, readBody } from "./request-input";
import { failReply, writeConsole, writeReply } from "./respond";
import {
  decodeParams,
  findRoute,
  type Handler,
  methodHandler,
  type Route,
  type RouteMatch,
  type RouteRequest,
} from "./route-table";
import { decideConsole, isConsolePath } from "./console/serve";
import { adminRoutes } from "./routes/admin";
import { authenticate, userIdTypeRefusal } from "./routes/auth";
import { botMessageRoute } from "./routes/bot-message";
import { lifecycleRoutes } from "./routes/lifecycle";
import { notificationCollectionRoute, notificationRoute } from "./routes/notifications";
import { tenantTokenRoute } from "./routes/tenant-token";

/** The API's route table. */
export const apiRoutes: readonly Route[] = [
  tenantTokenRoute,
  notificationCollectionRoute,
  notificationRoute,
  ...lifecycleRoutes,
  botMessageRoute,
];

/** Whether a peer address is on this machine. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);
}

/** What an API request gets: the rate limit it counts against, and the decision made inside the gateway. */
export interface ApiDecision {
  readonly limit: LimitedEndpoint | undefined;
  readonly handle: () => Reply;
}

/**
 * Decides how to answer an API request, in the order Feishu's gateway checks: a readable body, a
 * known route, the credentials, user_id_type, the method, the path's parameters. Only an
 * authenticated call counts against a rate limit, so strangers cannot use up an app's quota.
 */
export function decideApi(
  context: EmulatorContext,
  request: Omit<RouteRequest, "params" | "body">,
  match: RouteMatch | undefined,
  body: ParsedBody,
): ApiDecision {
  const handler = match && methodHandler(match.route, request.method);
  const helpdesk = match?.route.access === "helpdesk";
  const denied = helpdesk ? authenticate(context, request.headers) : undefined;
  const refusal = (): Reply | undefined => {
    if (body.kind === "invalid") return feishuErrors.badRequest(body.problem);
    if (!match || (!helpdesk && !handler)) return feishuErrors.unknownRoute();
    if (denied) return denied;
    if (helpdesk) {
      const badQuery = userIdTypeRefusal(request.query);
      if (badQuery) return badQuery;
    }
    if (!handler) return feishuErrors.methodForbidden(`${request.method} on ${match.route.what}`);
    return undefined;
  };
  return {
    limit: denied ? undefined : handler?.limit,
    handle: () => {
      const refused = refusal();
      if (refused) return refused;
      const params = decodeParams(match!.rawParams);
      if (!params) return feishuErrors.badRequest("the path has broken percent-encoding");
      const value = body.kind === "json" ? body.value : undefined;
      return handler!.handle(context, { ...request, params, body: value });
    },
  };
}

/** Whether a Host header names this machine by a loopback name: 127.0.0.1, localhost or [::1], any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i.test(host);
}

/**
 * Why an admin or console request is refused, or undefined. They have no authentication, so
 * beyond the peer address they refuse what only a browser sends on another page's behalf: a Host
 * that is not a loopback name (DNS rebinding), an Origin other than the emulator's own (a
 * cross-site request; the console's own page may call them), and, from a page, a change not
 * declared JSON (a "simple" cross-site form or text/plain POST needs no preflight).
 */
export function adminRefusal(
  context: EmulatorContext,
  request: Pick<RouteRequest, "method" | "headers">,
  peer: string | undefined,
): Reply | undefined {
  const { headers } = request;
  if (!context.allowRemoteAdmin && !isLoopback(peer))
    return adminReply.refused(403, "admin routes answer loopback peers only (see allowRemoteAdmin)");
  if (!context.allowRemoteAdmin && !isLoopbackHost(headers.host))
    return adminReply.refused(
      403,
      "admin routes answer only a Host of 127.0.0.1, localhost or [::1] (see allowRemoteAdmin)",
    );
  if (headers.origin === undefined) return undefined;
  const site = headers["sec-fetch-site"];
  if (headers.origin !== `http://${headers.host}` || (site !== undefined && site !== "same-origin"))
    return adminReply.refused(403, "admin routes refuse requests from other web pages (an Origin not the emulator's)");
  if (request.method !== "GET" && request.method !== "HEAD" && !isJson(headers["content-type"]))
    return adminReply.refused(415, "an admin request from a page must be sent as Content-Type: application/json");
  return undefined;
}

const isJson = (contentType: string | undefined): boolean => /^application\/json\s*(?:;|$)/i.test(contentType ?? "");

/** Decides how to answer an admin request that {@link adminRefusal} let through. */
export function decideAdmin(
  context: EmulatorContext,
  request: Omit<RouteRequest, "params" | "body">,
  peer: string | undefined,
  body: ParsedBody,
): Reply {
  const refused = adminRefusal(context, request, peer);
  if (refused) return refused;
  const match = findRoute(adminRoutes, request.path);
  const handler: Handler | undefined = match && methodHandler(match.route, request.method)?.handle;
  if (!match || !handler) return adminReply.refused(404, "unknown admin route");
  const params = decodeParams(match.rawParams);
  if (!params) return adminReply.refused(400, "the path has broken percent-encoding");
  if (body.kind !== "empty" && !isJson(request.headers["content-type"]))
    return adminReply.refused(415, "an admin request body must be sent as Content-Type: application/json");
  try {
    const value = body.kind === "json" ? body.value : undefined;
    return context.store.batch(() => handler(context, { ...request, params, body: value }));
  } catch (error) {
    return adminReply.refused(500, (error as Error).message);
  }
}

/** Answers and closes the connection, for a request whose body was not (or not all) read. */
function refuseAndClose(res: http.ServerResponse, reply: Reply, context: EmulatorContext, api: boolean): void {
  res.setHeader("Connection", "close");
  writeReply(res, reply, api ? context.clock : undefined);
}

/** The HTTP server's request listener: reads the request defensively, then routes it. Never throws. */
export function requestListener(context: EmulatorContext): http.RequestListener {
  return (req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      try {
        writeReply(res, feishuErrors.internalError((error as Error).message), context.clock);
      } catch (again) {
        failReply(res, again);
      }
    });
  };
}

async function handle(context: EmulatorContext, req: http.IncomingMessage, res: http.ServerResponse) {
  const method = req.method ?? "GET";
  const target = parseRequestTarget(req.url);
  if (!target) return refuseAndClose(res, feishuErrors.badRequest("the request target is not a URL"), context, true);
  const admin = target.path.startsWith("/__emulator/") || isConsolePath(target.path);
  const text = await readBody(req, context.maxBodyBytes);
  if (text === undefined) {
    const reply = feishuErrors.tooLarge(context.maxBodyBytes);
    if (!admin)
      context.record({
        at: context.clock.now(),
        method,
        path: target.path,
        status: 413,
        code: reply.code ?? null,
        problem: reply.problem,
      });
    return refuseAndClose(res, reply, context, !admin);
  }
  const body = parseJsonBody(text, context.maxJsonDepth);
  const request = { method, path: target.path, query: target.query, headers: req.headers };
  if (isConsolePath(target.path)) {
    const refused = adminRefusal(context, request, req.socket.remoteAddress);
    return refused ? writeReply(res, refused) : writeConsole(res, decideConsole(context, method, target.path));
  }
  if (admin) return writeReply(res, decideAdmin(context, request, req.socket.remoteAddress, body));
  const decision = decideApi(context, request, findRoute(apiRoutes, target.path), body);
  await throughGateway(context, { method, path: target.path, req, res, limit: decision.limit }, decision.handle);
}
