import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request through the proxy with what it was answered, parsed enough to compare call sequences. */
export interface RecordedExchange {
  readonly method: string;
  /** The path with its query string, as sent. */
  readonly url: string;
  /** The request body as text ("" without one). */
  readonly body: string;
  /** The HTTP status answered (0 until the answer has come, or if the connection failed). */
  status: number;
  /** The answer's body as text. */
  reply: string;
}

/** A forwarding HTTP server that keeps every request's headers and body, to search them for credentials. */
export interface RecordingProxy {
  readonly url: string;
  /** Each request as text: the request line, the headers and the body. */
  readonly seen: string[];
  /** Each request with its answer, in the order the requests arrived (no headers: they hold credentials). */
  readonly exchanges: RecordedExchange[];
  close(): Promise<void>;
}

/** Starts a proxy on loopback that forwards every request to `target` and records it whole. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const exchanges: RecordedExchange[] = [];
  const to = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body.toString("utf8")}`);
      const exchange: RecordedExchange = {
        method: req.method ?? "",
        url: req.url ?? "",
        body: body.toString("utf8"),
        status: 0,
        reply: "",
      };
      exchanges.push(exchange);
      const forward = http.request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          const replyChunks: Buffer[] = [];
          reply.on("data", (chunk: Buffer) => replyChunks.push(chunk));
          reply.on("end", () => {
            exchange.status = reply.statusCode ?? 0;
            exchange.reply = Buffer.concat(replyChunks).toString("utf8");
          });
          reply.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
