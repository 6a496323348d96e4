import { watchEngine } from "./engine-watch";
import type * as http2 from "node:http2";

// Why this file exists: when `pulumi` is interrupted (Ctrl-C, or a CI runner's SIGTERM to the
// `pulumi` process alone, as `timeout` sends it), the engine calls each provider's Cancel RPC.
// The SDK's dynamic provider host answers Cancel with an empty reply and tells the provider
// nothing, so a call in a 300 s retry loop kept the job alive for minutes. The host serves gRPC
// on an HTTP/2 server in this process; its "stream" event names the RPC by path before the host
// handles it, so listening there sees the Cancel without changing the host. SIGINT and SIGTERM
// are caught too: the engine sends SIGINT to each provider's own process group when it closes
// the provider (after its Cancel RPC and after closing its connection), and a runner killing
// every process of a job sends SIGTERM.

const CANCEL_PATH = "/pulumirpc.ResourceProvider/Cancel";
/** After a signal, how long the calls in progress get to answer the engine before the process ends. */
const GRACE_MS = 2000;
/**
 * After the last counted call has returned, the time to let its reply reach the engine when its
 * stream was not counted (the first call, whose stream opened before the watching started).
 */
const REPLY_FLUSH_MS = 100;
const controller = new AbortController();
let watching = false;
/** Provider calls running (see countedCall). */
let callsInProgress = 0;
/** gRPC streams open on the host's server, other than Cancel: each closes once its reply is sent. */
let openStreams = 0;
let ending: NodeJS.Signals | undefined;

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
      server.prependListener("stream", (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => {
        if (headers[":path"] === CANCEL_PATH) return cancelRun();
        openStreams += 1;
        stream.once("close", () => {
          openStreams -= 1;
          endIfIdle();
        });
      });
    // A signal handler replaces Node's default exit, so the process must still end: the host
    // would otherwise keep serving. The engine sends SIGINT to every provider at the end of each
    // run and waits (up to 5 s) for it to go, so an idle process ends at once (it used to wait
    // the full grace period: 2 s added to every run). Calls in progress are cancelled, and the
    // process ends once every reply has been sent (its stream closed), or after the grace period.
    // The engine killed (SIGKILL leaves no Cancel): end as if told to, before another call starts.
    watchEngine(() => process.kill(process.pid, "SIGTERM"));
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => {
        ending = signal;
        cancelRun();
        endIfIdle();
        setTimeout(() => exitFor(signal), GRACE_MS).unref();
      });
  }
  return controller.signal;
}

/**
 * Runs one provider call, counted, so that after SIGINT/SIGTERM the process ends as soon as the
 * calls in progress have answered (their cancelled errors reach the engine), not later.
 */
export async function countedCall<T>(call: () => Promise<T>): Promise<T> {
  callsInProgress++;
  try {
    return await call();
  } finally {
    callsInProgress--;
    if (ending !== undefined) setTimeout(endIfIdle, REPLY_FLUSH_MS).unref();
  }
}

/** After a signal: ends the process if no call is running and every reply has been sent. */
function endIfIdle(): void {
  if (ending !== undefined && callsInProgress === 0 && openStreams === 0) exitFor(ending);
}

/**
 * Ends the process with the status a shell reports for that signal (128 + its number); the
 * engine, which sent it, does not read the status.
 */
function exitFor(signal: NodeJS.Signals): void {
  process.exit(128 + (signal === "SIGINT" ? 2 : 15));
}
