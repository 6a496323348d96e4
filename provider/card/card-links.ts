// cardLinks: every URL a card holds, with its path, for policies ("links only to our domains") and reviews.
import { larkMdLinks } from "./lark-md";
import { parseCard } from "./parse";
import { prefixed } from "./paths";
import type { CardElement, CardText } from "./types";

/** A URL found in a card and where: `{ path: "pushContent.elements[2].actions[0].url", url: "https://..." }`. */
export interface CardLink {
  path: string;
  url: string;
}

/** Options of {@link cardLinks}. */
export interface CardLinksOptions {
  /**
   * Put before every path, as in {@link checkCard}.
   * @default "pushContent"
   */
  pathPrefix?: string;
}

/**
 * Every URL in a card, whatever its scheme: buttons' `url`, `multi_url` and `open_url` behaviours, the card's
 * `card_link`, markdown `href`s, `[text](url)` and bare links in lark_md text, and image targets written as
 * URLs. `$name` references to a markdown `href` are listed once, at the `href`. Never throws.
 */
export function cardLinks(value: unknown, options: CardLinksOptions = {}): CardLink[] {
  const prefix = options.pathPrefix ?? "pushContent";
  const doc = parseCard(value);
  const found: CardLink[] = [];
  const add = (path: string, url: string) => found.push({ path: prefixed(prefix, path), url });
  const text = (t: CardText | undefined) => {
    if (t === undefined || t.format !== "lark_md") return;
    const path = t.path.endsWith(".content") ? t.path : `${t.path}.content`;
    for (const url of larkMdLinks(t.content)) if (!url.startsWith("$")) add(path, url);
  };
  const walk = (e: CardElement) => {
    switch (e.kind) {
      case "text":
        return text(e);
      case "div":
        text(e.text);
        e.fields.forEach((f) => text(f.text));
        if (e.extra !== undefined) walk(e.extra);
        return;
      case "markdown":
        for (const target of Object.values(e.hrefs).flat()) add(target.path, target.url);
        return text(e.text);
      case "img":
        if (/^[a-z][a-z0-9+.-]*:/i.test(e.imgKey)) add(`${e.path}.img_key`, e.imgKey);
        return;
      case "button":
        e.urls.forEach((u) => add(u.path, u.url));
        return text(e.text);
      case "note":
        return e.elements.forEach(walk);
      case "action":
        return e.actions.forEach(walk);
      case "column_set":
        return e.columns.forEach(walk);
      case "column":
        return e.elements.forEach(walk);
      case "collapsible_panel":
        text(e.title);
        return e.elements.forEach(walk);
      default:
        return;
    }
  };
  text(doc.header?.title);
  text(doc.header?.subtitle);
  doc.elements.forEach(walk);
  doc.cardLink.forEach((u) => add(u.path, u.url));
  return found;
}
