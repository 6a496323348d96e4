import fc from "fast-check";
import { FeishuNetworkError, FeishuOutcomeUnknownError } from "../../provider/client";
import { NotificationOutcomeUnknownError } from "../../provider";

const unknown = (cause: Error) =>
  new FeishuOutcomeUnknownError({
    endpoint: "POST /open-apis/helpdesk/v1/notifications",
    action: 'Creating push campaign "Q3 reminder"',
    jobName: "Q3 reminder",
    sentAt: "2026-11-22T07:00:00.000Z",
    advice: "Look in the Helpdesk console.",
    cause,
  });

describe("NotificationOutcomeUnknownError's message", () => {
  it("ends the cause's sentence with one full stop (a timed-out create)", () => {
    const timedOut = new FeishuNetworkError({
      request: { method: "POST", url: "https://open.feishu.cn/open-apis/helpdesk/v1/notifications", headers: {} },
      timedOutAfterMs: 30_000,
      cause: new Error("aborted"),
    });
    const { message } = new NotificationOutcomeUnknownError({
      call: "create",
      jobName: "Q3 reminder",
      cause: unknown(timedOut),
    });
    expect(message).toContain("a longer timeoutMs gives it more time. Sent at");
    expect(message).not.toContain("..");
  });

  it("never doubles a full stop, whatever the cause says", () => {
    const sentence = fc
      .string({ minLength: 1 })
      .filter((s) => !s.includes(".."))
      .map((s) => s.replace(/^\.+/, ""));
    fc.assert(
      fc.property(
        sentence,
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("create", "submit") as fc.Arbitrary<"create" | "submit">,
        (text, stops, call) => {
          const { message } = new NotificationOutcomeUnknownError({
            call,
            notificationId: call === "create" ? undefined : "7000000000000000001",
            jobName: "Q3 reminder",
            cause: unknown(new Error(text + ".".repeat(stops))),
          });
          expect(message).not.toContain("..");
        },
      ),
    );
  });
});
