/**
 * `value` without its properties set to undefined: in a state or a JSON document an absent
 * property and an undefined one mean the same, and only the absent one survives serialization.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
