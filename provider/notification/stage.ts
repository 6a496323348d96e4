import type { WireNotification } from "../client/wire-types";

/**
 * Where a campaign stands, as far as the API tells. Only status 0 (draft) is documented, so
 * the other stages come from what Feishu does say: `has_access` when it was submitted,
 * `send_at`, and the counts.
 * - `draft`: status 0.
 * - `submitted`: submitted for review, approval not confirmed (the owner may have approved it
 *   since: the API does not say).
 * - `approved`: Feishu answered `has_access: true` when it was submitted.
 * - `scheduled`: it has a send time still to come.
 * - `sending`: its send time has passed and not every target has it yet.
 * - `sent`: its send time has passed and every target has it (or it targets chats only).
 * - `unknown`: not a draft, and none of the above can be told.
 */
export type CampaignStage = (typeof campaignStages)[number];

/** Every {@link CampaignStage}, in lifecycle order (the package schema lists them as an enum). */
export const campaignStages = ["draft", "submitted", "approved", "scheduled", "sending", "sent", "unknown"] as const;

/** What the provider itself knows about a campaign's review. */
export interface ApprovalRecord {
  /** The provider submitted it for review (and has not withdrawn it since). */
  readonly approvalSubmitted?: boolean;
  /** Feishu answered `has_access: true` to that submission. */
  readonly approvalGranted?: boolean;
}

/**
 * The {@link CampaignStage} of a campaign just read. `now`: the server's time when it answered
 * (FetchedNotification.serverTime), since Feishu's clock decides when a send goes out; the local
 * clock when the reply did not tell.
 */
export function stageOf(live: WireNotification, record: ApprovalRecord, now = Date.now()): CampaignStage {
  if (live.status === 0) return "draft";
  const sendAt = Number(live.send_at);
  if (live.send_at && Number.isFinite(sendAt)) {
    if (now < sendAt) return "scheduled";
    const target = live.target_user_count ?? 0;
    return (live.sent_user_count ?? 0) >= target ? "sent" : "sending";
  }
  if (record.approvalGranted) return "approved";
  if (record.approvalSubmitted) return "submitted";
  return "unknown";
}
