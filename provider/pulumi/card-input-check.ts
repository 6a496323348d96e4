// The card checks of a resource's `check`: a card input (a campaign's pushContent, an interactive bot
// message's content) checked by the card model, 0 API calls. Errors fail the check naming the path in the
// card; warnings are told the user under the resource, and the preview goes on.
import { checkCard, type CommunityLimitLevel } from "../card/check";
import type { InputFailure } from "./input-check";
import type { Reporter } from "./reporter";
import { CARD_LIMITS_KEY } from "./settings";

const LEVELS: readonly CommunityLimitLevel[] = ["warning", "error", "off"];

/**
 * The failures of the card in `property` (its compact JSON text); its warnings go to `reporter`.
 * @param cardLimits The `cardLimits` setting as given: `warning` (default), `error` or `off`.
 */
export function cardInputFailures(
  card: string,
  property: string,
  cardLimits: string | undefined,
  reporter: Reporter,
): InputFailure[] {
  const level = (cardLimits ?? "warning").trim() as CommunityLimitLevel;
  if (!LEVELS.includes(level)) {
    const reason =
      `${property} cannot be checked: the setting ${CARD_LIMITS_KEY.config} (or ${CARD_LIMITS_KEY.env}) ` +
      `must be "warning", "error" or "off"; got ${JSON.stringify(cardLimits)}`;
    return [{ property, reason }];
  }
  const failures: InputFailure[] = [];
  for (const finding of checkCard(card, { pathPrefix: property, communityLimits: level })) {
    const line = `${finding.path} ${finding.message} (card rule ${finding.rule})`;
    if (finding.severity === "error") failures.push({ property, reason: line });
    else reporter.warn(line);
  }
  return failures;
}
