// Paths in the card's JSON, written the way Feishu and JavaScript write them: `elements[2].actions[0].url`.

/** The path of a property under `parent` (`""` is the card's root). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return parent === "" ? key : `${parent}.${key}`;
}

/** A path relative to the card, placed under `prefix` (`pushContent`, `content`...); the root is the prefix. */
export function prefixed(prefix: string, path: string): string {
  if (prefix === "") return path;
  if (path === "") return prefix;
  return path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
}
