import { DOCUMENTED_RATE_LIMITS } from "../../../provider/client/api/rate-limits";
import type { Endpoint } from "../../../provider/client/endpoint";
import { FeishuArgumentError } from "../../../provider/client/errors/feishu-argument-error";
import { helpdeskEndpoints } from "../../../provider/client/helpdesk-endpoints";
import { HelpdeskClient } from "../../../provider/client/helpdesk-client";

// The client's methods are rows of one table: these check the table itself (the client's calls
// over HTTP are test/client/'s).

const rows = Object.entries(helpdeskEndpoints);

/** The action words of a row not safe to repeat. */
function wordsOf<Args>(row: Endpoint<Args, unknown>, args: Args) {
  if (row.idempotent) throw new TypeError("a call safe to repeat has no action words");
  return row.words(args);
}

describe("the endpoint table", () => {
  it("has one row per method of HelpdeskClient that calls Feishu", () => {
    const methods = Object.getOwnPropertyNames(HelpdeskClient.prototype).filter(
      (name) => name !== "constructor" && name !== "findNotification", // findNotification is getNotification's
    );
    expect(Object.keys(helpdeskEndpoints).sort()).toEqual(methods.sort());
  });

  it("retries only the read and the full-body PATCH like reads; every other call has its action words", () => {
    const repeatable = rows.filter(([, row]) => row.idempotent).map(([name]) => name);
    expect(repeatable.sort()).toEqual(["getNotification", "patchNotification"]);
    for (const [, row] of rows) if (!row.idempotent) expect(row.method).toBe("POST");
  });

  it("paces each call to a family Feishu limits, or to none", () => {
    for (const [, row] of rows) if (row.pacing !== undefined) expect(DOCUMENTED_RATE_LIMITS).toHaveProperty(row.pacing);
    expect(helpdeskEndpoints.createNotification.pacing).toBe("create");
    expect(helpdeskEndpoints.submitApproval.pacing).toBeUndefined();
  });

  it("words an unknown outcome from the row: what was attempted, and what to check", () => {
    const create = helpdeskEndpoints.createNotification;
    const body = { job_name: "Q3 reminder", push_content: "{}", push_type: 0, push_scope_type: 0 };
    expect(wordsOf(create, { body })).toMatchObject({
      action: 'Creating push campaign "Q3 reminder"',
      jobName: "Q3 reminder",
      advice: expect.stringContaining("Helpdesk console"),
    });
    expect(wordsOf(helpdeskEndpoints.cancelSend, { notificationId: "7", recall: true }).action).toBe(
      "Cancelling the send of push campaign 7 and recalling its messages",
    );
  });

  it("refuses an argument that cannot be sent before anything else, naming it", () => {
    const { executeSend } = helpdeskEndpoints;
    expect(() => executeSend.body!({ notificationId: "", sendAt: Number.NaN })).toThrow(FeishuArgumentError);
    expect(() => executeSend.path({ notificationId: "", sendAt: 0 })).toThrow(/Invalid notificationId/);
    expect(executeSend.path({ notificationId: "a/b", sendAt: 0 })).toBe(
      "/open-apis/helpdesk/v1/notifications/a%2Fb/execute_send",
    );
  });

  it("validates a reply's data: a create without an id, a read without a numeric status", () => {
    expect(helpdeskEndpoints.createNotification.validate!({})).toBe("no data.notification_id in the reply");
    expect(helpdeskEndpoints.createNotification.validate!({ notification_id: "1" })).toBeUndefined();
    expect(helpdeskEndpoints.getNotification.validate!({ notification: { status: "0" } })).toMatch(/numeric status/);
    expect(helpdeskEndpoints.getNotification.validate!({ notification: { status: 0 } })).toBeUndefined();
  });
});
