import * as http from "node:http";
import * as lark from "@larksuiteoapi/node-sdk";
import fetch from "node-fetch";
import { startEmulator } from "../emulator";
import { HelpdeskClient } from "../provider";
import { body, calls, credentials, unpaced, userToken } from "./settings";
import { pacedRatio, summarize, timed } from "./stats";

/**
 * A Lark SDK client with a token cache of its own: by default the SDK shares one cache per
 * process, keyed by app id, and keeps a token that a different (or restarted) server rejects.
 */
export function larkClient(url: string): lark.Client {
  const entries = new Map<unknown, { value: unknown; expire?: number }>();
  const cache = {
    set: async (key: unknown, value: unknown, expire?: number) => {
      entries.set(key, { value, expire });
      return true;
    },
    get: async (key: unknown) => {
      const entry = entries.get(key);
      return entry && (entry.expire === undefined || entry.expire > Date.now()) ? entry.value : undefined;
    },
  };
  return new lark.Client({
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    helpDeskId: credentials.helpdeskId,
    helpDeskToken: credentials.helpdeskToken,
    domain: url,
    loggerLevel: lark.LoggerLevel.error,
    cache,
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Client overhead: the same create / patch / get through this package's client, plain
//    node-fetch (keep-alive, the same headers), and the official Lark Node SDK.
export async function clientOverhead() {
  const emulator = await startEmulator({ credentials, rateLimits: false });
  const ours = new HelpdeskClient({
    baseUrl: emulator.url,
    credentials: {
      helpdeskId: credentials.helpdeskId,
      helpdeskToken: credentials.helpdeskToken,
      userAccessToken: userToken,
    },
    rateLimits: JSON.parse(unpaced),
  });
  const agent = new http.Agent({ keepAlive: true });
  const headers = {
    Authorization: `Bearer ${userToken}`,
    "X-Lark-Helpdesk-Authorization": Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString(
      "base64",
    ),
    "Content-Type": "application/json; charset=utf-8",
  };
  const plain = async (method: string, route: string, payload?: unknown) => {
    const response = await fetch(`${emulator.url}/open-apis/helpdesk/v1/notifications${route}?user_id_type=open_id`, {
      method,
      headers,
      agent,
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const json = (await response.json()) as { code: number; data?: { notification_id?: string } };
    if (json.code !== 0) throw new Error(`plain ${method} failed: ${json.code}`);
    return json;
  };
  const sdk = larkClient(emulator.url);
  // The SDK fetches and caches its own tenant token, as its users run it.
  const sdkOptions = () => lark.withHelpDeskCredential();

  const id = {
    ours: (await ours.createNotification(body)).notificationId,
    fetch: (await plain("POST", "", body)).data!.notification_id!,
    sdk: (await sdk.helpdesk.v1.notification.create({ data: body }, sdkOptions())).data!.notification_id!,
  };
  const clients = {
    ours: {
      create: () => ours.createNotification(body),
      patch: () => ours.patchNotification(id.ours, body),
      get: () => ours.getNotification(id.ours),
    },
    fetch: {
      create: () => plain("POST", "", body),
      patch: () => plain("PATCH", `/${id.fetch}`, body),
      get: () => plain("GET", `/${id.fetch}`),
    },
    sdk: {
      create: () => sdk.helpdesk.v1.notification.create({ data: body }, sdkOptions()),
      patch: () => sdk.helpdesk.v1.notification.patch({ path: { notification_id: id.sdk }, data: body }, sdkOptions()),
      get: () => sdk.helpdesk.v1.notification.get({ path: { notification_id: id.sdk } }, sdkOptions()),
    },
  };
  const rows = [];
  for (const op of ["create", "patch", "get"] as const) {
    const result = {} as Record<"ours" | "fetch" | "sdk", { median: number; p95: number }>;
    // Interleaved rounds, so drift in the machine's load falls on all three alike.
    const samples: Record<string, number[]> = { ours: [], fetch: [], sdk: [] };
    // The order turns each round: whatever a call leaves behind (the SDK's axios, say, finishing
    // its response and collecting its garbage) must not always land on the same next client.
    const names = ["ours", "fetch", "sdk"] as const;
    for (let round = 0; round < calls + 20; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length];
        const ms = await timed(clients[name][op]);
        if (round >= 20) samples[name].push(ms);
      }
    }
    for (const name of ["ours", "fetch", "sdk"] as const) result[name] = summarize(samples[name]);
    rows.push({
      op,
      ...result,
      vsFetch: result.ours.median / result.fetch.median,
      vsSdk: result.ours.median / result.sdk.median,
    });
  }
  await emulator.close();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 4. Paced throughput: the documented limits scaled 60x in the emulator and in the client.
export async function pacedThroughput() {
  const emulator = await startEmulator({ credentials, timeScale: 60 });
  const client = new HelpdeskClient({
    baseUrl: emulator.url,
    credentials: { ...credentials, userAccessToken: undefined },
    rateLimitWindowMs: 1000,
  });
  await Promise.all(Array.from({ length: 40 }, () => client.createNotification(body)));
  const id = emulator.notifications()[0].id;
  emulator.clearRequests();
  const getsStart = emulator.requests.length;
  await Promise.all(Array.from({ length: 400 }, () => client.getNotification(id)));
  const creates = emulator.notifications().map((n) => Number(n.created_at));
  const gets = emulator.requests
    .slice(getsStart)
    .filter((r) => r.method === "GET")
    .map((r) => r.at);
  const throttled = emulator.requests.filter((r) => r.status === 429).length;
  await emulator.close();
  return { create: pacedRatio(creates, 1000, 10), get: pacedRatio(gets, 1000, 100), throttled };
}
