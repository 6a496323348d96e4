// Limits of a card known only from community sources and from the JSON 2.0 structure page as a community
// renderer cites it (see the README, "Card checks"): reported at the level the user chooses, never guessed as fact.
import { isObject, type JsonObject } from "./parse-context";
import { childPath } from "./paths";
import type { CardFinding } from "./types";

/**
 * The community-sourced limits, as numbers a caller can read. Sources: the size, riba2534/feishu-cli
 * (`skills/feishu-cli-msg/SKILL.md`); the JSON 2.0 limits, Feishu's card JSON 2.0 structure page as
 * cited by meixg/feishu-card-renderer (`docs/research/feishu-card-json-v2-renderer.md`).
 */
export const COMMUNITY_CARD_LIMITS = {
  /** An interactive card's JSON, in bytes of UTF-8 (30 KB). */
  maxCardBytes: 30 * 1024,
  /** JSON 2.0: elements in one card, every tagged object counted. */
  maxElements: 200,
  /** JSON 2.0: containers nested inside one another. */
  maxContainerDepth: 5,
  /** JSON 2.0: characters of an `element_id`. */
  maxElementIdLength: 20,
} as const;

type Emit = (path: string, rule: string, message: string) => void;

/** The community-sourced limits a card goes past; paths relative to the card's root. */
export function communityLimitFindings(card: JsonObject, severity: "error" | "warning"): CardFinding[] {
  const findings: CardFinding[] = [];
  const emit: Emit = (path, rule, message) => findings.push({ path, rule, message, severity });
  const bytes = jsonBytes(card);
  if (bytes > COMMUNITY_CARD_LIMITS.maxCardBytes) {
    emit(
      "",
      "card-size",
      `is ${bytes} bytes of JSON; Feishu is reported (community source) to refuse cards over ` +
        `${COMMUNITY_CARD_LIMITS.maxCardBytes} bytes (30 KB)`,
    );
  }
  if (isObject(card.body)) checkV2Body(card.body.elements, "body.elements", emit);
  return findings;
}

function jsonBytes(card: JsonObject): number {
  try {
    return Buffer.byteLength(JSON.stringify(card) ?? "", "utf8");
  } catch {
    return 0; // A value JSON cannot write (a cycle) is refused by the structural checks, not here.
  }
}

function checkV2Body(elements: unknown, path: string, emit: Emit): void {
  const ids = new Map<string, string>();
  let count = 0;
  let deepest = { depth: 0, path: "" };
  const visited = new WeakSet<object>(); // a program's object may hold itself; JSON never does
  const walk = (value: unknown, at: string, depth: number) => {
    if (typeof value !== "object" || value === null || visited.has(value)) return;
    visited.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, childPath(at, i), depth));
      return;
    }
    if (!isObject(value) || depth > 64) return;
    const tagged = typeof value.tag === "string";
    if (tagged) count += 1;
    if (tagged && typeof value.element_id === "string") checkElementId(value.element_id, at, ids, emit);
    const holds = tagged && value.tag !== "column" && (Array.isArray(value.elements) || Array.isArray(value.columns));
    const level = holds ? depth + 1 : depth;
    if (level > deepest.depth) deepest = { depth: level, path: at };
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "object" && child !== null) walk(child, childPath(at, key), level);
    }
  };
  walk(elements, path, 0);
  if (count > COMMUNITY_CARD_LIMITS.maxElements) {
    emit(
      path,
      "element-count",
      `holds ${count} elements; a JSON 2.0 card holds at most ${COMMUNITY_CARD_LIMITS.maxElements}`,
    );
  }
  if (deepest.depth > COMMUNITY_CARD_LIMITS.maxContainerDepth) {
    emit(
      deepest.path,
      "container-depth",
      `is inside ${deepest.depth} nested containers; a JSON 2.0 card nests at most ` +
        `${COMMUNITY_CARD_LIMITS.maxContainerDepth}`,
    );
  }
}

function checkElementId(id: string, path: string, seen: Map<string, string>, emit: Emit): void {
  const idPath = childPath(path, "element_id");
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id) || id.length > COMMUNITY_CARD_LIMITS.maxElementIdLength) {
    emit(
      idPath,
      "element-id",
      `is ${JSON.stringify(id)}; an element_id starts with a letter, holds only letters, digits and _, ` +
        `and has at most ${COMMUNITY_CARD_LIMITS.maxElementIdLength} characters`,
    );
  }
  const first = seen.get(id);
  if (first !== undefined)
    emit(idPath, "element-id", `repeats the element_id "${id}" of ${first}; each must be unique`);
  else seen.set(id, idPath);
}
