import type { WireNotification } from "../../provider/client/wire-types";
import { NewStaffScopeType, nameOf, PushScopeType, PushType } from "../../provider/notification/enums";
import { EmulatorStatus } from "../campaign-lifecycle";

/** What the console shows of a campaign: plain values, decided here, escaped by the page. */
export interface CampaignView {
  readonly id: string;
  readonly jobName: string;
  readonly status: number;
  /** The emulator's name for the status (only 0, draft, is Feishu's documented value). */
  readonly stage: string;
  readonly pushType: string;
  /** Who receives it, in words: "everyone", "2 users, 1 chat", "new staff of 1 department". */
  readonly audience: string;
  readonly targetUserCount: number | undefined;
  readonly sentUserCount: number | undefined;
  /** The send time in UTC (ISO 8601), or undefined when none is set. */
  readonly sendAt: string | undefined;
  /** The card, parsed from push_content; the raw text when it is not JSON. */
  readonly card: { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly text: string };
  /** Whether the admin route's approve applies (only a campaign in review can be approved). */
  readonly inReview: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Who a campaign reaches, from its lists and scope type. */
export function audienceOf(n: WireNotification): string {
  const chats = n.chat_list?.length ?? 0;
  const withChats = (text: string) => (chats > 0 ? `${text}, ${plural(chats, "chat")}` : text);
  switch (n.push_scope_type) {
    case PushScopeType.allMembers:
      return withChats("everyone in the organization");
    case PushScopeType.chatsOnly:
      return plural(chats, "chat");
    case PushScopeType.someMembers:
      return withChats(
        `${plural(n.user_list?.length ?? 0, "user")}, ${plural(n.department_list?.length ?? 0, "department")}`,
      );
    case PushScopeType.newStaff:
      return withChats(
        n.new_staff_scope_type === NewStaffScopeType.departments
          ? `new staff of ${plural(n.new_staff_scope_department_list?.length ?? 0, "department")}`
          : "all new staff",
      );
    default:
      return withChats(`push_scope_type ${n.push_scope_type}`);
  }
}

/** The console's view of a campaign as the emulator holds it now. */
export function campaignView(n: WireNotification): CampaignView {
  const sendAt = Number(n.send_at);
  let card: CampaignView["card"];
  try {
    card = { ok: true, value: JSON.parse(n.push_content) as unknown };
  } catch {
    card = { ok: false, text: String(n.push_content) };
  }
  return {
    id: n.id,
    jobName: n.job_name,
    status: n.status,
    stage: nameOf(EmulatorStatus, n.status) ?? "unknown",
    pushType: nameOf(PushType, n.push_type) ?? `push_type ${n.push_type}`,
    audience: audienceOf(n),
    targetUserCount: n.target_user_count,
    sentUserCount: n.sent_user_count,
    sendAt: n.send_at && Number.isFinite(sendAt) ? new Date(sendAt).toISOString() : undefined,
    card,
    inReview: n.status === EmulatorStatus.inReview,
  };
}
