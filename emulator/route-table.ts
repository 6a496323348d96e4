import type * as http from "node:http";
import type { EmulatorContext } from "./context";
import type { LimitedEndpoint } from "./rate-limits";
import type { Reply } from "./reply";
import { decodeSegment } from "./request-input";

/** A request as a route handler sees it: parameters decoded, body parsed. */
export interface RouteRequest {
  readonly method: string;
  /** The path, still percent-encoded, without the query. */
  readonly path: string;
  /** The path's parameters (the pattern's groups), percent-decoded. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  /** The JSON body, or undefined if there was none. */
  readonly body: unknown;
}

/** Answers a request; acts on the context. Throwing answers 500 / 155000. */
export type Handler = (context: EmulatorContext, request: RouteRequest) => Reply;

/** How a route answers one method. */
export interface MethodHandler {
  readonly handle: Handler;
  /** The rate limit an authenticated call counts against, if any. */
  readonly limit?: LimitedEndpoint;
}

/** One path of the API or of the admin routes. */
export interface Route {
  /** Matches the whole path, still percent-encoded; each group is a parameter. */
  readonly pattern: RegExp;
  /** What the path is, for the problem text of a 405 ("PUT on the collection"). */
  readonly what: string;
  /**
   * Who may call it: `helpdesk` needs an access token and the helpdesk header (and takes
   * user_id_type); `public` needs nothing (tenant token, admin routes).
   */
  readonly access: "helpdesk" | "public";
  readonly methods: Readonly<Record<string, MethodHandler>>;
}

/** A route that matched a path, with its raw (still encoded) parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly rawParams: readonly string[];
}

/** The first route whose pattern matches `path`. */
export function findRoute(routes: readonly Route[], path: string): RouteMatch | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, rawParams: match.slice(1) };
  }
  return undefined;
}

/** How the route answers `method`, if it does (an own property only: no `constructor`). */
export function methodHandler(route: Route, method: string): MethodHandler | undefined {
  return Object.hasOwn(route.methods, method) ? route.methods[method] : undefined;
}

/** The parameters decoded, or undefined if one has broken percent-encoding. */
export function decodeParams(raw: readonly string[]): string[] | undefined {
  const decoded = raw.map(decodeSegment);
  return decoded.every((value) => value !== undefined) ? (decoded as string[]) : undefined;
}
