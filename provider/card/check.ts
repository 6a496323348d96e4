// checkCard: everything wrong with a card, each finding named by its path (`pushContent.elements[2].actions[0].url`).
// Structural faults are errors; limits known only from community sources are at the level the caller picks.
import { communityLimitFindings } from "./limits";
import { cardJson, parseCard } from "./parse";
import { prefixed } from "./paths";
import type { CardFinding } from "./types";

/** How the community-sourced limits are reported: as warnings (default), as errors, or not at all. */
export type CommunityLimitLevel = "warning" | "error" | "off";

/** Options of {@link checkCard}. */
export interface CardCheckOptions {
  /**
   * Put before every path, naming where the card sits in the resource's inputs.
   * @default "pushContent"
   * @example "content"
   */
  pathPrefix?: string;
  /**
   * The level of the limits known only from community sources (30 KB of JSON; JSON 2.0: 200 elements,
   * 5 nested containers, element_id rules).
   * @default "warning"
   */
  communityLimits?: CommunityLimitLevel;
}

/** The findings about a card (any JSON value, or its JSON text); never throws. Errors first, then by path. */
export function checkCard(value: unknown, options: CardCheckOptions = {}): CardFinding[] {
  const prefix = options.pathPrefix ?? "pushContent";
  const level = options.communityLimits ?? "warning";
  const findings = [...parseCard(value).findings];
  const { card } = cardJson(value);
  if (card !== undefined && level !== "off") findings.push(...communityLimitFindings(card, level));
  return findings
    .map((f) => ({ ...f, path: prefixed(prefix, f.path) }))
    .sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
}

/** One line per finding, as a check prints them: `pushContent.elements[0].text: is missing (div-content)`. */
export function describeFindings(findings: CardFinding[]): string {
  return findings.map((f) => `${f.path}: ${f.message} (${f.rule})`).join("\n");
}
