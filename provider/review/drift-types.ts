// What the drift report finds, as data: reviewDrift (drift.ts) decides it, renderDrift
// (drift-markdown.ts) writes it.

/** The hidden marker of a drift report, apart from the pull-request comment's. */
export const DRIFT_MARKER = "<!-- feishu-helpdesk-drift -->";

/** One property of a campaign that differs between the stack's state and Feishu. */
export interface DriftedProperty {
  /** The input or output's name, e.g. `stage`, `jobName`, `pushContent`. */
  readonly property: string;
  /**
   * In code, shown short; `[secret]` for a secret. From the program's step (what `pulumi up` would
   * set), or, when the run stopped before the program was diffed, the stack's state (what the code
   * last applied).
   */
  readonly inCode: string;
  /** In Feishu now, shown the same way. */
  readonly inFeishu: string;
}

/** A campaign (or bot message) changed outside code, as {@link reviewDrift} reports it. */
export interface DriftedCampaign {
  readonly name: string;
  readonly urn: string;
  readonly jobName: string | undefined;
  /**
   * `changed`: its properties differ; `deleted`: Feishu no longer has it; `refused`: the provider
   * refused to diff the code against it (e.g. edited and approved in the console): see `message`.
   */
  readonly how: "changed" | "deleted" | "refused";
  readonly properties: readonly DriftedProperty[];
  /** The card's text diff (code → Feishu), when the card itself changed and is not a secret. */
  readonly cardDiff: string | undefined;
  /** For `refused`: the provider's message. */
  readonly message?: string;
}

/** A campaign whose code and Feishu differ only by a lifecycle step still to come: not drift. */
export interface WaitingCampaign {
  readonly name: string;
  readonly urn: string;
  /** The provider's warning, e.g. "`sendAt` is pending, not changed in code: it waits for … approval". */
  readonly message: string;
}

/** What {@link reviewDrift} returns. */
export interface DriftResult {
  readonly drifted: readonly DriftedCampaign[];
  /** Campaigns that only wait for a lifecycle step (approval, a scheduled send): listed apart, not drift. */
  readonly waiting: readonly WaitingCampaign[];
  /** A Markdown report (an issue body, a job summary); says so when nothing drifted. */
  readonly markdown: string;
  /** The stack's name, from the URNs. */
  readonly stack: string | undefined;
  /**
   * The engine's errors: a run that stopped (e.g. the provider refused to diff the code against a
   * campaign approved outside code) may not have compared every campaign.
   */
  readonly errors: readonly string[];
  /** Lines of an event stream that were not JSON and were skipped (a wrapper's stray output). */
  readonly unreadLines: number;
}
