import { jsonNestingDepth } from "./request-input";

/**
 * The request-body rules of 创建推送 / 更新推送, checked on the wire shape, written separately
 * from the provider's input schema so that tests of one are not tests of the other.
 * Returns the first broken rule, or undefined.
 */
export function wireBodyProblem(body: unknown, maxJsonDepth = 32): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body is not a JSON object";
  const b = body as Record<string, unknown>;
  if (typeof b.job_name !== "string" || b.job_name.trim() === "") return "job_name is required";
  if (typeof b.push_content !== "string") return "push_content is required and must be a string";
  // The card is JSON inside a string: held to the same nesting limit as the body, before parsing.
  if (jsonNestingDepth(b.push_content, maxJsonDepth) > maxJsonDepth)
    return `push_content is nested deeper than ${maxJsonDepth} levels`;
  try {
    const card = JSON.parse(b.push_content);
    if (typeof card !== "object" || card === null || Array.isArray(card)) return "push_content must hold a JSON object";
  } catch {
    return "push_content is not valid JSON";
  }
  if (b.push_type !== 0 && b.push_type !== 1) return "push_type must be 0 or 1";
  if (![0, 1, 2, 3].includes(b.push_scope_type as number)) return "push_scope_type must be 0, 1, 2 or 3";
  if (b.new_staff_scope_type !== undefined && b.new_staff_scope_type !== 0 && b.new_staff_scope_type !== 1) {
    return "new_staff_scope_type must be 0 or 1";
  }
  const lists: [string, string][] = [
    ["user_list", "user_id"],
    ["department_list", "department_id"],
    ["chat_list", "chat_id"],
    ["new_staff_scope_department_list", "department_id"],
  ];
  const length: Record<string, number> = {};
  for (const [list, key] of lists) {
    const value = b[list];
    if (value === undefined || value === null) {
      length[list] = 0;
      continue;
    }
    if (!Array.isArray(value)) return `${list} must be an array`;
    if (
      value.some(
        (item) => typeof item !== "object" || item === null || typeof item[key] !== "string" || item[key] === "",
      )
    ) {
      return `every ${list} item needs a ${key}`;
    }
    length[list] = value.length;
  }
  if (b.ext !== undefined && typeof b.ext !== "string") return "ext must be a string";

  const scope = b.push_scope_type;
  if (b.push_type === 0 && scope === 3) return "push_type 0 requires push_scope_type ≠ 3";
  if (b.push_type === 1) {
    if (scope !== 1 && scope !== 3) return "push_type 1 requires push_scope_type 1 or 3";
    if (b.new_staff_scope_type === undefined) return "push_type 1 requires new_staff_scope_type";
    if (b.new_staff_scope_type === 1 && length.new_staff_scope_department_list === 0) {
      return "new_staff_scope_type 1 requires new_staff_scope_department_list";
    }
  }
  if ((scope === 0 || scope === 1) && length.user_list + length.department_list > 0) {
    return `push_scope_type ${String(scope)} requires empty user_list and department_list`;
  }
  if (scope === 1 && length.chat_list === 0) return "push_scope_type 1 requires a non-empty chat_list";
  if (scope === 2 && length.user_list + length.department_list === 0)
    return "push_scope_type 2 requires user_list or department_list";
  return undefined;
}
