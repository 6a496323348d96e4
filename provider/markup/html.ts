/** Escapes text for an HTML element's content or a double-quoted attribute: nothing in it can open markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tagged template that escapes every interpolated value, unless it is {@link Html} made by
 * this same function (or {@link trusted}): the console's markup is built with it alone.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Markup that is already safe: made by {@link html}, or by the card renderer. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Marks markup from a renderer that escapes on its own (the card renderer) as safe to insert. */
export const trusted = (markup: string): Html => new Html(markup);

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === undefined || value === null || value === false) return "";
  return escapeHtml(String(value));
}
