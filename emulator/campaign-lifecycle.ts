import type { WireNotification } from "../provider/client/wire-types";

/**
 * The emulator's status numbers. Feishu documents only 0 (draft); the others are this
 * emulator's invention, to give review and sending a state machine to test against. The
 * provider never relies on them.
 */
export const EmulatorStatus = {
  draft: 0,
  inReview: 1,
  approved: 2,
  scheduled: 3,
  sending: 4,
  sent: 5,
  cancelled: 6,
} as const;

/** What the emulator keeps about a campaign beyond what GET shows. */
export interface CampaignExtras {
  /** Messages delivered so far, and whether they were recalled. */
  delivered: number;
  recalled: boolean;
  /** Previews sent to the caller. */
  previews: number;
}

/**
 * Moves a scheduled campaign along with the clock: at send_at it starts sending, and
 * `sendDurationMs` later every target has it. Evaluated whenever a campaign is read, so no
 * timer is needed and the result is the same however often it is asked.
 */
export function advance(
  notification: WireNotification,
  extras: CampaignExtras,
  now: number,
  sendDurationMs: number,
): void {
  const status = notification.status;
  if (status !== EmulatorStatus.scheduled && status !== EmulatorStatus.sending) return;
  const sendAt = Number(notification.send_at);
  if (!Number.isFinite(sendAt) || now < sendAt) return;
  const target = notification.target_user_count ?? 0;
  const progress = Math.min(1, (now - sendAt) / sendDurationMs);
  notification.sent_user_count = Math.floor(target * progress);
  extras.delivered = notification.sent_user_count;
  notification.status = progress >= 1 ? EmulatorStatus.sent : EmulatorStatus.sending;
}
