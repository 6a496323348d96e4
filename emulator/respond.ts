import { randomBytes } from "node:crypto";
import type * as http from "node:http";
import type { Clock } from "./clock";
import { type ConsoleAnswer, consoleHeaders } from "./console/serve";
import type { Reply } from "./reply";

/** A Feishu-style log id: the time to the second, then random hex. */
export function logId(clock: Clock): string {
  const time = new Date(clock.now()).toISOString().replace(/\D/g, "").slice(0, 14);
  return `${time}${randomBytes(10).toString("hex").toUpperCase()}`;
}

/**
 * The HTTP `Date` header from the emulator's clock (Node would write the real time): a client
 * judges by it whether a scheduled send time has passed on the server.
 */
export function httpDate(clock: Clock): string {
  return new Date(clock.now()).toUTCString();
}

/** Writes a reply as JSON; API replies carry Feishu's x-tt-logid, and a `Date` from the emulator's clock. */
export function writeReply(res: http.ServerResponse, reply: Reply, logIdOf?: Clock): void {
  if (res.destroyed) return;
  if (res.headersSent) {
    // Something already started this answer and failed: never leave it open.
    if (!res.writableEnded) res.destroy();
    return;
  }
  try {
    // Serialized before the head is written, so a body that cannot be (too large, a cycle) still
    // gets an answer of its own below.
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      "Content-Type": "application/json; charset=utf-8",
      ...(logIdOf ? { "x-tt-logid": logId(logIdOf), Date: httpDate(logIdOf) } : {}),
      ...reply.headers,
    });
    res.end(text);
  } catch (error) {
    failReply(res, error);
  }
}

/** Answers 500 for a reply that could not be written, or cuts the connection if its head is out. */
export function failReply(res: http.ServerResponse, error: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  try {
    const problem = String((error as Error)?.message ?? error).slice(0, 200);
    res.writeHead(500, { "Content-Type": "application/json; charset=utf-8", Connection: "close" });
    res.end(JSON.stringify({ code: 155000, msg: "Internal error", error: problem }));
  } catch {
    res.destroy();
  }
}

/** Writes a raw reply (an injected HTML page or cut-off JSON), with a log id. */
export function writeRaw(res: http.ServerResponse, status: number, contentType: string, text: string, clock: Clock) {
  if (res.headersSent || res.destroyed) return;
  try {
    res.writeHead(status, { "Content-Type": contentType, "x-tt-logid": logId(clock), Date: httpDate(clock) });
    res.end(text);
  } catch (error) {
    failReply(res, error);
  }
}

/** Writes a console answer (page, script, stylesheet or panels) with the console's security headers. */
export function writeConsole(res: http.ServerResponse, answer: ConsoleAnswer): void {
  if (res.headersSent || res.destroyed) return;
  try {
    res.writeHead(answer.status, consoleHeaders(answer.contentType));
    res.end(answer.body);
  } catch (error) {
    failReply(res, error);
  }
}
