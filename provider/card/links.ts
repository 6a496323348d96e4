// Which links a card may hold. A rendered page turns a URL into an `href` only when this says it is safe,
// and the checks refuse the others, so a card cannot carry `javascript:` or `data:` to the people it reaches.

/**
 * The schemes a card link may use: the web, and Feishu's own `lark:` deep links (AppLinks are
 * `https://applink.feishu.cn/...` and `https://applink.larksuite.com/...`, so they are `https:`).
 */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ["https:", "http:", "lark:"];

/** The URL a browser would follow for `raw`, or undefined when its scheme is not allowed (or it is not absolute). */
export function safeHref(raw: string): string | undefined {
  // Browsers drop tabs and line breaks anywhere in a URL and C0 controls and spaces around it, so
  // "java\tscript:" is "javascript:"; read it as they do before deciding.
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (!/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return undefined;
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return undefined;
  }
  return ALLOWED_LINK_SCHEMES.includes(url.protocol) ? url.href : undefined;
}

/** Why `raw` may not be a card link, or undefined when it may. */
export function linkFault(raw: string): string | undefined {
  if (safeHref(raw) !== undefined) return undefined;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(raw.replace(/[\t\n\r]/g, ""))?.[1];
  const allowed = ALLOWED_LINK_SCHEMES.map((s) => `${s}//`).join(", ");
  return scheme === undefined
    ? `must be an absolute link starting with ${allowed}; got ${JSON.stringify(short(raw))}`
    : `uses the scheme "${scheme.toLowerCase()}:", which a card may not link to; use ${allowed}`;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
