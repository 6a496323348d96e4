import * as http from "node:http";
import { EmulatorUsageError } from "./errors";
import type { AddressInfo } from "node:net";
import { EmulatorStatus } from "./campaign-lifecycle";
import { createContext } from "./context";
import { isLoopback, requestListener } from "./handle-request";
import type { EmulatorOptions, RunningEmulator } from "./options";

/** How many reply bytes a connection may leave unread before it is closed: a few hundred replies. */
export const defaultMaxUnsentReplyBytes = 1024 * 1024;
/** How many replies one connection may have waiting to be flushed: far more than any client pipelines. */
const maxUnflushedReplies = 64;

/** The warning for an emulator listening beyond loopback, or undefined if it does not. */
export function exposureWarning(boundAddress: string, allowRemoteAdmin: boolean): string | undefined {
  if (isLoopback(boundAddress)) return undefined;
  const admin = allowRemoteAdmin
    ? "its unauthenticated admin routes (/__emulator/…) answer anyone who can reach it"
    : "its admin routes still answer loopback peers only";
  return `the Feishu Helpdesk emulator listens on ${boundAddress}, beyond loopback: ${admin}`;
}

/**
 * Starts a local emulator of the Feishu Helpdesk notification API. Listening beyond loopback calls
 * `options.warn`, by default a process warning (`FEISHU_EMULATOR_EXPOSED`), and sets
 * `exposureWarning`. Throws a DataFileError if the data file is not valid.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const context = createContext(options);
  const { store } = context;
  const server = http.createServer(
    {
      // A request that has not sent its head, or its whole body, within 30 s is answered 408 and its
      // socket closed: a client that never finishes cannot hold a connection (Node's default is 300 s).
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      headersTimeout: options.requestTimeoutMs ?? 30_000,
      // How often Node looks for requests past those timeouts (its default is every 30 s).
      connectionsCheckingInterval: Math.min(1000, Math.max(50, (options.requestTimeoutMs ?? 30_000) / 4)),
    },
    requestListener(context),
  );
  // A client that pipelines requests and never reads its replies had them all held for it (40
  // such connections grew the emulator from 55 to 384 MB): past this many replies not yet
  // flushed, or this many unsent bytes, the connection is closed instead of answered further.
  const maxUnsent = options.maxUnsentReplyBytes ?? defaultMaxUnsentReplyBytes;
  const unflushed = new WeakMap<object, number>();
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const { socket } = req;
    const pending = (unflushed.get(socket) ?? 0) + 1;
    unflushed.set(socket, pending);
    res.once("close", () => unflushed.set(socket, (unflushed.get(socket) ?? 1) - 1));
    if (pending > maxUnflushedReplies || socket.writableLength > maxUnsent) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const warning = exposureWarning(address.address, context.allowRemoteAdmin);
  if (warning) (options.warn ?? ((text) => process.emitWarning(text, { code: "FEISHU_EMULATOR_EXPOSED" })))(warning);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    exposureWarning: warning,
    requests: context.requests,
    notifications: () => store.all().map((n) => context.current(n.id)!),
    setStatus: context.setStatus,
    approve(notificationId) {
      if (store.get(notificationId)?.status !== EmulatorStatus.inReview)
        throw new EmulatorUsageError(`${notificationId} is not in review`);
      context.setStatus(notificationId, EmulatorStatus.approved);
    },
    extras: (notificationId) => ({ ...store.extras(notificationId) }),
    botMessages: () => store.messages(),
    setTicketOpen: (receiverId, open) => store.setTicketOpen(receiverId, open),
    remove: (notificationId) => store.remove(notificationId),
    clearRequests: () => {
      context.requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
