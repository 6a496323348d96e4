import type * as http from "node:http";

/** A request target split into path (still percent-encoded) and query. */
export interface RequestTarget {
  readonly path: string;
  readonly query: URLSearchParams;
}

/**
 * Parses a request target: origin form (`/a?b`) or absolute form (`http://host:port/a`). Undefined
 * if it is not a URL at all (an absolute target with port 99999, for instance).
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  try {
    const text = raw ?? "/";
    // Only an absolute-form target names a host; anything else (`//open-apis/…` included, which
    // URL would read as a host) is a path on this server.
    const absolute = /^https?:\/\//i.test(text);
    const url = absolute ? new URL(text) : new URL(`http://emulator${text.startsWith("/") ? "" : "/"}${text}`);
    return { path: url.pathname, query: url.searchParams };
  } catch {
    return undefined;
  }
}

/** Decodes one path segment; undefined if its percent-encoding is broken (`%E0`). */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counting only up to `stop` (so a hostile
 * text is scanned once, without recursion, and no further than needed). Brackets in strings do not count.
 */
export function jsonNestingDepth(text: string, stop = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stop) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** A request body, parsed: nothing, JSON, or why it is refused. */
export type ParsedBody =
  | { readonly kind: "empty" }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "invalid"; readonly problem: string };

/** Parses a body as JSON, refusing one nested deeper than `maxDepth` before parsing it. */
export function parseJsonBody(text: string, maxDepth: number): ParsedBody {
  if (text === "") return { kind: "empty" };
  if (jsonNestingDepth(text, maxDepth) > maxDepth)
    return { kind: "invalid", problem: `the body is nested deeper than ${maxDepth} levels` };
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    return { kind: "invalid", problem: "the body is not JSON" };
  }
}

/**
 * Reads a request body of at most `maxBytes`. Undefined if it is larger (by its Content-Length or as
 * it streams in; what came so far is dropped) or the client went away.
 */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    if (Number(req.headers["content-length"] ?? 0) > maxBytes) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.removeAllListeners("data");
      req.removeAllListeners("end");
      resolve(undefined);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stop();
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", stop);
    req.on("aborted", stop);
  });
}
