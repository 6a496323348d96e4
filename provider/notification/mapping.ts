import type { WireNotification, WireNotificationBody } from "../client/wire-types";
import { NewStaffScopeType, nameOf, PushScopeType, PushType } from "./enums";
import { jsonTextEqual } from "../json/json-equal";
import type { NormalizedNotificationInputs } from "./fields";

/** The create/update request body for checked inputs. Every list is sent, so an emptied list is cleared. */
export function toWireBody(inputs: NormalizedNotificationInputs): WireNotificationBody {
  const body: WireNotificationBody = {
    job_name: inputs.jobName,
    push_content: inputs.pushContent,
    push_type: PushType[inputs.pushType],
    push_scope_type: PushScopeType[inputs.pushScopeType],
    new_staff_scope_department_list: inputs.newStaffDepartments.map((department_id) => ({ department_id })),
    user_list: inputs.users.map((user_id) => ({ user_id })),
    department_list: inputs.departments.map((department_id) => ({ department_id })),
    chat_list: inputs.chats.map((chat_id) => ({ chat_id })),
  };
  if (inputs.newStaffScopeType !== undefined) body.new_staff_scope_type = NewStaffScopeType[inputs.newStaffScopeType];
  // Always sent, so removing `ext` from the program clears it rather than keeping the old value.
  body.ext = inputs.ext ?? "";
  return body;
}

/**
 * The ids in a live list, or undefined when they cannot be compared: Feishu leaves `user_id`
 * out unless the app may read it (contact:user.employee_id:readonly), so items without an id
 * say nothing about which users are targeted.
 */
function ids<T>(list: T[] | undefined, key: keyof T): string[] | undefined {
  const found = (list ?? []).map((item) => item[key]);
  if (found.some((id) => typeof id !== "string" || id === "")) return undefined;
  return found as string[];
}

/** ext as the campaign means it: Feishu may answer "" or "{}" for one that was never set. */
const meaningfulExt = (ext: string | undefined) => (ext === undefined || ext === "" || ext === "{}" ? undefined : ext);

/**
 * The inputs that would describe `live`, so that after `pulumi refresh` the next diff compares
 * the program with what Feishu holds. Where `live` says the same as `previous` in other words
 * (a reformatted card, a reordered list), `previous` is kept to avoid noise.
 */
export function inputsFromWire(
  live: WireNotification,
  previous: NormalizedNotificationInputs,
): NormalizedNotificationInputs {
  const liveCard = normalizeCardText(live.push_content);
  const sameSet = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((id) => b.includes(id));
  const keep = (a: readonly string[], b: readonly string[] | undefined) => (b === undefined || sameSet(a, b) ? a : b);
  // A GET may leave a zero-valued field out: only a value it does send can contradict `previous`.
  const newStaffScope =
    live.push_type !== PushType.newStaffOnboarding
      ? undefined
      : live.new_staff_scope_type === undefined
        ? previous.newStaffScopeType
        : (nameOf(NewStaffScopeType, live.new_staff_scope_type) ?? previous.newStaffScopeType);
  return {
    ...previous,
    jobName: live.job_name ?? previous.jobName,
    pushContent:
      liveCard !== undefined && !jsonTextEqual(liveCard, previous.pushContent) ? liveCard : previous.pushContent,
    pushType: nameOf(PushType, live.push_type) ?? previous.pushType,
    pushScopeType: nameOf(PushScopeType, live.push_scope_type) ?? previous.pushScopeType,
    newStaffScopeType: newStaffScope,
    newStaffDepartments: keep(previous.newStaffDepartments, ids(live.new_staff_scope_department_list, "department_id")),
    users: keep(previous.users, ids(live.user_list, "user_id")),
    departments: keep(previous.departments, ids(live.department_list, "department_id")),
    chats: keep(previous.chats, ids(live.chat_list, "chat_id")),
    ext: meaningfulExt(live.ext) === meaningfulExt(previous.ext) ? previous.ext : meaningfulExt(live.ext),
  };
}

/** The card as compact JSON, or undefined if the text is not a JSON object. */
export function normalizeCardText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const card = JSON.parse(text);
    return typeof card === "object" && card !== null && !Array.isArray(card) ? JSON.stringify(card) : undefined;
  } catch {
    return undefined;
  }
}
