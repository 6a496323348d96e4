/**
 * The card model: a Feishu message card (JSON 1.0, and the common parts of JSON 2.0) parsed into a typed
 * tree, checked, and rendered as Markdown or HTML. Pure TypeScript, no Pulumi: usable from the client entry.
 */
export { cardCss } from "./card-css";
export type { CardLink, CardLinksOptions } from "./card-links";
export { cardLinks } from "./card-links";
export type { CardCheckOptions, CommunityLimitLevel } from "./check";
export { checkCard, describeFindings } from "./check";
export { COMMUNITY_CARD_LIMITS } from "./limits";
export { ALLOWED_LINK_SCHEMES, safeHref } from "./links";
export { HEADER_TEMPLATES, parseCard } from "./parse";
export { UNDERSTOOD_TAGS } from "./parse-elements";
export type { CardHtmlOptions } from "./render-html";
export { renderCardHtml, renderCardHtmlFragment } from "./render-html";
export { renderCardText } from "./render-text";
export type * from "./types";
