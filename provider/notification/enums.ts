/**
 * Friendly names for the API's integer enums. The numbers are the documented ones
 * (创建推送, request body table); the names are this package's.
 */

/** `push_type`: when the campaign goes out. */
export const PushType = {
  /** 0 — 定时推送: a push sent at a time set later (execute_send). */
  scheduled: 0,
  /** 1 — 新人入职推送: sent to people as they join. */
  newStaffOnboarding: 1,
} as const;
/** A `push_type` by name. */
export type PushType = keyof typeof PushType;

/** `push_scope_type`: whose helpdesk chat receives it. Group chats (`chats`) are independent of this. */
export const PushScopeType = {
  /** 0 — 组织内全部成员: everyone in the organization; `users` and `departments` must be empty. */
  allMembers: 0,
  /** 1 — 不推送任何成员: no members, group chats only; `users` and `departments` empty, `chats` not. */
  chatsOnly: 1,
  /** 2 — 推送到部分成员: the listed `users` and/or `departments`; at least one of them. */
  someMembers: 2,
  /** 3 — 入职新人: new staff; only with pushType `newStaffOnboarding`. */
  newStaff: 3,
} as const;
/** A `push_scope_type` by name. */
export type PushScopeType = keyof typeof PushScopeType;

/** `new_staff_scope_type`: which new staff, for pushType `newStaffOnboarding`. */
export const NewStaffScopeType = {
  /** 0 — 组织内所有新人: all new staff. */
  allNewStaff: 0,
  /** 1 — 组织内特定的部门: new staff of `newStaffDepartments`, which must not be empty. */
  departments: 1,
} as const;
/** A `new_staff_scope_type` by name. */
export type NewStaffScopeType = keyof typeof NewStaffScopeType;

/** The name for `value` in `table`, or undefined for a number the documentation does not list. */
export function nameOf<T extends Record<string, number>>(table: T, value: number): keyof T | undefined {
  return (Object.keys(table) as (keyof T)[]).find((name) => table[name] === value);
}
