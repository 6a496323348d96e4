import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** A forwarding HTTP server that keeps every request's headers and body, to search them for credentials. */
export interface RecordingProxy {
  readonly url: string;
  /** Each request as text: the request line, the headers and the body. */
  readonly seen: string[];
  close(): Promise<void>;
}

/** Starts a proxy on loopback that forwards every request to `target` and records it whole. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const to = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body.toString("utf8")}`);
      const forward = http.request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
