import type * as http from "node:http";
import type { EmulatorContext } from "./context";
import type { FaultKind } from "./faults";
import type { LimitedEndpoint } from "./rate-limits";
import { feishuErrors, Reply } from "./reply";
import { writeRaw, writeReply } from "./respond";

/** What a `truncated` fault sends: a success cut off mid-JSON. */
const truncatedJson = '{"code":0,"msg":"success","data":{"notif';

/** One API request on its way through the gateway. */
export interface GatewayExchange {
  readonly method: string;
  /** Path without the query string, as recorded. */
  readonly path: string;
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  /** The rate limit it counts against: set only for an authenticated call to a limited endpoint. */
  readonly limit: LimitedEndpoint | undefined;
}

/**
 * The middleware around every API route: what Feishu's gateway and the network between do to a call.
 * First the rate limit, then any injected fault (see faults.ts), then the route's handler (a throw
 * answers 500 / 155000); what was answered is recorded, with `code: null` when the client got no
 * Feishu code it could read.
 */
export async function throughGateway(
  context: EmulatorContext,
  exchange: GatewayExchange,
  handle: () => Reply,
): Promise<void> {
  const { method, path, req, res } = exchange;
  const at = context.clock.now();
  const record = (reply: Reply | undefined, fault?: FaultKind) => {
    context.record({
      at,
      method,
      path,
      status: reply?.status ?? 0,
      code: reply?.code ?? null,
      ...(reply?.problem ? { problem: reply.problem } : {}),
      ...(fault ? { fault } : {}),
    });
  };
  const answer = (reply: Reply, fault?: FaultKind) => {
    record(reply, fault);
    writeReply(res, reply, context.clock);
  };
  const cut = (fault: FaultKind) => {
    record(undefined, fault);
    req.socket.destroy();
  };

  const throttled = exchange.limit && context.limits?.hit(exchange.limit);
  if (throttled) return answer(feishuErrors.rateLimited(throttled.limit, throttled.resetSeconds));

  const fault = context.faults?.choose(method, path);
  switch (fault) {
    case "latency":
      await new Promise((resolve) => setTimeout(resolve, context.faults!.latencyMs));
      break;
    case "internalError":
      return answer(feishuErrors.internalError("injected"), fault);
    case "rateLimited":
      return answer(feishuErrors.rateLimited(0, 1), fault);
    case "dropBeforeCommit":
      return cut(fault);
    case "malformed":
      return answer(new Reply(200, { error: "upstream unavailable", data: null }, "injected"), fault);
    case "nonJson":
      record(new Reply(502, undefined, "injected"), fault);
      return writeRaw(res, 502, "text/html", "<html><body>502 Bad Gateway</body></html>", context.clock);
    case "truncated":
      record(new Reply(200, undefined, "injected"), fault);
      return writeRaw(res, 200, "application/json; charset=utf-8", truncatedJson, context.clock);
    case "expiredToken":
      context.tokens.revokeAll();
      return answer(feishuErrors.invalidToken(), fault);
  }

  let reply: Reply;
  try {
    // One write of the data file for the whole request, and none of its changes kept if it fails.
    reply = context.store.batch(handle);
  } catch (error) {
    reply = feishuErrors.internalError((error as Error).message);
  }
  if (fault === "dropAfterCommit") return cut(fault);
  answer(reply, fault);
}
