// lark_md, Feishu's Markdown subset, read into inline pieces that each renderer writes its own way:
// **bold**, *italic*, ~~strike~~, [text](url), bare http(s) links, <at id=...></at> mentions,
// <font color=...> and line breaks. What is not one of these stays literal text, so a renderer that
// escapes text cannot be tricked into emitting markup.

/** One inline piece of lark_md. */
export type Inline =
  | { t: "text"; text: string }
  | { t: "br" }
  | { t: "bold" | "italic" | "strike"; children: Inline[] }
  | { t: "font"; color: string; children: Inline[] }
  | { t: "link"; url: string; children: Inline[] }
  | { t: "at"; id: string; name: string }
  | { t: "image"; key: string; alt: string };

/** `<font color>` values shown in colour; others keep the text uncoloured (a colour is never copied into CSS). */
export const FONT_COLOURS: readonly string[] = ["red", "green", "grey", "gray", "blue", "orange", "yellow", "purple"];

// Bounded repeats keep a long run of unmatched `[` or `<font>` linear instead of quadratic.
// A link's target may hold tabs: browsers drop them, so "java\tscript:" must still be read as a link and refused.
const LINK = /^\[([^\]\n]{0,1000})\]\(([^)\n ]{0,4000})\)/;
const IMAGE = /^!\[([^\]\n]{0,1000})\]\(([^)\s]{0,4000})\)/;
const AT = /^<at\s+(?:id|user_id|open_id|email)\s*=\s*['"]?([^'"\s>]{0,200})['"]?\s*>([^<]{0,200})<\/at>/i;
const FONT = /^<font\s+color\s*=\s*['"]?([^'"\s>]{0,40})['"]?\s*>([\s\S]{0,4000}?)<\/font>/i;
const BARE_URL = /^https?:\/\/[^\s<>()[\]"'`]{1,4000}/i;
const PAIRS: [string, "bold" | "strike" | "italic"][] = [
  ["**", "bold"],
  ["~~", "strike"],
  ["*", "italic"],
];

/** Reads lark_md text into inline pieces. Never throws; unmatched markers stay as text. */
export function parseLarkMd(source: string): Inline[] {
  const out: Inline[] = [];
  let literal = "";
  const flush = () => {
    if (literal !== "") out.push({ t: "text", text: literal });
    literal = "";
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const piece = readPiece(rest);
    if (piece === undefined) {
      literal += source[i];
      i += 1;
      continue;
    }
    flush();
    out.push(piece.inline);
    i += piece.length;
  }
  flush();
  return out;
}

function readPiece(rest: string): { inline: Inline; length: number } | undefined {
  const head = rest[0];
  if (head === "\n") return { inline: { t: "br" }, length: 1 };
  if (head === "!" && IMAGE.test(rest)) {
    const m = IMAGE.exec(rest)!;
    return { inline: { t: "image", key: m[2], alt: m[1] }, length: m[0].length };
  }
  if (head === "[") {
    const m = LINK.exec(rest);
    if (m) return { inline: { t: "link", url: m[2], children: parseLarkMd(m[1]) }, length: m[0].length };
  }
  if (head === "<") return readTag(rest);
  if (head === "h" || head === "H") {
    const m = BARE_URL.exec(rest);
    if (m) return { inline: { t: "link", url: m[0], children: [{ t: "text", text: m[0] }] }, length: m[0].length };
  }
  for (const [marker, t] of PAIRS) {
    if (!rest.startsWith(marker)) continue;
    const end = rest.indexOf(marker, marker.length);
    // `**` is bold, never an empty italic; an empty pair stays literal.
    if (end <= marker.length) return undefined;
    const inner = rest.slice(marker.length, end);
    return { inline: { t, children: parseLarkMd(inner) }, length: end + marker.length };
  }
  return undefined;
}

function readTag(rest: string): { inline: Inline; length: number } | undefined {
  const at = AT.exec(rest);
  if (at) return { inline: { t: "at", id: at[1], name: at[2] }, length: at[0].length };
  const font = FONT.exec(rest);
  if (font) {
    const color = font[1].toLowerCase();
    return { inline: { t: "font", color, children: parseLarkMd(font[2]) }, length: font[0].length };
  }
  return undefined;
}

/** The plain words of inline pieces, without any markup (for alt text, titles and sizes). */
export function plainText(pieces: Inline[]): string {
  return pieces
    .map((p) => {
      switch (p.t) {
        case "text":
          return p.text;
        case "br":
          return "\n";
        case "at":
          return mentionLabel(p.id, p.name);
        case "image":
          return `[image ${p.key}]`;
        default:
          return plainText(p.children);
      }
    })
    .join("");
}

/** How a mention reads: `@all`, the name written inside the tag, or the user id. */
export function mentionLabel(id: string, name: string): string {
  if (id === "all") return "@all";
  return `@${name.trim() !== "" ? name.trim() : id}`;
}

/** Every link target in lark_md text, in order: `[text](url)`, bare links, and image targets written as URLs. */
export function larkMdLinks(source: string): string[] {
  const found: string[] = [];
  const walk = (pieces: Inline[]) => {
    for (const p of pieces) {
      if (p.t === "link") found.push(p.url);
      if (p.t === "image" && /^\s*[a-z][a-z0-9+.-]*:/i.test(p.key)) found.push(p.key);
      if ("children" in p) walk(p.children);
    }
  };
  walk(parseLarkMd(source));
  return found;
}
