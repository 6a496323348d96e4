import { randomBytes } from "node:crypto";
import type * as http from "node:http";
import type { Clock } from "./clock";
import type { Reply } from "./reply";

/** A Feishu-style log id: the time to the second, then random hex. */
export function logId(clock: Clock): string {
  const time = new Date(clock.now()).toISOString().replace(/\D/g, "").slice(0, 14);
  return `${time}${randomBytes(10).toString("hex").toUpperCase()}`;
}

/** Writes a reply as JSON; API replies carry Feishu's x-tt-logid. */
export function writeReply(res: http.ServerResponse, reply: Reply, logIdOf?: Clock): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, {
    "Content-Type": "application/json; charset=utf-8",
    ...(logIdOf ? { "x-tt-logid": logId(logIdOf) } : {}),
    ...reply.headers,
  });
  res.end(JSON.stringify(reply.body));
}

/** Writes a raw reply (an injected HTML page or cut-off JSON), with a log id. */
export function writeRaw(res: http.ServerResponse, status: number, contentType: string, text: string, clock: Clock) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": contentType, "x-tt-logid": logId(clock) });
  res.end(text);
}
