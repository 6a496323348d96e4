// What the parser carries while it walks a card: the findings so far, and small readers of JSON values
// that report, with the path, anything that is not what a card needs.
import { larkMdLinks } from "./lark-md";
import { linkFault } from "./links";
import { childPath } from "./paths";
import type { CardFinding, CardText, CardUrl } from "./types";

/** A JSON object, as the parser reads it. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The findings of one parse; paths relative to the card's root. */
export class ParseContext {
  readonly findings: CardFinding[] = [];

  error(path: string, rule: string, message: string): void {
    this.findings.push({ path, rule, message, severity: "error" });
  }

  warning(path: string, rule: string, message: string): void {
    this.findings.push({ path, rule, message, severity: "warning" });
  }

  /**
   * A text object (`{ tag: "plain_text" | "lark_md", content }`) at `path`, or undefined when absent.
   * A lark_md text's links are checked here, once, wherever the text sits.
   */
  text(value: unknown, path: string, options: { hrefNames?: string[] } = {}): CardText | undefined {
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      this.error(path, "text-object", 'must be a text object { "tag": "plain_text" | "lark_md", "content": "..." }');
      return undefined;
    }
    const content = textContent(value);
    if (content === undefined) {
      this.error(childPath(path, "content"), "text-content", "must be a string (the text shown)");
      return undefined;
    }
    const format = value.tag === "lark_md" || value.tag === "markdown" ? "lark_md" : "plain_text";
    if (value.tag !== undefined && value.tag !== "plain_text" && format !== "lark_md") {
      this.error(
        childPath(path, "tag"),
        "text-tag",
        `must be "plain_text" or "lark_md"; got ${JSON.stringify(value.tag)}`,
      );
    }
    if (format === "lark_md") this.markdownLinks(content, childPath(path, "content"), options.hrefNames ?? []);
    return { kind: "text", path, format, content };
  }

  /** Checks the `[text](url)` links of Markdown text; `$name` refers to a markdown element's `href`. */
  markdownLinks(content: string, path: string, hrefNames: string[]): void {
    for (const url of larkMdLinks(content)) {
      if (url.startsWith("$") && hrefNames.includes(url.slice(1))) continue;
      const fault = linkFault(url);
      if (fault !== undefined) this.error(path, "link-scheme", `has a link that ${fault}`);
    }
  }

  /** A link target at `path`: kept when it is a non-empty string; an error when it is not a string or not allowed. */
  url(value: unknown, path: string, into: CardUrl[]): void {
    if (value === undefined || value === "") return;
    if (typeof value !== "string") {
      this.error(path, "link-scheme", "must be a string (a link)");
      return;
    }
    const fault = linkFault(value);
    if (fault !== undefined) this.error(path, "link-scheme", fault);
    into.push({ path, url: value });
  }

  /** A list at `path`: its items, or [] with an error when it is there but not a list. */
  list(value: unknown, path: string, what: string): unknown[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.error(path, "list", `must be a list of ${what}`);
    return [];
  }
}

/** The words of a text object: `content`, or the first of its `i18n` translations. */
function textContent(value: JsonObject): string | undefined {
  if (typeof value.content === "string") return value.content;
  if (value.content === undefined && isObject(value.i18n)) {
    const first = Object.values(value.i18n).find((v) => typeof v === "string");
    if (typeof first === "string") return first;
  }
  return undefined;
}
