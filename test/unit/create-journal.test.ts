import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider/client";
import type { NormalizedNotificationInputs } from "../../provider/notification/fields";
import { CreateJournal, journalDir } from "../../provider/notification/journal/create-journal";
import { NotificationOperations } from "../../provider/notification/operations";
import { blankInputs } from "../../provider/notification/stored-state";
import { randomCredentials, sampleCard } from "../harness/feishu-fixture";

// Issue 24: a run killed between a create's POST and the engine's checkpoint left a pending
// create, and the next `pulumi up` posted the campaign again. The write-ahead journal of
// creates lets the next create of the same resource adopt it, or refuse, but never post twice.
const urn = "urn:pulumi:dev::campaigns::feishu-helpdesk:index:HelpdeskNotification::vpn";
const inputs: NormalizedNotificationInputs = {
  ...blankInputs,
  jobName: "VPN reminder",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a"],
  pushContent: JSON.stringify(sampleCard),
};

describe("the write-ahead journal of creates", () => {
  const credentials = randomCredentials();
  let emulator: RunningEmulator;
  let dir: string;
  let journal: CreateJournal;
  let operations: NotificationOperations;
  const warnings: string[] = [];

  beforeAll(async () => (emulator = await startEmulator({ credentials })));
  afterAll(() => emulator.close());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-"));
    journal = new CreateJournal(dir);
    const client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    operations = new NotificationOperations(() => client, { warn: (m: string) => warnings.push(m) } as never, {
      journal,
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const held = () => emulator.notifications().length;

  it("writes the intent before the POST and the id after", async () => {
    const before = held();
    const { id } = await operations.create(inputs, urn);
    expect(held()).toBe(before + 1);
    expect(journal.find(urn)).toMatchObject({ urn, jobName: "VPN reminder", id });
    operations.forgetCreate(urn);
    expect(journal.find(urn)).toBeUndefined();
  });

  it("adopts a campaign an interrupted run created (its id recorded), with no second POST", async () => {
    const first = await operations.create(inputs, urn); // the engine never recorded it: the CLI was killed
    const before = held();
    const again = await operations.create(inputs, urn);
    expect(again.id).toBe(first.id);
    expect(held()).toBe(before);
    expect(warnings.join("\n")).toContain(`Push campaign ${first.id} ("VPN reminder") was created at`);
  });

  it("refuses, never posts, when the interrupted run's answer never came (no id)", async () => {
    journal.write({ urn, jobName: "VPN reminder", startedAt: "2026-12-06T23:00:00.000Z" });
    const before = held();
    const error = await operations.create(inputs, urn).catch((caught: Error) => caught);
    expect(held()).toBe(before);
    expect(String(error)).toContain('Not creating "VPN reminder" again: an earlier run began creating it at');
    expect(String(error)).toContain("set adoptId to its id");
    expect(String(error)).toContain(journal.fileOf(urn));
  });

  it("creates anew when the recorded campaign is gone from Feishu", async () => {
    journal.write({ urn, jobName: "VPN reminder", startedAt: "2026-12-06T23:00:00.000Z", id: "7999999999999999999" });
    const before = held();
    const { id } = await operations.create(inputs, urn);
    expect(held()).toBe(before + 1);
    expect(journal.find(urn)?.id).toBe(id);
  });

  it("takes a damaged entry as an answer that never came", () => {
    fs.writeFileSync(journal.fileOf(urn), "{not json");
    expect(journal.find(urn)).toBeDefined();
    expect(journal.find(urn)?.id).toBeUndefined();
  });

  it("lives in FEISHU_HELPDESK_JOURNAL_DIR, else under PULUMI_HOME, else ~/.pulumi", () => {
    expect(journalDir({ FEISHU_HELPDESK_JOURNAL_DIR: "/cache/j" })).toBe("/cache/j");
    expect(journalDir({ PULUMI_HOME: "/ph" })).toBe("/ph/feishu-helpdesk/create-journal");
    expect(journalDir({})).toBe(path.join(os.homedir(), ".pulumi", "feishu-helpdesk", "create-journal"));
  });
});
