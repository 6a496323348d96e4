import { randomBytes } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { WireNotification, WireNotificationBody } from "../provider/client/wire-types";
import { advance, EmulatorStatus } from "./campaign-lifecycle";
import { demoCredentials, type EmulatorCredentials } from "./credentials";
import { FaultInjector, type FaultKind, type FaultOptions } from "./faults";
import { documentedLimits, GatewayRateLimits, type LimitedEndpoint } from "./rate-limits";
import { NotificationStore } from "./store";
import { wireBodyProblem } from "./wire-validation";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /**
   * TCP port; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Address to listen on. Keep it on loopback: the admin routes have no authentication.
   * @default "127.0.0.1"
   */
  readonly host?: string;
  /** A JSON file that keeps campaigns across restarts. Without it, data lives in memory only. */
  readonly dataFile?: string;
  /**
   * The credentials it accepts.
   * @default demoCredentials
   */
  readonly credentials?: EmulatorCredentials;
  /**
   * Lifetime of the tenant tokens it issues, in seconds (Feishu's is typically 7200).
   * @default 7200
   */
  readonly tenantTokenTtlSeconds?: number;
  /**
   * How many users "everyone in the organization" is, for target_user_count.
   * @default 100
   */
  readonly organizationSize?: number;
  /**
   * How many users each department holds, for target_user_count.
   * @default 10
   */
  readonly departmentSize?: number;
  /**
   * Per-endpoint limits in calls per minute, or false for none.
   * @default documentedLimits (create 10, patch 20, get 100, botMessage 100, executeSend 10)
   */
  readonly rateLimits?: Partial<Record<LimitedEndpoint, number>> | false;
  /**
   * Divides the rate-limit minute: 60 turns "10 per minute" into 10 per second.
   * @default 1
   */
  readonly timeScale?: number;
  /** Faults to inject into API requests (not admin routes). None by default. */
  readonly faults?: FaultOptions;
  /**
   * Approve a campaign as soon as it is submitted (submit_approve answers has_access: true), as
   * when the caller owns the helpdesk. Otherwise it waits for the admin route's approval.
   * @default false
   */
  readonly autoApprove?: boolean;
  /**
   * How long a scheduled send takes to reach every target once its time comes.
   * @default 2000
   */
  readonly sendDurationMs?: number;
}

/** One API request the emulator answered (admin routes are not recorded). No headers: they hold credentials. */
export interface RecordedRequest {
  /** When it arrived, in ms since the epoch. */
  readonly at: number;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly status: number;
  /** The Feishu code answered. */
  readonly code: number;
  /** For a refused request, what was wrong, as the emulator saw it (Feishu only sends the generic msg). */
  readonly problem?: string;
  /** The fault injected into it, if any. */
  readonly fault?: FaultKind;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, for example `http://127.0.0.1:39123`: give it to the client or provider as baseUrl. */
  readonly url: string;
  /** The API requests answered so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The campaigns it holds. */
  notifications(): WireNotification[];
  /** Sets a campaign's status, as a helpdesk owner approving or sending it would. */
  setStatus(notificationId: string, status: number): void;
  /** Approves a campaign in review, as the helpdesk owner would. */
  approve(notificationId: string): void;
  /** What only the emulator knows about a campaign: messages delivered and recalled, previews sent. */
  extras(notificationId: string): { readonly delivered: number; readonly recalled: boolean; readonly previews: number };
  /** The helpdesk bot's messages, by receiver id. */
  botMessages(): Readonly<
    Record<string, readonly { message_id: string; msg_type: string; content: string; receive_type: string }[]>
  >;
  /** Opens or closes a ticket for a receiver: a helpdesk chat with an open ticket takes no bot message. */
  setTicketOpen(receiverId: string, open: boolean): void;
  /** Removes a campaign, as deleting it in the Helpdesk console would (the API has no delete). */
  remove(notificationId: string): void;
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** Stops listening. */
  close(): Promise<void>;
}

class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly problem?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

/** Which rate limit a request counts against, if any. */
function limitedEndpoint(method: string, path: string): LimitedEndpoint | undefined {
  if (path === "/open-apis/helpdesk/v1/message" && method === "POST") return "botMessage";
  if (/\/notifications\/[^/]+\/execute_send$/.test(path) && method === "POST") return "executeSend";
  if (path === "/open-apis/helpdesk/v1/notifications" && method === "POST") return "create";
  if (/^\/open-apis\/helpdesk\/v1\/notifications\/[^/]+$/.test(path)) {
    if (method === "PATCH") return "patch";
    if (method === "GET") return "get";
  }
  return undefined;
}

// The error table shared by every page of the seeds.
const errors = {
  badRequest: (problem: string) =>
    new Reply(400, { code: 154000, msg: "Bad request, please check your request body" }, problem),
  unauthorized: (problem: string) =>
    new Reply(401, { code: 154001, msg: "Unauthorized, please check you have the correct access" }, problem),
  notFound: () => new Reply(404, { code: 154004, msg: "Resource not found" }, "no such notification"),
  // Which code Feishu gives for a PATCH of a non-draft is not documented; 154005 is this emulator's choice.
  methodForbidden: (problem: string) => new Reply(405, { code: 154005, msg: "Method Forbidden" }, problem),
  rateLimited: (limit: number, resetSeconds: number) =>
    new Reply(429, { code: 99991400, msg: "request trigger frequency limit" }, "rate limited", {
      "x-ogw-ratelimit-limit": String(limit),
      "x-ogw-ratelimit-reset": String(resetSeconds),
    }),
  // Gateway codes from ../shared/reference; the HTTP status for each is this emulator's choice.
  missingToken: () =>
    new Reply(400, { code: 99991661, msg: "Missing access token for authorization" }, "no Bearer token"),
  invalidToken: () =>
    new Reply(401, { code: 99991663, msg: "Invalid access token for authorization" }, "unknown or expired token"),
};

const ok = (data: unknown) => new Reply(200, { code: 0, msg: "success", data });

const owner = { user_id: "ou_emulator_owner", name: "Emulator Owner", avatar_url: "" };

/** Starts a local emulator of the Feishu Helpdesk notification API. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const credentials = options.credentials ?? demoCredentials;
  const ttl = options.tenantTokenTtlSeconds ?? 7200;
  const organizationSize = options.organizationSize ?? 100;
  const departmentSize = options.departmentSize ?? 10;
  const store = new NotificationStore(options.dataFile);
  const requests: RecordedRequest[] = [];
  const limits =
    options.rateLimits === false
      ? undefined
      : new GatewayRateLimits({ ...documentedLimits, ...options.rateLimits }, options.timeScale ?? 1);
  const faults = options.faults ? new FaultInjector(options.faults) : undefined;
  const sendDurationMs = options.sendDurationMs ?? 2000;

  /** A campaign, moved along with the clock first (see campaign-lifecycle.ts). */
  function current(id: string): WireNotification | undefined {
    const notification = store.get(id);
    if (!notification) return undefined;
    const before = `${notification.status}/${notification.sent_user_count}`;
    advance(notification, store.extras(id), Date.now(), sendDurationMs);
    if (`${notification.status}/${notification.sent_user_count}` !== before) store.put(notification);
    return notification;
  }
  const expectedHelpdesk = Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString("base64");

  function authenticate(headers: http.IncomingHttpHeaders): Reply | undefined {
    const authorization = headers.authorization ?? "";
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (!token) return errors.missingToken();
    const expiry = store.tenantTokenExpiry(token);
    const valid = credentials.userAccessTokens.includes(token) || (expiry !== undefined && expiry > Date.now());
    if (!valid) return errors.invalidToken();
    // The docs send base64(id:token); the official Node SDK prefixes it with "Bearer ". Both are accepted.
    const helpdesk = String(headers["x-lark-helpdesk-authorization"] ?? "").replace(/^Bearer /, "");
    if (helpdesk !== expectedHelpdesk) return errors.unauthorized("wrong or missing X-Lark-Helpdesk-Authorization");
    return undefined;
  }

  function targetUserCount(body: WireNotificationBody): number {
    switch (body.push_scope_type) {
      case 0:
        return organizationSize;
      case 2:
        return (body.user_list?.length ?? 0) + (body.department_list?.length ?? 0) * departmentSize;
      default:
        return 0; // chats only, or new staff who have not joined yet
    }
  }

  function campaignFields(body: WireNotificationBody): WireNotificationBody {
    const { job_name, push_content, push_type, push_scope_type, new_staff_scope_type } = body;
    return {
      job_name,
      push_content,
      push_type,
      push_scope_type,
      new_staff_scope_type,
      new_staff_scope_department_list: body.new_staff_scope_department_list ?? [],
      user_list: (body.user_list ?? []).map((u) => ({ user_id: u.user_id, name: "", avatar_url: "" })),
      department_list: body.department_list ?? [],
      chat_list: body.chat_list ?? [],
      ext: body.ext ?? "",
    };
  }

  /**
   * The five lifecycle calls (../shared/reference/feishu-helpdesk-api.md). Which status each is
   * allowed from, and the 405 / 154005 for the others, are this emulator's choices: Feishu
   * documents neither.
   */
  function lifecycle(id: string, name: string, body: unknown): Reply {
    const notification = current(id);
    if (!notification) return errors.notFound();
    const extras = store.extras(id);
    const b = (body ?? {}) as Record<string, unknown>;
    const move = (status: number, changes: Partial<WireNotification> = {}) => {
      store.put({ ...notification, ...changes, status, updated_at: String(Date.now()) });
    };
    const refuse = () => errors.methodForbidden(`${name} is not allowed at status ${notification.status}`);
    switch (name) {
      case "preview":
        extras.previews += 1;
        store.save();
        return ok({});
      case "submit_approve":
        if (typeof b.reason !== "string") return errors.badRequest("reason is required");
        if (notification.status !== EmulatorStatus.draft) return refuse();
        move(options.autoApprove ? EmulatorStatus.approved : EmulatorStatus.inReview);
        return ok({ has_access: options.autoApprove === true });
      case "cancel_approve":
        if (notification.status !== EmulatorStatus.inReview && notification.status !== EmulatorStatus.approved)
          return refuse();
        move(EmulatorStatus.draft);
        return ok({});
      case "execute_send": {
        const sendAt = Number(b.send_at);
        if (typeof b.send_at !== "string" || !Number.isInteger(sendAt))
          return errors.badRequest("send_at must be a millisecond timestamp string");
        if (sendAt <= Date.now()) return errors.badRequest("send_at is in the past");
        // Rescheduling a scheduled campaign is allowed here; whether Feishu allows it is not documented.
        if (notification.status !== EmulatorStatus.approved && notification.status !== EmulatorStatus.scheduled)
          return refuse();
        move(EmulatorStatus.scheduled, { send_at: String(sendAt) });
        return ok({});
      }
      case "cancel_send": {
        if (typeof b.is_recall !== "boolean") return errors.badRequest("is_recall must be a boolean");
        const cancellable: number[] = [EmulatorStatus.scheduled, EmulatorStatus.sending, EmulatorStatus.sent];
        if (!cancellable.includes(notification.status)) return refuse();
        if (b.is_recall) extras.recalled = true;
        move(EmulatorStatus.cancelled);
        return ok({});
      }
    }
    return errors.notFound();
  }

  /** 服务台机器人向工单绑定的群内发送消息 (seed 004). */
  function botMessage(body: unknown): Reply {
    const b = (body ?? {}) as Record<string, unknown>;
    if (!["text", "post", "image", "interactive"].includes(b.msg_type as string))
      return errors.badRequest("msg_type must be text, post, image or interactive");
    if (typeof b.receiver_id !== "string" || b.receiver_id === "") return errors.badRequest("receiver_id is required");
    const receiveType = b.receive_type ?? "chat";
    if (receiveType !== "chat" && receiveType !== "user") return errors.badRequest("receive_type must be chat or user");
    let content: unknown;
    try {
      content = JSON.parse(String(b.content));
    } catch {
      return errors.badRequest("content must be a JSON string");
    }
    if (typeof content !== "object" || content === null) return errors.badRequest("content must hold a JSON object");
    // "暂不支持新版卡片（JSON 2.0 版本）" and "只支持向没有进行中工单的专属群中发送消息"; the code for each is this emulator's choice.
    if (b.msg_type === "interactive" && (content as { schema?: unknown }).schema === "2.0")
      return errors.badRequest("card JSON 2.0 is not supported");
    if (receiveType === "chat" && store.hasOpenTicket(b.receiver_id))
      return errors.badRequest(`${b.receiver_id} has a ticket in progress`);
    const messageId = `om_${randomBytes(12).toString("hex")}`;
    store.addMessage({
      message_id: messageId,
      msg_type: b.msg_type as string,
      content: String(b.content),
      receiver_id: b.receiver_id,
      receive_type: receiveType,
      at: Date.now(),
    });
    return ok({ message_id: messageId });
  }

  function route(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: http.IncomingHttpHeaders,
    body: unknown,
  ): Reply {
    if (method === "POST" && path === "/open-apis/auth/v3/tenant_access_token/internal") {
      const b = (body ?? {}) as { app_id?: unknown; app_secret?: unknown };
      if (b.app_id !== credentials.appId || b.app_secret !== credentials.appSecret) {
        // Not in the seeds: Feishu answers an invalid app secret with code 10014.
        return new Reply(400, { code: 10014, msg: "app secret invalid" }, "wrong app_id or app_secret");
      }
      const token = `t-emu-${randomBytes(16).toString("hex")}`;
      store.addTenantToken(token, Date.now() + ttl * 1000);
      return new Reply(200, { code: 0, msg: "ok", tenant_access_token: token, expire: ttl });
    }

    const action =
      /^\/open-apis\/helpdesk\/v1\/notifications\/([^/]+)\/(preview|submit_approve|cancel_approve|execute_send|cancel_send)$/.exec(
        path,
      );
    const match = /^\/open-apis\/helpdesk\/v1\/notifications(?:\/([^/]+))?$/.exec(path);
    const message = path === "/open-apis/helpdesk/v1/message";
    if (!match && !action && !message) return new Reply(404, { code: 404, msg: "404 page not found" }, "unknown route");
    const denied = authenticate(headers);
    if (denied) return denied;
    const userIdType = query.get("user_id_type");
    if (userIdType !== null && !["open_id", "union_id", "user_id"].includes(userIdType)) {
      return errors.badRequest(`user_id_type ${userIdType} is not open_id, union_id or user_id`);
    }
    if (message) {
      if (method !== "POST") return errors.methodForbidden(`${method} on the message endpoint`);
      // Seed 004 documents a tenant_access_token for this API; the code for a user token is this emulator's choice.
      const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1] ?? "";
      if (credentials.userAccessTokens.includes(token))
        return errors.unauthorized("the bot message API takes a tenant access token, not a user one");
      return botMessage(body);
    }
    if (action) {
      if (method !== "POST") return errors.methodForbidden(`${method} on ${action[2]}`);
      return lifecycle(decodeURIComponent(action[1]), action[2], body);
    }
    const id = match![1] === undefined ? undefined : decodeURIComponent(match![1]);

    if (method === "POST" && id === undefined) {
      const problem = wireBodyProblem(body);
      if (problem) return errors.badRequest(problem);
      const now = Date.now();
      const fields = campaignFields(body as WireNotificationBody);
      const notification: WireNotification = {
        id: store.nextId(now),
        status: 0,
        ...fields,
        create_user: owner,
        created_at: String(now),
        update_user: owner,
        updated_at: String(now),
        target_user_count: targetUserCount(fields),
        sent_user_count: 0,
        read_user_count: 0,
      };
      store.put(notification);
      return ok({ notification_id: notification.id, status: notification.status });
    }
    if (id === undefined)
      return new Reply(405, { code: 154005, msg: "Method Forbidden" }, `${method} on the collection`);
    const existing = current(id);
    if (method === "GET") {
      if (!existing) return errors.notFound();
      return ok({
        notification: existing,
        approval_app_link: `https://applink.feishu.cn/client/helpdesk/notification?id=${id}`,
      });
    }
    if (method === "PATCH") {
      if (!existing) return errors.notFound();
      if (existing.status !== 0)
        return errors.methodForbidden(`notification ${id} has status ${existing.status}, not 0 (draft)`);
      const problem = wireBodyProblem(body);
      if (problem) return errors.badRequest(problem);
      const fields = campaignFields(body as WireNotificationBody);
      store.put({
        ...existing,
        ...fields,
        target_user_count: targetUserCount(fields),
        update_user: owner,
        updated_at: String(Date.now()),
      });
      return ok({});
    }
    return new Reply(405, { code: 154005, msg: "Method Forbidden" }, `${method} on a notification`);
  }

  /** What a helpdesk owner's action in the console does to a campaign: here, only its status. */
  function setStatus(notificationId: string, status: number): void {
    const existing = store.get(notificationId);
    if (!existing) throw new Error(`no notification ${notificationId}`);
    store.put({ ...existing, status, updated_at: String(Date.now()) });
  }

  function admin(method: string, path: string, body: unknown): Reply | undefined {
    if (!path.startsWith("/__emulator/")) return undefined;
    if (method === "GET" && path === "/__emulator/requests") return new Reply(200, { requests });
    if (method === "DELETE" && path === "/__emulator/requests") {
      requests.length = 0;
      return new Reply(200, {});
    }
    if (method === "GET" && path === "/__emulator/notifications") {
      return new Reply(200, {
        notifications: store.all().map((n) => ({ ...current(n.id), extras: store.extras(n.id) })),
      });
    }
    if (method === "GET" && path === "/__emulator/messages") return new Reply(200, { messages: store.messages() });
    const ticket = /^\/__emulator\/tickets\/([^/]+)$/.exec(path);
    if (ticket && (method === "POST" || method === "DELETE")) {
      store.setTicketOpen(decodeURIComponent(ticket[1]), method === "POST");
      return new Reply(200, {});
    }
    const approval = /^\/__emulator\/notifications\/([^/]+)\/approve$/.exec(path);
    if (method === "POST" && approval) {
      const id = decodeURIComponent(approval[1]);
      if (store.get(id)?.status !== EmulatorStatus.inReview)
        return new Reply(409, { error: "only a campaign in review can be approved" });
      setStatus(id, EmulatorStatus.approved);
      return new Reply(200, { notification: store.get(id) });
    }
    const single = /^\/__emulator\/notifications\/([^/]+)$/.exec(path);
    if (method === "DELETE" && single) {
      return store.remove(decodeURIComponent(single[1]))
        ? new Reply(200, {})
        : new Reply(404, { error: "no such notification" });
    }
    const status = /^\/__emulator\/notifications\/([^/]+)\/status$/.exec(path);
    if (method === "POST" && status) {
      const value = (body as { status?: unknown } | undefined)?.status;
      if (typeof value !== "number" || !Number.isInteger(value))
        return new Reply(400, { error: 'body must be {"status": <integer>}' });
      const id = decodeURIComponent(status[1]);
      if (!store.get(id)) return new Reply(404, { error: "no such notification" });
      setStatus(id, value);
      return new Reply(200, { notification: store.get(id) });
    }
    return new Reply(404, { error: "unknown admin route" });
  }

  const logId = () =>
    `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}${randomBytes(10).toString("hex").toUpperCase()}`;

  function send(res: http.ServerResponse, reply: Reply, api: boolean): void {
    res.writeHead(reply.status, {
      "Content-Type": "application/json; charset=utf-8",
      ...(api ? { "x-tt-logid": logId() } : {}),
      ...reply.headers,
    });
    res.end(JSON.stringify(reply.body));
  }

  /** Answers an API request, with any rate limit or fault applied. */
  async function api(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: unknown,
    unparsable: boolean,
  ): Promise<void> {
    const at = Date.now();
    const method = req.method ?? "GET";
    const record = (reply: Reply | undefined, fault?: FaultKind) => {
      const code = reply ? ((reply.body as { code?: number }).code ?? 0) : -1;
      requests.push({
        at,
        method,
        path: url.pathname,
        status: reply?.status ?? 0,
        code,
        ...(reply?.problem ? { problem: reply.problem } : {}),
        ...(fault ? { fault } : {}),
      });
    };
    const endpoint = limitedEndpoint(method, url.pathname);
    const throttled = endpoint && limits?.hit(endpoint);
    if (throttled) {
      const reply = errors.rateLimited(throttled.limit, throttled.resetSeconds);
      record(reply);
      return send(res, reply, true);
    }

    const fault = faults?.choose(method, url.pathname);
    const cut = () => {
      record(undefined, fault);
      req.socket.destroy();
    };
    switch (fault) {
      case "latency":
        await new Promise((resolve) => setTimeout(resolve, faults!.latencyMs));
        break;
      case "internalError": {
        const reply = new Reply(500, { code: 155000, msg: "Internal error" }, "injected");
        record(reply, fault);
        return send(res, reply, true);
      }
      case "rateLimited": {
        const reply = errors.rateLimited(0, 1);
        record(reply, fault);
        return send(res, reply, true);
      }
      case "dropBeforeCommit":
        return cut();
      case "malformed": {
        const reply = new Reply(200, { error: "upstream unavailable", data: null }, "injected");
        record(reply, fault);
        return send(res, reply, true);
      }
      case "nonJson":
        record(new Reply(502, {}, "injected"), fault);
        res.writeHead(502, { "Content-Type": "text/html", "x-tt-logid": logId() });
        return void res.end("<html><body>502 Bad Gateway</body></html>");
      case "truncated":
        record(new Reply(200, {}, "injected"), fault);
        res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "x-tt-logid": logId() });
        return void res.end('{"code":0,"msg":"success","data":{"notif');
      case "expiredToken": {
        store.revokeTenantTokens();
        const reply = errors.invalidToken();
        record(reply, fault);
        return send(res, reply, true);
      }
    }

    let reply: Reply;
    try {
      reply = unparsable
        ? errors.badRequest("the body is not JSON")
        : route(method, url.pathname, url.searchParams, req.headers, body);
    } catch (error) {
      reply = new Reply(500, { code: 155000, msg: "Internal error" }, (error as Error).message);
    }
    if (fault === "dropAfterCommit") return cut();
    record(reply, fault);
    send(res, reply, true);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://emulator");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      let unparsable = false;
      if (text !== "") {
        try {
          body = JSON.parse(text);
        } catch {
          unparsable = true;
        }
      }
      const adminReply = admin(req.method ?? "GET", url.pathname, body);
      if (adminReply) return send(res, adminReply, false);
      void api(req, res, url, body, unparsable);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    notifications: () => store.all().map((n) => current(n.id)!),
    setStatus,
    approve(notificationId) {
      if (store.get(notificationId)?.status !== EmulatorStatus.inReview)
        throw new Error(`${notificationId} is not in review`);
      setStatus(notificationId, EmulatorStatus.approved);
    },
    extras: (notificationId) => ({ ...store.extras(notificationId) }),
    botMessages: () => store.messages(),
    setTicketOpen: (receiverId, open) => store.setTicketOpen(receiverId, open),
    remove: (notificationId) => store.remove(notificationId),
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
