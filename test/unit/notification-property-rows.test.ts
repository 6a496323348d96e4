import fc from "fast-check";
import type { WireNotification } from "../../provider";
import { changedProperties } from "../../provider/notification/compare";
import { NewStaffScopeType, PushScopeType, PushType } from "../../provider/notification/enums";
import {
  campaignFields,
  campaignProperties,
  listProperties,
  type NormalizedNotificationInputs,
  requiredFields,
} from "../../provider/notification/fields";
import { inputsFromWire, toWireBody } from "../../provider/notification/mapping";
import { NotificationOperations } from "../../provider/notification/operations";
import type { Reporter } from "../../provider/pulumi/reporter";
import {
  requiredServerFields,
  serverFieldNames,
  serverFieldsKeptByUpdate,
} from "../../provider/notification/server-fields";
import { blankInputs, previousInputsOf, upgradeStoredState } from "../../provider/notification/stored-state";

// What the rows of fields.ts and server-fields.ts derive, pinned: these sets were lists written
// by hand before, and the plugin's schema and the state's upgrade depend on them.
describe("the property rows", () => {
  it("derive the required fields, the id lists and the blank inputs", () => {
    expect(requiredFields).toEqual({
      jobName: "job_name",
      pushContent: "push_content",
      pushType: "push_type",
      pushScopeType: "push_scope_type",
    });
    // The id lists are the properties whose absence means an empty list; each is blank when nothing is known.
    const emptyWhenAbsent = campaignProperties.filter((p) =>
      Array.isArray(campaignFields[p].safeParse(undefined).data),
    );
    expect([...listProperties]).toEqual(emptyWhenAbsent);
    expect([...listProperties]).toEqual(
      expect.arrayContaining(["newStaffDepartments", "users", "departments", "chats"]),
    );
    expect(blankInputs).toEqual({
      jobName: "",
      pushContent: "{}",
      pushType: "scheduled",
      pushScopeType: "allMembers",
      ...Object.fromEntries([...listProperties].map((property) => [property, []])),
    });
  });

  it("derive the server fields' lists", () => {
    expect(requiredServerFields).toEqual(["notificationId", "status", "isDraft", "stage"]);
    expect(serverFieldsKeptByUpdate).toEqual(["notificationId", "createdAt", "createUser"]);
    expect(Object.keys(serverFieldNames)).toHaveLength(16);
  });
});

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9_]{1,8}$/).map((id) => `id_${id}`));
/** Every id list of the rows, so a list added later is covered too. */
const lists = Object.fromEntries([...listProperties].map((property) => [property, ids]));
const campaigns: fc.Arbitrary<NormalizedNotificationInputs> = fc
  .record({
    ...lists,
    jobName: fc.string({ minLength: 1 }).filter((name) => name.trim() === name && name !== ""),
    pushContent: fc.dictionary(fc.string(), fc.jsonValue()).map((card) => JSON.stringify(card)),
    pushType: fc.constantFrom(...(Object.keys(PushType) as (keyof typeof PushType)[])),
    pushScopeType: fc.constantFrom(...(Object.keys(PushScopeType) as (keyof typeof PushScopeType)[])),
    newStaffScopeType: fc.constantFrom(...(Object.keys(NewStaffScopeType) as (keyof typeof NewStaffScopeType)[])),
    ext: fc.option(
      fc.string().filter((ext) => ext !== "" && ext !== "{}"),
      { nil: undefined },
    ),
  })
  .map(
    (campaign) =>
      ({
        ...campaign,
        // Feishu holds a new-staff scope only for an onboarding push.
        newStaffScopeType: campaign.pushType === "newStaffOnboarding" ? campaign.newStaffScopeType : undefined,
      }) as NormalizedNotificationInputs,
  );

describe("the wire body and its reverse", () => {
  it("read back from Feishu, any campaign is the campaign sent, whatever was stored before", () => {
    fc.assert(
      fc.property(campaigns, fc.boolean(), (campaign, reversed) => {
        const body = toWireBody(campaign);
        const sent = reversed ? { ...body, chat_list: [...(body.chat_list ?? [])].reverse() } : body;
        const live: WireNotification = { ...sent, id: "1", status: 0 };
        expect(changedProperties(campaign, inputsFromWire(live, campaign))).toEqual([]);
        expect(changedProperties(campaign, inputsFromWire(live, blankInputs))).toEqual([]);
      }),
    );
  });
});

describe("refresh compares an id list as a set, as diff does", () => {
  it("keeps the stored list when Feishu names the same ids, one of them twice", () => {
    const stored = { ...blankInputs, pushScopeType: "chatsOnly", chats: ["oc_a", "oc_b"] } as const;
    const live: WireNotification = { ...toWireBody(stored), id: "1", status: 0 };
    const twice = { ...live, chat_list: [{ chat_id: "oc_b" }, { chat_id: "oc_a" }, { chat_id: "oc_b" }] };
    expect(inputsFromWire(twice, stored).chats).toEqual(["oc_a", "oc_b"]);
  });

  it("takes Feishu's list when it names other ids, each once", () => {
    const stored = { ...blankInputs, pushScopeType: "chatsOnly", chats: ["oc_a"] } as const;
    const live: WireNotification = { ...toWireBody(stored), id: "1", status: 0 };
    const other = { ...live, chat_list: [{ chat_id: "oc_c" }, { chat_id: "oc_d" }, { chat_id: "oc_c" }] };
    expect(inputsFromWire(other, stored).chats).toEqual(["oc_c", "oc_d"]);
  });
});

// The stored state's one migration (stored-state.ts): an older state without its id lists reads
// as one with empty lists, so the next diff sees no change.
describe("upgradeStoredState", () => {
  const current = { ...blankInputs, jobName: "Old", users: ["ou_a"], notificationId: "1", status: 0 };
  const { newStaffDepartments: _n, departments: _d, chats: _c, ...old } = current;

  it("fills the id lists an older state lacks, and leaves a current state as it is", () => {
    expect(upgradeStoredState(old as typeof current)).toEqual(current);
    expect(upgradeStoredState(current)).toEqual(current);
    expect(previousInputsOf(old as typeof current)).toEqual(current);
  });

  it("a lookup (nothing stored) starts from the blank inputs", () => {
    expect(previousInputsOf(undefined)).toEqual(blankInputs);
  });

  it("an older state shows no change against the same program, and calls no one", async () => {
    const warnings: string[] = [];
    const reporter: Reporter = { warn: (message) => warnings.push(message), info: () => undefined };
    const noClient = () => {
      throw new Error("a diff without a change must not call Feishu");
    };
    const operations = new NotificationOperations(noClient, reporter);
    const { notificationId: _i, status: _s, ...program } = current;
    const diff = await operations.diff("1", old as typeof current, program);
    expect(diff.changes).toBe(false);
    expect(warnings).toEqual([]);
  });
});
