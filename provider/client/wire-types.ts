/**
 * The Feishu Helpdesk API's own shapes (snake_case), as the Feishu Open Platform's helpdesk pages document them.
 * The provider's camelCase inputs are mapped onto these in ../notification/mapping.ts.
 */

/** A user in a campaign (`notification_user`). */
export interface WireNotificationUser {
  user_id?: string;
  avatar_url?: string;
  name?: string;
}

/** A department in a campaign (`notification_department`). */
export interface WireNotificationDepartment {
  department_id: string;
  name?: string;
}

/** A group chat in a campaign (`notification_chat`). */
export interface WireNotificationChat {
  chat_id?: string;
  name?: string;
}

/** The request body of create (POST) and update (PATCH): the fields a caller sets. */
export interface WireNotificationBody {
  job_name: string;
  /** A message card, serialized as a JSON string. */
  push_content: string;
  /** 0: scheduled push; 1: new-staff onboarding push. */
  push_type: number;
  /** 0: everyone; 1: no members (chats only); 2: some members; 3: new staff. */
  push_scope_type: number;
  /** 0: all new staff; 1: new staff of some departments. Only with push_type 1. */
  new_staff_scope_type?: number;
  new_staff_scope_department_list?: WireNotificationDepartment[];
  user_list?: WireNotificationUser[];
  department_list?: WireNotificationDepartment[];
  chat_list?: WireNotificationChat[];
  ext?: string;
}

/** A campaign as GET returns it (`data.notification`). */
export interface WireNotification extends WireNotificationBody {
  id: string;
  /** Only 0 (draft) is documented. */
  status: number;
  create_user?: WireNotificationUser;
  created_at?: string;
  update_user?: WireNotificationUser;
  updated_at?: string;
  target_user_count?: number;
  sent_user_count?: number;
  read_user_count?: number;
  send_at?: string;
}

/** The envelope every Feishu Open API response uses. */
export interface WireEnvelope<T> {
  code: number;
  msg: string;
  data?: T;
}

/** `data` of a successful create. */
export interface WireCreateData {
  notification_id: string;
  status: number;
}

/** `data` of a successful GET. */
export interface WireGetData {
  notification: WireNotification;
  approval_app_link?: string;
}

/** `data` of a successful submit_approve. */
export interface WireSubmitApproveData {
  /** True when Feishu approved at once (the caller owns the helpdesk). */
  has_access?: boolean;
}

/** `data` of a successful bot message. */
export interface WireBotMessageData {
  message_id: string;
}

/** The tenant token endpoint answers without a `data` wrapper. */
export interface WireTenantTokenResponse {
  code: number;
  msg: string;
  tenant_access_token?: string;
  /** Seconds until the token expires. */
  expire?: number;
}

/** The body of the helpdesk bot message API (POST /open-apis/helpdesk/v1/message). */
export interface WireBotMessage {
  /** `text`, `post`, `image` or `interactive` (a card). */
  msg_type: "text" | "post" | "image" | "interactive";
  /** The message content, serialized as a JSON string. */
  content: string;
  /** The receiving user's id. */
  receiver_id: string;
  /** `chat`: the user's helpdesk group (the default); `user`: a private chat with the helpdesk bot. */
  receive_type?: "chat" | "user";
}
