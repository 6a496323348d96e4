import type { WireNotification, WireNotificationBody } from "../client/wire-types";
import { nameOf } from "./enums";
import { sameCard, sameIdSet } from "./compare";
import { campaignProperties, campaignRows, type NormalizedNotificationInputs } from "./fields";
import type { CampaignRow, IdListRow, TextRow } from "./property-kinds";

// The campaign's inputs as Feishu's request body, and back: each field by the kind of its row (fields.ts).

/** The create/update request body for checked inputs. Every list is sent, so an emptied list is cleared. */
export function toWireBody(inputs: NormalizedNotificationInputs): WireNotificationBody {
  const body: Record<string, unknown> = {};
  for (const property of campaignProperties) {
    const row: CampaignRow = campaignRows[property];
    const value = inputs[property];
    if (row.kind === "idList") body[row.wire] = (value as readonly string[]).map((id) => ({ [row.itemKey]: id }));
    else if (row.kind === "enum") {
      if (value !== undefined && row.table !== undefined) body[row.wire] = row.table[value as string];
    }
    // Text is always sent, so removing `ext` from the program clears it rather than keeping the old value.
    else if (row.kind === "text") body[row.wire] = value ?? "";
    else body[row.wire] = value;
  }
  return body as unknown as WireNotificationBody;
}

/**
 * The ids in a live list, or undefined when they cannot be compared: Feishu leaves `user_id`
 * out unless the app may read it (contact:user.employee_id:readonly), so items without an id
 * say nothing about which users are targeted.
 */
function ids(list: unknown, row: IdListRow): string[] | undefined {
  const found = ((list ?? []) as Record<string, unknown>[]).map((item) => item[row.itemKey]);
  if (found.some((id) => typeof id !== "string" || id === "")) return undefined;
  return found as string[];
}

/** Text as the campaign means it: a value Feishu answers for one never set is none. */
const meaningOf = (row: TextRow, value: unknown) =>
  value === undefined || row.unset?.includes(value as string) ? undefined : value;

/**
 * The value of one property that would describe the live campaign, or `previous` where the live
 * one says the same in other words (a reformatted card, a reordered list). A GET may leave a
 * zero-valued field out: only a value it does send can contradict `previous`.
 */
function liveValue(row: CampaignRow, live: WireNotification, previous: unknown): unknown {
  const sent = (live as unknown as Record<string, unknown>)[row.wire];
  switch (row.kind) {
    case "text":
      if (row.unset === undefined) return sent ?? previous;
      return meaningOf(row, sent) === meaningOf(row, previous) ? previous : meaningOf(row, sent);
    case "card": {
      const liveCard = normalizeCardText(sent as string | undefined);
      return liveCard !== undefined && !sameCard(liveCard, previous as string) ? liveCard : previous;
    }
    case "enum":
      if (row.heldOnlyFor !== undefined && !row.heldOnlyFor(live)) return undefined;
      return (row.table && nameOf(row.table, sent as number)) ?? previous;
    case "idList": {
      // An id Feishu lists twice is one target: the stored list never holds it twice.
      const liveIds = ids(sent, row);
      const distinct = liveIds === undefined ? undefined : [...new Set(liveIds)];
      return distinct === undefined || sameIdSet(previous as readonly string[], distinct) ? previous : distinct;
    }
    default:
      return previous;
  }
}

/**
 * The inputs that would describe `live`, so that after `pulumi refresh` the next diff compares
 * the program with what Feishu holds. Where `live` says the same as `previous` in other words
 * (a reformatted card, a reordered list), `previous` is kept to avoid noise.
 */
export function inputsFromWire(
  live: WireNotification,
  previous: NormalizedNotificationInputs,
): NormalizedNotificationInputs {
  const inputs: Record<string, unknown> = { ...previous };
  for (const property of campaignProperties)
    inputs[property] = liveValue(campaignRows[property], live, previous[property]);
  return inputs as NormalizedNotificationInputs;
}

/** The card as compact JSON, or undefined if the text is not a JSON object. */
export function normalizeCardText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const card = JSON.parse(text);
    return typeof card === "object" && card !== null && !Array.isArray(card) ? JSON.stringify(card) : undefined;
  } catch {
    return undefined;
  }
}
