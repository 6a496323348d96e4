import type { PacedEndpoint } from "../client/pacing/pacer";
import type { ResourceDiff } from "../pulumi/provider-scope";
import type { InputProperty, NormalizedNotificationInputs } from "./fields";
import type { CreateJournal } from "./journal/create-journal";
import type { NotificationState } from "./outputs";
import type { RecentReads } from "./recent-reads";

// What NotificationOperations takes and gives, beside the class itself (operations.ts).

/** The result of `NotificationOperations.diff`. */
export interface NotificationDiff extends ResourceDiff {
  /** True if an update is due. Nothing is ever replaced. */
  readonly changes: boolean;
  /** The inputs the update is due to, for a host that can show a detailed diff (empty without changes). */
  readonly properties: readonly InputProperty[];
}

/** The result of `NotificationOperations.create`. */
export interface CreatedNotificationState {
  /** The campaign's id: the resource id. */
  readonly id: string;
  /** The resource's outputs. */
  readonly state: NotificationState;
}

/** The result of `NotificationOperations.read` for a campaign that exists. */
export interface ReadNotificationState {
  /** The outputs, as Feishu now holds the campaign. */
  readonly state: NotificationState;
  /** The inputs that describe it, so the next diff compares the program with reality. */
  readonly inputs: NormalizedNotificationInputs;
}

/** What a host gives `NotificationOperations` besides the client and the reporter. */
export interface NotificationOperationsOptions {
  /**
   * Told of a rate-limited call the run will make once the engine gets to it (a create after a
   * new resource's check, a PATCH after a diff), so quota progress counts it.
   * @default nothing is told
   */
  readonly expectCall?: (endpoint: PacedEndpoint) => void;
  /**
   * The write-ahead journal of creates (see CreateJournal).
   * @default the journal in its default folder
   */
  readonly journal?: CreateJournal;
  /**
   * The recent live reads.
   * @default a fresh memory
   */
  readonly recent?: RecentReads;
  /**
   * The `cardLimits` setting, as given (see card-input-check.ts).
   * @default unset: community-sourced limits warn
   */
  readonly cardLimits?: () => string | undefined;
}
