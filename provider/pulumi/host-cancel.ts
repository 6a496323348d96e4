import type * as http2 from "node:http2";

// Why this file exists: when `pulumi` is interrupted (Ctrl-C, or a CI runner's SIGTERM to the
// `pulumi` process alone, as `timeout` sends it), the engine calls each provider's Cancel RPC.
// The SDK's dynamic provider host answers Cancel with an empty reply and tells the provider
// nothing, so a call in a 300 s retry loop kept the job alive for minutes. The host serves gRPC
// on an HTTP/2 server in this process; its "stream" event names the RPC by path before the host
// handles it, so listening there sees the Cancel without changing the host. SIGINT and SIGTERM
// sent to the process group (a terminal's Ctrl-C, a runner killing the group) are caught too.

const CANCEL_PATH = "/pulumirpc.ResourceProvider/Cancel";
const controller = new AbortController();
let watching = false;

/** The process's HTTP/2 servers: the host's gRPC server among them. Node keeps no public list. */
function http2Servers(): http2.Http2Server[] {
  const list: unknown = Reflect.get(process, "_getActiveHandles");
  const handles: unknown[] = typeof list === "function" ? list.call(process) : [];
  return handles.filter(
    (handle): handle is http2.Http2Server =>
      typeof handle === "object" &&
      handle !== null &&
      /^Http2(Secure)?Server$/.test((handle as object).constructor?.name ?? "") &&
      typeof (handle as http2.Http2Server).prependListener === "function",
  );
}

/** Aborts the run's signal; the client then starts no retry and ends its waits. */
export function cancelRun(): void {
  controller.abort();
}

/**
 * The signal that aborts when the engine cancels the run (its Cancel RPC) or the process gets
 * SIGINT/SIGTERM. Starts watching on first call; later calls return the same signal.
 */
export function hostCancellation(): AbortSignal {
  if (!watching) {
    watching = true;
    for (const server of http2Servers())
      server.prependListener("stream", (_stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => {
        if (headers[":path"] === CANCEL_PATH) cancelRun();
      });
    // A signal handler replaces Node's default exit, so the process must still end: the host
    // would otherwise keep serving. The engine gets the cancelled calls' errors first.
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => {
        cancelRun();
        setTimeout(() => process.exit(1), 2000).unref();
      });
  }
  return controller.signal;
}
