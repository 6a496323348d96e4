/** Text from a program or a card, safe inline in Markdown: no markup, link, HTML, mention or table break. */
export function inline(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, " ")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[\\`*_{}[\]()#+\-.!|~]/g, "\\$&")
      // Last: the entity's own `#` must not be escaped, or it shows as "&#64;" instead of "@".
      .replace(/@/g, "&#64;")
  );
}

/**
 * A resource or stack name as inline code: a backtick would close the span and a line break end
 * it (a URN's name may hold both). In a table cell the caller escapes pipes, as for any cell.
 */
export function codeSpan(name: string): string {
  return `\`${name.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}

/** Text in a fenced block whose fence no line of it can close. */
export function fenced(text: string, info = "text"): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}
