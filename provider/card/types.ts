// The typed tree a Feishu message card parses into (parse.ts), and what the checks report (check.ts).
// Every node carries `path`: where it sits in the card's JSON, relative to the card's root
// (`elements[2].actions[0]`), so a finding or a renderer can point at the exact place.

/** One problem found in a card, named by its path in the card, like Feishu's own errors. */
export interface CardFinding {
  /** Where in the card, e.g. `pushContent.elements[2].actions[0].url`. */
  path: string;
  /** The rule broken, a stable id such as `button-text` or `card-size` (see the README's table). */
  rule: string;
  /** What is wrong and what would be right, in one sentence. */
  message: string;
  /** `error` stops a preview; `warning` is printed under the resource and lets it go on. */
  severity: "error" | "warning";
}

/** A text object: `{ tag: "plain_text" | "lark_md", content }`. */
export interface CardText {
  kind: "text";
  path: string;
  /** `plain_text` is shown as is; `lark_md` is Feishu's Markdown subset (bold, links, mentions...). */
  format: "plain_text" | "lark_md";
  content: string;
}

/** A link target: `url`, or the per-platform urls of `multi_url` / `behaviors` (pc first for a desktop view). */
export interface CardUrl {
  path: string;
  url: string;
}

/** `div`: a text block with optional `fields` (two columns when `is_short`). */
export interface CardDiv {
  kind: "div";
  path: string;
  text?: CardText;
  fields: { path: string; isShort: boolean; text?: CardText }[];
  /** The element shown on the right of the text (a button, an image...), if any. */
  extra?: CardElement;
}

/** `markdown`: a lark_md block (JSON 1.0) or a Markdown block (JSON 2.0). */
export interface CardMarkdown {
  kind: "markdown";
  path: string;
  text: CardText;
  /** `href` targets a 1.0 markdown may name as `[text]($name)`: each name's links, the PC link first. */
  hrefs: Record<string, CardUrl[]>;
}

/** `hr`: a divider line. */
export interface CardDivider {
  kind: "hr";
  path: string;
}

/** `note`: small grey remarks, texts and images side by side. */
export interface CardNote {
  kind: "note";
  path: string;
  elements: (CardText | CardImage | CardUnknown)[];
}

/** `img`: an image by its uploaded key, shown as a labelled placeholder (the image itself is on Feishu's side). */
export interface CardImage {
  kind: "img";
  path: string;
  imgKey: string;
  alt?: CardText;
  title?: CardText;
}

/** `button`: a button that opens a link (`url`, `multi_url`, or 2.0 `behaviors` of type `open_url`). */
export interface CardButton {
  kind: "button";
  path: string;
  text?: CardText;
  /** `default`, `primary`, `danger` (and the 2.0 variants such as `primary_filled`); default when absent. */
  type: string;
  urls: CardUrl[];
}

/** `action`: a row of buttons (JSON 1.0). */
export interface CardAction {
  kind: "action";
  path: string;
  actions: (CardButton | CardUnknown)[];
}

/** `column_set`: columns side by side. */
export interface CardColumnSet {
  kind: "column_set";
  path: string;
  columns: CardColumn[];
}

/** `column`: one column of a `column_set`. */
export interface CardColumn {
  kind: "column";
  path: string;
  /** The `weight` given to the column (1 when absent). */
  weight: number;
  elements: CardElement[];
}

/** `collapsible_panel` (JSON 2.0): a titled block of elements, shown expanded. */
export interface CardPanel {
  kind: "collapsible_panel";
  path: string;
  title?: CardText;
  elements: CardElement[];
}

/** A tag this model does not understand: kept, with its path, and shown as a placeholder. */
export interface CardUnknown {
  kind: "unknown";
  path: string;
  /** The element's `tag`, or undefined when it has none (a structural error). */
  tag: string | undefined;
}

/** Every kind of element the tree holds. */
export type CardElement =
  | CardDiv
  | CardMarkdown
  | CardDivider
  | CardNote
  | CardImage
  | CardButton
  | CardAction
  | CardColumnSet
  | CardColumn
  | CardPanel
  | CardText
  | CardUnknown;

/** The card's header: its title and the colour template of its band. */
export interface CardHeader {
  path: string;
  title?: CardText;
  subtitle?: CardText;
  /** One of Feishu's colour templates (blue, wathet, turquoise, green, yellow, orange, red, carmine, violet,
   * purple, indigo, grey, default); anything else is shown as `default`. */
  template: string;
}

/** A parsed message card. */
export interface CardDocument {
  /** `1.0` for `elements` at the root, `2.0` for `schema: "2.0"` with `body.elements`. */
  schema: "1.0" | "2.0";
  header?: CardHeader;
  elements: CardElement[];
  /** The card-wide link (`card_link`) of a JSON 1.0 card, opened when the card itself is clicked. */
  cardLink: CardUrl[];
  /** A card given by template (`type: "template"`): its id, shown as a placeholder. */
  templateId?: string;
  /** Structural faults and unknown tags found while parsing, paths relative to the card's root. */
  findings: CardFinding[];
}
