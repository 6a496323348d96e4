import type { FetchedNotification } from "../../provider/client/helpdesk-client";
import { RECENT_READ_MS, RecentReads } from "../../provider/notification/recent-reads";

const fetched = (status: number): FetchedNotification => ({
  notification: { id: "7", job_name: "A", push_content: "{}", push_type: 0, push_scope_type: 0, status },
  approvalAppLink: undefined,
  logId: undefined,
});

describe("RecentReads", () => {
  it("gives a read back within the same operation, not after RECENT_READ_MS, nor after a write", () => {
    let now = 0;
    const reads = new RecentReads(() => now);
    const client = {};
    reads.remember("7", client, fetched(0));
    now = RECENT_READ_MS - 1;
    expect(reads.get("7", client)?.notification.status).toBe(0);
    now = RECENT_READ_MS;
    expect(reads.get("7", client)).toBeUndefined();
    reads.remember("7", client, fetched(0));
    reads.forget("7");
    expect(reads.get("7", client)).toBeUndefined();
  });

  it("keeps one tenant's read from answering for another's campaign of the same id", () => {
    const reads = new RecentReads(() => 0);
    reads.remember("7", { tenant: "a" }, fetched(0));
    expect(reads.get("7", { tenant: "b" })).toBeUndefined();
  });
});
