import type { InputFailure } from "../pulumi/input-check";
import type { InputProperty, NormalizedNotificationInputs } from "./fields";

/**
 * The request-body rules of 创建推送 / 更新推送 that tie fields together. Each names the
 * property to blame. `known` is false for a property whose value is not known yet; a rule
 * that depends on one is skipped until it is.
 */
export function crossFieldFailures(
  v: NormalizedNotificationInputs,
  known: (p: InputProperty) => boolean,
): InputFailure[] {
  const failures: InputFailure[] = [];
  const fail = (property: InputProperty, reason: string) =>
    failures.push({ property, reason: `${property} ${reason}` });

  if (known("pushType") && known("pushScopeType")) {
    if (v.pushType === "scheduled" && v.pushScopeType === "newStaff") {
      fail(
        "pushScopeType",
        'cannot be "newStaff" (3) when pushType is "scheduled" (0): push_type 0 requires push_scope_type ≠ 3',
      );
    }
    if (v.pushType === "newStaffOnboarding" && v.pushScopeType !== "chatsOnly" && v.pushScopeType !== "newStaff") {
      fail(
        "pushScopeType",
        `must be "chatsOnly" (1) or "newStaff" (3) when pushType is "newStaffOnboarding" (1); got "${v.pushScopeType}"`,
      );
    }
  }
  if (known("pushType") && known("newStaffScopeType")) {
    if (v.pushType === "newStaffOnboarding" && v.newStaffScopeType === undefined) {
      fail(
        "newStaffScopeType",
        'is required when pushType is "newStaffOnboarding" (1): "allNewStaff" (0) or "departments" (1)',
      );
    }
    // Feishu ignores it on a scheduled push; setting it there is almost certainly a mistake.
    if (v.pushType === "scheduled" && v.newStaffScopeType !== undefined) {
      fail(
        "newStaffScopeType",
        'only applies when pushType is "newStaffOnboarding" (1); remove it for a scheduled push',
      );
    }
  }
  if (known("newStaffScopeType") && known("newStaffDepartments")) {
    if (v.newStaffScopeType === "departments" && v.newStaffDepartments.length === 0) {
      fail("newStaffDepartments", 'must not be empty when newStaffScopeType is "departments" (1)');
    }
    if (v.newStaffScopeType !== "departments" && v.newStaffDepartments.length > 0) {
      fail(
        "newStaffDepartments",
        'only applies when newStaffScopeType is "departments" (1); remove it or set newStaffScopeType',
      );
    }
  }
  if (known("sendAt") && v.sendAt !== undefined && v.approval === undefined && known("approval")) {
    failures.push({
      property: "sendAt",
      reason: "sendAt needs approval: Feishu only schedules an approved campaign; add approval: { reason }",
    });
  }
  if (known("pushScopeType")) {
    const membersEmpty = (why: string) => {
      if (known("users") && v.users.length > 0) fail("users", `must be empty when pushScopeType is ${why}`);
      if (known("departments") && v.departments.length > 0)
        fail("departments", `must be empty when pushScopeType is ${why}`);
    };
    if (v.pushScopeType === "allMembers") membersEmpty('"allMembers" (0): the push already goes to everyone');
    if (v.pushScopeType === "chatsOnly") {
      membersEmpty('"chatsOnly" (1): no member is pushed to');
      if (known("chats") && v.chats.length === 0)
        fail("chats", 'must not be empty when pushScopeType is "chatsOnly" (1)');
    }
    if (
      v.pushScopeType === "someMembers" &&
      known("users") &&
      known("departments") &&
      v.users.length + v.departments.length === 0
    ) {
      fail("users", 'or departments must not be empty when pushScopeType is "someMembers" (2)');
    }
  }
  return failures;
}
