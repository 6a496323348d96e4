import { sampleCard } from "../harness/feishu-fixture";

/** A valid scheduled campaign to some members, which each case below breaks in one way. */
export const validCampaign = {
  jobName: "Rule check",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a"],
  pushContent: sampleCard,
};

const newStaff = {
  jobName: "Onboarding",
  pushType: "newStaffOnboarding",
  pushScopeType: "newStaff",
  newStaffScopeType: "allNewStaff",
  pushContent: sampleCard,
};

/** One case per rule of the request-body table (创建推送 / 更新推送): the inputs and the property to blame. */
export const ruleViolations: { rule: string; args: Record<string, unknown>; property: string; says: string }[] = [
  {
    rule: "job_name is required",
    args: { ...validCampaign, jobName: undefined },
    property: "jobName",
    says: "jobName is required",
  },
  {
    rule: "job_name must not be blank",
    args: { ...validCampaign, jobName: "  " },
    property: "jobName",
    says: "must not be empty",
  },
  {
    rule: "push_content is required",
    args: { ...validCampaign, pushContent: undefined },
    property: "pushContent",
    says: "pushContent is required",
  },
  {
    rule: "push_content must be JSON",
    args: { ...validCampaign, pushContent: "{not json" },
    property: "pushContent",
    says: "must be valid JSON",
  },
  {
    rule: "push_content must be a JSON object",
    args: { ...validCampaign, pushContent: "[1, 2]" },
    property: "pushContent",
    says: "must be a JSON object",
  },
  {
    rule: "push_type is required",
    args: { ...validCampaign, pushType: undefined },
    property: "pushType",
    says: "pushType is required",
  },
  {
    rule: "push_type is 0 or 1",
    args: { ...validCampaign, pushType: "weekly" },
    property: "pushType",
    says: 'must be one of "scheduled" (0), "newStaffOnboarding" (1)',
  },
  {
    rule: "push_scope_type is required",
    args: { ...validCampaign, pushScopeType: undefined },
    property: "pushScopeType",
    says: "pushScopeType is required",
  },
  {
    rule: "push_scope_type is 0..3",
    args: { ...validCampaign, pushScopeType: 7 },
    property: "pushScopeType",
    says: "must be one of",
  },
  {
    rule: "push_type 0: push_scope_type ≠ 3",
    args: { ...validCampaign, pushScopeType: "newStaff", users: [] },
    property: "pushScopeType",
    says: 'cannot be "newStaff" (3) when pushType is "scheduled"',
  },
  {
    rule: "push_type 1: push_scope_type 1 or 3",
    args: { ...newStaff, pushScopeType: "someMembers", users: ["ou_a"] },
    property: "pushScopeType",
    says: 'must be "chatsOnly" (1) or "newStaff" (3)',
  },
  {
    rule: "push_type 1: new_staff_scope_type required",
    args: { ...newStaff, newStaffScopeType: undefined },
    property: "newStaffScopeType",
    says: 'is required when pushType is "newStaffOnboarding"',
  },
  {
    rule: "new_staff_scope_type 1: departments required",
    args: { ...newStaff, newStaffScopeType: "departments" },
    property: "newStaffDepartments",
    says: 'must not be empty when newStaffScopeType is "departments"',
  },
  {
    rule: "push_scope_type 0: user_list empty",
    args: { ...validCampaign, pushScopeType: "allMembers" },
    property: "users",
    says: 'must be empty when pushScopeType is "allMembers"',
  },
  {
    rule: "push_scope_type 0: department_list empty",
    args: { ...validCampaign, pushScopeType: "allMembers", users: [], departments: ["od_x"] },
    property: "departments",
    says: 'must be empty when pushScopeType is "allMembers"',
  },
  {
    rule: "push_scope_type 1: user_list empty",
    args: { ...validCampaign, pushScopeType: "chatsOnly", chats: ["oc_x"] },
    property: "users",
    says: 'must be empty when pushScopeType is "chatsOnly"',
  },
  {
    rule: "push_scope_type 1: chat_list required",
    args: { ...validCampaign, pushScopeType: "chatsOnly", users: [] },
    property: "chats",
    says: 'must not be empty when pushScopeType is "chatsOnly"',
  },
  {
    rule: "push_scope_type 2: users or departments",
    args: { ...validCampaign, users: [] },
    property: "users",
    says: 'or departments must not be empty when pushScopeType is "someMembers"',
  },
];
