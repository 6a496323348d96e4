import { EmulatorStatus, ManualClock } from "../../emulator";
import { FeishuErrorCode } from "../../provider/client/api/error-codes";
import { draftBody, emulatorWithCredentials, notificationsApi as api, postCampaign, rawRequest } from "./raw-http";

// The emulator's injectable clock: a test moves time instead of waiting for it.
describe("the emulator on a manual clock", () => {
  it("sends a scheduled campaign when the clock passes send_at, without waiting", async () => {
    const clock = new ManualClock({ start: Date.UTC(2030, 0, 1) });
    const { emulator, authHeaders } = await emulatorWithCredentials({
      clock,
      autoApprove: true,
      sendDurationMs: 10_000,
    });
    try {
      const call = (method: string, target: string, body?: unknown) =>
        rawRequest(emulator.url, {
          method,
          target,
          headers: authHeaders,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const id = (await call("POST", api, draftBody)).json!.data.notification_id;
      expect(emulator.notifications()[0].created_at).toBe(String(clock.now()));
      await call("POST", `${api}/${id}/submit_approve`, { reason: "go" });
      const sendAt = clock.now() + 60_000;
      expect((await call("POST", `${api}/${id}/execute_send`, { send_at: String(sendAt) })).json!.code).toBe(0);

      clock.advance(59_999);
      expect((await call("GET", `${api}/${id}`)).json!.data.notification.status).toBe(EmulatorStatus.scheduled);
      clock.advance(5_001); // half way through the send
      expect((await call("GET", `${api}/${id}`)).json!.data.notification).toMatchObject({
        status: EmulatorStatus.sending,
        sent_user_count: 50,
      });
      clock.advanceTo(sendAt + 10_000);
      expect((await call("GET", `${api}/${id}`)).json!.data.notification).toMatchObject({
        status: EmulatorStatus.sent,
        sent_user_count: 100,
      });
      // A send time the emulator's clock has passed is refused, whatever the wall clock says.
      const late = await call("POST", `${api}/${id}/execute_send`, { send_at: String(clock.now() - 1) });
      expect([late.status, late.json!.code]).toEqual([400, FeishuErrorCode.badRequest]);
    } finally {
      await emulator.close();
    }
  });

  it("expires tenant tokens by its clock", async () => {
    const clock = new ManualClock();
    const { emulator, credentials, authHeaders } = await emulatorWithCredentials({ clock, tenantTokenTtlSeconds: 60 });
    try {
      const token = await rawRequest(emulator.url, {
        method: "POST",
        target: "/open-apis/auth/v3/tenant_access_token/internal",
        body: JSON.stringify({ app_id: credentials.appId, app_secret: credentials.appSecret }),
      });
      expect(token.json).toMatchObject({ code: 0, expire: 60 });
      const headers = { ...authHeaders, Authorization: `Bearer ${token.json!.tenant_access_token}` };
      const get = () => rawRequest(emulator.url, { method: "GET", target: `${api}/1`, headers });
      expect((await get()).json!.code).toBe(FeishuErrorCode.notFound);
      clock.advance(60_000);
      expect((await get()).json!.code).toBe(FeishuErrorCode.accessTokenInvalid);
    } finally {
      await emulator.close();
    }
  });

  it("opens a new rate-limit window when its clock moves a minute on", async () => {
    const clock = new ManualClock({ start: 0 });
    const { emulator, authHeaders } = await emulatorWithCredentials({ clock, rateLimits: { create: 2 } });
    try {
      const create = async () => (await postCampaign(emulator.url, authHeaders)).status;
      expect([await create(), await create(), await create()]).toEqual([200, 200, 429]);
      clock.advance(60_000);
      expect(await create()).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it("only moves forward", () => {
    const clock = new ManualClock({ start: 1000 });
    clock.advanceTo(500);
    expect(clock.now()).toBe(1000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
