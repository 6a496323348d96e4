import { type EmulatorOptions, ManualClock, type RunningEmulator, startEmulator } from "../../emulator";
import {
  FeishuApiError,
  FeishuCancelledError,
  FeishuOutcomeUnknownError,
  FeishuResponseError,
  HelpdeskClient,
  type HelpdeskClientOptions,
  type WaitNotice,
  type WireNotificationBody,
} from "../../provider";
import { randomCredentials } from "../harness/feishu-fixture";

const body = (n: number): WireNotificationBody => ({
  job_name: `Campaign ${n}`,
  push_content: "{}",
  push_type: 0,
  push_scope_type: 0,
});
const credentials = randomCredentials();
const tenant = { ...credentials, userAccessToken: undefined };

// Pacing, retries and faults, client against emulator over HTTP. The emulator's minute is
// scaled by 200 (a 300 ms window), and so is the client's, so each case takes well under a second.
describe("HelpdeskClient under throttling and faults", () => {
  let emulator: RunningEmulator;
  const start = async (options: EmulatorOptions = {}) => {
    emulator = await startEmulator({ credentials, timeScale: 200, ...options });
  };
  const client = (options: Partial<HelpdeskClientOptions> = {}) =>
    new HelpdeskClient({
      baseUrl: emulator.url,
      credentials: tenant,
      rateLimitWindowMs: 300,
      retryBaseDelayMs: 10,
      ...options,
    });
  afterEach(() => emulator?.close());
  const creates = () => emulator.requests.filter((r) => r.method === "POST" && r.path.endsWith("/notifications"));

  it("paces 25 parallel creates under the limit: no 429, and says why it waits", async () => {
    await start();
    const notices: WaitNotice[] = [];
    await Promise.all(
      Array.from({ length: 25 }, (_, n) => client({ onWait: (w) => notices.push(w) }).createNotification(body(n))),
    );
    expect(emulator.notifications()).toHaveLength(25);
    expect(creates().filter((r) => r.status === 429)).toEqual([]);
    expect(notices[0]).toMatchObject({ endpoint: "create", limit: 10, windowMs: 300 });
  });

  it("honours 429 and x-ogw-ratelimit-reset when its own pacing allows more than Feishu", async () => {
    // The emulator's window stays put until it has throttled a call, so the first 15 creates share
    // one window however slowly a loaded machine sends them; then windows pass so retries go through.
    const clock = new ManualClock();
    await start({ clock });
    const windows = setInterval(() => {
      if (creates().some((r) => r.status === 429)) clock.advance(300);
    }, 50);
    try {
      await Promise.all(
        Array.from({ length: 15 }, (_, n) => client({ rateLimits: { create: 1000 } }).createNotification(body(n))),
      );
    } finally {
      clearInterval(windows);
    }
    expect(creates().filter((r) => r.status === 429).length).toBeGreaterThan(0);
    // Retried POSTs were throttled, never processed: exactly one campaign each.
    expect(
      emulator
        .notifications()
        .map((n) => n.job_name)
        .sort(),
    ).toEqual(Array.from({ length: 15 }, (_, n) => `Campaign ${n}`).sort());
  });

  it("gives up a call waiting for its pacing slot once the run is cancelled, and sends nothing more", async () => {
    await start({ rateLimits: false });
    const cancel = new AbortController();
    const c = client({ rateLimits: { create: 1 }, rateLimitWindowMs: 60_000, signal: cancel.signal });
    await c.createNotification(body(1));
    const waiting = c.createNotification(body(2)).then(
      () => "created",
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cancelledAt = Date.now();
    cancel.abort();
    const outcome = await waiting;
    expect(FeishuCancelledError.isInstance(outcome)).toBe(true);
    expect(Date.now() - cancelledAt).toBeLessThan(5_000); // not the minute's window
    expect(creates()).toHaveLength(1);
  });

  it("retries reads through server errors, cut connections and unreadable replies", async () => {
    await start({
      faults: {
        seed: 3,
        rules: [
          {
            method: "GET",
            rate: 0.5,
            kinds: ["internalError", "dropBeforeCommit", "dropAfterCommit", "malformed", "nonJson", "truncated"],
          },
        ],
      },
    });
    const c = client();
    const { notificationId } = await c.createNotification(body(1));
    for (let i = 0; i < 10; i++) expect((await c.getNotification(notificationId)).notification.id).toBe(notificationId);
    expect(emulator.requests.filter((r) => r.fault).length).toBeGreaterThan(0);
  });

  it("times out a slow read and retries it", async () => {
    await start({ faults: { latencyMs: 500, rules: [{ method: "GET", rate: 1, limit: 1, kinds: ["latency"] }] } });
    const retries: unknown[] = [];
    const c = client({ timeoutMs: 200, onRetry: (notice) => retries.push(notice.error) });
    const { notificationId } = await c.createNotification(body(1));
    expect((await c.getNotification(notificationId)).notification.id).toBe(notificationId);
    expect(retries).toEqual([expect.objectContaining({ name: "FeishuNetworkError", timedOut: true })]);
  });

  it.each(["malformed", "nonJson", "truncated"] as const)(
    "gives a typed error naming the endpoint for a %s reply",
    async (kind) => {
      await start({ faults: { rules: [{ rate: 1, kinds: [kind], pathIncludes: "/helpdesk/" }] } });
      const get = await client({ retryDeadlineMs: 100 })
        .getNotification("7000000000000000001")
        .catch((e: unknown) => e);
      expect(FeishuResponseError.isInstance(get)).toBe(true);
      expect((get as FeishuResponseError).endpoint).toBe(
        "GET /open-apis/helpdesk/v1/notifications/7000000000000000001",
      );
      const create = await client()
        .createNotification(body(1))
        .catch((e: unknown) => e);
      expect(FeishuOutcomeUnknownError.isInstance(create)).toBe(true);
      expect((create as FeishuOutcomeUnknownError).endpoint).toBe("POST /open-apis/helpdesk/v1/notifications");
    },
  );

  it("never repeats a create whose connection dropped after Feishu committed it", async () => {
    await start({
      faults: {
        rules: [{ method: "POST", pathIncludes: "/notifications", rate: 1, limit: 1, kinds: ["dropAfterCommit"] }],
      },
    });
    const error = await client()
      .createNotification(body(7))
      .catch((e: unknown) => e);
    expect(FeishuOutcomeUnknownError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ jobName: "Campaign 7", endpoint: "POST /open-apis/helpdesk/v1/notifications" });
    expect((error as FeishuOutcomeUnknownError).sentAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const message = (error as Error).message;
    expect(message).toMatch(/^Creating push campaign "Campaign 7" may have succeeded: /);
    expect(message).toContain("look for it in the Helpdesk console");
    // The client's advice is about Feishu; the Pulumi provider adds its own.
    expect(message).not.toMatch(/pulumi|adoptId/i);
    expect(emulator.notifications()).toHaveLength(1);
    expect(creates()).toHaveLength(1);
  });

  it("fetches a new tenant token once when Feishu says it expired; a user token is reported", async () => {
    await start({ faults: { rules: [{ method: "GET", rate: 1, limit: 1, kinds: ["expiredToken"] }] } });
    const c = client();
    const { notificationId } = await c.createNotification(body(1));
    expect((await c.getNotification(notificationId)).notification.id).toBe(notificationId);
    expect(emulator.requests.filter((r) => r.path.includes("tenant_access_token"))).toHaveLength(2);

    await emulator.close();
    await start({ faults: { rules: [{ method: "GET", rate: 1, limit: 1, kinds: ["expiredToken"] }] } });
    const user = client({
      credentials: {
        helpdeskId: credentials.helpdeskId,
        helpdeskToken: credentials.helpdeskToken,
        userAccessToken: credentials.userAccessTokens[0],
      },
    });
    const error = await user.getNotification(notificationId).catch((e: unknown) => e);
    expect(FeishuApiError.isInstance(error) && error.code).toBe(99991663);
    expect((error as Error).message).toContain("refresh the user access token");
  });
});
