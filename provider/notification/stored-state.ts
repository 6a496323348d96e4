import { withoutUndefined } from "../json/without-undefined";
import { nameOf } from "./enums";
import {
  campaignProperties,
  campaignRows,
  listProperties,
  type NormalizedNotificationInputs,
  requiredFields,
} from "./fields";
import type { StoredNotification } from "./outputs";
import type { CampaignRow } from "./property-kinds";
import type { ApprovalRecord } from "./stage";

// What the stack holds about a campaign, read defensively: state written by older versions of
// this provider, or nothing at all for a lookup.

/**
 * One change of the stored state's shape, and how a state of the older shape is read in the
 * current one (as pulumi-go-provider's `infer` declares state migrations): the state enters the
 * core through {@link upgradeStoredState}, which applies each, so no code after it meets an old shape.
 */
interface StateMigration {
  /** What changed, for the reader. */
  readonly name: string;
  /** The state in the current shape; a state already in it comes back the same. */
  readonly upgrade: (stored: Partial<NormalizedNotificationInputs>) => Partial<NormalizedNotificationInputs>;
}

/** The migrations, oldest first. CONTRIBUTING.md says when one is added. */
const stateMigrations: readonly StateMigration[] = [
  {
    // Stored inputs and outputs may come from an older version of this provider that did not
    // store every list: an absent list is an empty one.
    name: "every id list stored, empty if none",
    upgrade: (stored) => {
      const lists = Object.fromEntries([...listProperties].map((property) => [property, stored[property] ?? []]));
      return { ...stored, ...lists };
    },
  },
];

/** The stored inputs or outputs of a campaign in the current shape, whatever version wrote them. */
export function upgradeStoredState<T extends NormalizedNotificationInputs>(stored: T): T {
  let state: Partial<NormalizedNotificationInputs> = stored;
  for (const migration of stateMigrations) state = migration.upgrade(state);
  return state as T;
}

/** The review the provider recorded in the last outputs. */
export function recordOf(state: StoredNotification): ApprovalRecord {
  return { approvalSubmitted: state.approvalSubmitted === true, approvalGranted: state.approvalGranted === true };
}

/** The value a required campaign property or a list takes when nothing is known: Feishu's zero value. */
function blankOf(row: CampaignRow): unknown {
  if (row.kind === "idList") return [];
  if (row.kind === "card") return "{}";
  if (row.kind === "enum") return row.table && nameOf(row.table, 0);
  return "";
}

/** The inputs assumed for a campaign read with nothing stored: every field comes from Feishu. */
export const blankInputs = Object.fromEntries(
  campaignProperties
    .filter((property) => property in requiredFields || listProperties.has(property))
    .map((property) => [property, blankOf(campaignRows[property])]),
) as NormalizedNotificationInputs;

/**
 * The inputs a read starts from: the stored ones in the current shape, or for a lookup
 * (`HelpdeskNotification.get`, nothing stored) the blank inputs with whatever it was given.
 */
export function previousInputsOf(stored: StoredNotification | undefined): StoredNotification {
  if (stored?.jobName !== undefined) return upgradeStoredState(stored);
  return upgradeStoredState({ ...blankInputs, ...withoutUndefined<Partial<StoredNotification>>(stored ?? {}) });
}
