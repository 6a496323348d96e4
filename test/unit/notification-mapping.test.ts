import type { WireNotification } from "../../provider";
import { changedProperties } from "../../provider/notification/compare";
import type { NormalizedNotificationInputs } from "../../provider/notification/fields";
import { inputsFromWire, toWireBody } from "../../provider/notification/mapping";

const previous: NormalizedNotificationInputs = {
  jobName: "Onboarding",
  pushContent: '{"elements":[]}',
  pushType: "newStaffOnboarding",
  pushScopeType: "newStaff",
  newStaffScopeType: "departments",
  newStaffDepartments: ["od_a"],
  users: [],
  departments: [],
  chats: ["oc_b", "oc_a"],
};
const live: WireNotification = {
  id: "1",
  status: 0,
  job_name: "Onboarding",
  push_content: '{ "elements": [ ] }',
  push_type: 1,
  push_scope_type: 3,
  new_staff_scope_type: 1,
  new_staff_scope_department_list: [{ department_id: "od_a", name: "A" }],
  chat_list: [{ chat_id: "oc_a" }, { chat_id: "oc_b" }],
};

// What refresh turns a live campaign into: no drift where Feishu says the same in other words.
describe("inputsFromWire", () => {
  it("sees no change in a reformatted card, reordered lists, or fields a GET leaves out", () => {
    const { new_staff_scope_type: _, ...withoutZeroValue } = live;
    for (const campaign of [live, withoutZeroValue, { ...live, ext: "{}" }, { ...live, ext: "" }]) {
      expect(changedProperties(previous, inputsFromWire(campaign, previous))).toEqual([]);
    }
  });

  it("keeps user ids Feishu does not return without the employee-id permission", () => {
    const withUsers = {
      ...previous,
      pushType: "scheduled",
      pushScopeType: "someMembers",
      newStaffScopeType: undefined,
      newStaffDepartments: [],
      users: ["u1", "u2"],
    } as const;
    const liveUsers = { ...live, push_type: 0, push_scope_type: 2, user_list: [{ name: "" }, { name: "" }] };
    expect(inputsFromWire(liveUsers, withUsers).users).toEqual(["u1", "u2"]);
  });

  it("reports real drift", () => {
    const edited = { ...live, job_name: "Edited", chat_list: [{ chat_id: "oc_a" }], ext: "x" };
    expect(changedProperties(previous, inputsFromWire(edited, previous)).sort()).toEqual(["chats", "ext", "jobName"]);
  });
});

describe("toWireBody", () => {
  it("sends every list and ext, so an emptied list or a removed ext is cleared", () => {
    const body = toWireBody({ ...previous, chats: [] });
    expect(body).toMatchObject({ chat_list: [], user_list: [], department_list: [], ext: "", new_staff_scope_type: 1 });
  });
});
