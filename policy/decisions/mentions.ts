// A card that @-mentions everyone in the chats it reaches.

/** `<at id=all></at>`, `<at id="all">`, `<at user_id="all">` (lark_md and markdown spellings), any case and quoting. */
const AT_ALL_TEXT = /<at\s+(?:[^>]*\s)?(?:id|user_id)\s*=\s*(["']?)all\1(?=[\s>/])/i;

/** The path of the first mention of everyone in `card` (the JSON of a message card), or undefined. */
export function mentionOfEveryone(card: unknown, path = ""): string | undefined {
  if (typeof card === "string") return AT_ALL_TEXT.test(card) ? path : undefined;
  if (Array.isArray(card)) {
    for (const [index, item] of card.entries()) {
      const found = mentionOfEveryone(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (card === null || typeof card !== "object") return undefined;
  const node = card as Record<string, unknown>;
  // The card element form: { tag: "at", user_id: "all" }.
  if (node.tag === "at" && (node.user_id === "all" || node.id === "all")) return path || "(card)";
  for (const [key, item] of Object.entries(node)) {
    const found = mentionOfEveryone(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
