import { ManualClock, type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider/client";
import { serverTimeOf } from "../../provider/client/server-time";
import { liveCampaignOf } from "../../provider/notification/plan";
import { stageOf } from "../../provider/notification/stage";
import { randomCredentials, wireNotification } from "../harness/feishu-fixture";

// A campaign's stage is judged by Feishu's clock, read from the reply's HTTP Date header.
describe("serverTimeOf", () => {
  it.each([
    ["an RFC 9110 date", "Sun, 22 Nov 2026 05:41:21 GMT", Date.UTC(2026, 10, 22, 5, 41, 21)],
    ["the epoch", "Thu, 01 Jan 1970 00:00:00 GMT", 0],
    ["a missing header", undefined, undefined],
    ["an empty header", "", undefined],
    ["an unreadable header", "not a date", undefined],
  ])("reads %s", (_, header, expected) => {
    expect(serverTimeOf(header)).toBe(expected);
  });
});

describe("stage inference with the server's time", () => {
  const sendAt = 1_900_000_000_000;
  const live = wireNotification({ send_at: String(sendAt), target_user_count: 2, sent_user_count: 2 });

  it("follows the server's time, not the local clock", () => {
    // The local clock (now, 2026) is far before sendAt (2030): only the server's time says it went out.
    expect(stageOf(live, {}, sendAt + 1000)).toBe("sent");
    expect(liveCampaignOf(live, {}, sendAt + 1000).stage).toBe("sent");
    expect(stageOf(live, {}, sendAt - 1000)).toBe("scheduled");
  });

  it("falls back to the local clock without a server time", () => {
    expect(stageOf(live, {}, undefined)).toBe("scheduled");
    expect(liveCampaignOf(live, {}).stage).toBe("scheduled");
    expect(stageOf({ ...live, send_at: String(Date.now() - 1000) }, {}, undefined)).toBe("sent");
  });
});

describe("FetchedNotification.serverTime", () => {
  const credentials = randomCredentials();
  const clock = new ManualClock({ start: Date.UTC(2031, 0, 2, 3, 4, 5, 600) });
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ credentials, clock });
  });
  afterAll(() => emulator.close());

  it("is the emulator's clock, from its Date header, to the second", async () => {
    const client = new HelpdeskClient({
      baseUrl: emulator.url,
      credentials,
      pacing: false,
    });
    const { notificationId } = await client.createNotification({
      job_name: "Clock",
      push_content: JSON.stringify({ elements: [] }),
      push_type: 0,
      push_scope_type: 2,
      user_list: [{ user_id: "ou_a" }],
    });
    expect((await client.getNotification(notificationId)).serverTime).toBe(Date.UTC(2031, 0, 2, 3, 4, 5));
    clock.advance(3_600_000);
    expect((await client.findNotification(notificationId))?.serverTime).toBe(Date.UTC(2031, 0, 2, 4, 4, 5));
  });
});
