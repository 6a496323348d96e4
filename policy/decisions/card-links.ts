// The links in a card, with where each sits. Written against the contract of the card model
// (`cardLinks(value) → {path, url}[]`, issue 17) until that lands in pulumi-feishu-helpdesk/client.

/** A link in a card: its path (`elements[0].actions[1].url`) and its target. */
export interface CardLink {
  readonly path: string;
  readonly url: string;
}

/** Keys whose string value is a link target in Feishu's card JSON (buttons, images, multi_url). */
const LINK_KEYS = new Set(["url", "href", "default_url", "pc_url", "ios_url", "android_url"]);
/** Markdown links and bare links inside text: `[text](target)` and `<a href="target">`. */
const TEXT_LINKS = [/\]\(([^)\s]+)\)/g, /<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)/gi];

const childPath = (path: string, key: string | number): string =>
  typeof key === "number"
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(key)}]`;

/** Every link in `card`, in document order; any JSON value is walked, never thrown on. */
export function cardLinks(card: unknown): CardLink[] {
  const links: CardLink[] = [];
  const walk = (value: unknown, path: string, key?: string | number): void => {
    if (typeof value === "string") {
      if (typeof key === "string" && LINK_KEYS.has(key)) links.push({ path, url: value });
      else
        for (const pattern of TEXT_LINKS)
          for (const match of value.matchAll(pattern)) links.push({ path, url: match[1] });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, childPath(path, index), index));
    else if (value !== null && typeof value === "object") {
      for (const [name, item] of Object.entries(value)) walk(item, childPath(path, name), name);
    }
  };
  walk(card, "");
  return links;
}
