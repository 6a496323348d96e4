import { renderCardText } from "../card/render-text";
import type { FetchedNotification } from "../client/helpdesk-client";
import type { WireNotification, WireNotificationUser } from "../client/wire-types";
import { withoutUndefined } from "../json/without-undefined";
import type { NormalizedNotificationInputs } from "./fields";
import { type ApprovalRecord, type CampaignStage, stageOf } from "./stage";

// What Feishu reports about a campaign, beside its inputs: one row per server field. The state's
// type, the names the resource declares as outputs, the plugin's schema types and its lists
// (always set, kept by an update) derive from these. What each field means is documented once,
// on HelpdeskNotification's outputs (helpdesk-notification.ts), which users read.

/** A user as the campaign's outputs show it. */
export interface NotificationUserOutput {
  /** The user's id, of the provider's userIdType; Feishu leaves it out without the employee-id permission. */
  readonly userId?: string;
  /** The user's name. */
  readonly name?: string;
  /** The link to the user's avatar. */
  readonly avatarUrl?: string;
}

/** The kinds of value a server field holds, and each one's type. */
interface ServerKinds {
  readonly text: string;
  readonly integer: number;
  readonly flag: boolean;
  /** Milliseconds since the epoch, as text (Feishu's format). */
  readonly time: string;
  readonly user: NotificationUserOutput;
  readonly stage: CampaignStage;
}
/** The kind of a server field. */
export type ServerKind = keyof ServerKinds;

/** What a server field is read from: the campaign just read, the review recorded, the inputs that describe it. */
export interface ServerFieldSource {
  readonly fetched: FetchedNotification;
  readonly approval: ApprovalRecord;
  readonly inputs: NormalizedNotificationInputs;
}

/** Whether a field is in every state this version writes, and whether an update leaves it as it was. */
interface ServerFieldFlags {
  readonly alwaysSet?: true;
  readonly keptByUpdate?: true;
  /** The version whose states lack the field (it came later): the package schema keeps it optional. */
  readonly absentBefore?: string;
}

/** The row of one server field. */
export interface ServerFieldRow<K extends ServerKind = ServerKind, A extends boolean = boolean> {
  readonly kind: K;
  /** The field of Feishu's answers it comes from; undefined: the provider's own. */
  readonly wire: string | undefined;
  readonly read: (source: ServerFieldSource) => ServerKinds[K] | undefined;
  readonly alwaysSet: A;
  readonly keptByUpdate: boolean;
  readonly absentBefore: string | undefined;
}

type AlwaysSet<F extends ServerFieldFlags> = F extends { readonly alwaysSet: true } ? true : false;

/** The fields of `WireNotification` that hold a `T`. */
type WireFieldOf<T> = {
  [F in keyof WireNotification]-?: NonNullable<WireNotification[F]> extends T ? F : never;
}[keyof WireNotification];

const userOf = (u: WireNotificationUser | undefined): NotificationUserOutput | undefined =>
  u === undefined ? undefined : withoutUndefined({ userId: u.user_id, name: u.name, avatarUrl: u.avatar_url });

/** A field of the campaign as GET returns it (`wire`), as is (a user: as {@link NotificationUserOutput}). */
function fromCampaign<K extends ServerKind, const F extends ServerFieldFlags = Record<never, never>>(
  wire: WireFieldOf<K extends "user" ? WireNotificationUser : ServerKinds[K]>,
  kind: K,
  flags?: F,
): ServerFieldRow<K, AlwaysSet<F>> {
  const read = ({ fetched }: ServerFieldSource) => {
    const value = (fetched.notification as unknown as Record<string, unknown>)[wire];
    return (kind === "user" ? userOf(value as WireNotificationUser | undefined) : value) as ServerKinds[K];
  };
  return row(kind, wire, read, flags);
}

/** A field the provider works out; `wire`: the field of Feishu's answers it comes from, if any. */
function computed<K extends ServerKind, const F extends ServerFieldFlags = Record<never, never>>(
  kind: K,
  read: (source: ServerFieldSource) => AlwaysSet<F> extends true ? ServerKinds[K] : ServerKinds[K] | undefined,
  flags?: F,
  wire?: string,
): ServerFieldRow<K, AlwaysSet<F>> {
  return row(kind, wire, read, flags);
}

function row<K extends ServerKind, F extends ServerFieldFlags>(
  kind: K,
  wire: string | undefined,
  read: (source: ServerFieldSource) => ServerKinds[K] | undefined,
  flags: F | undefined,
): ServerFieldRow<K, AlwaysSet<F>> {
  const alwaysSet = (flags?.alwaysSet === true) as AlwaysSet<F>;
  return { kind, wire, read, alwaysSet, keptByUpdate: flags?.keptByUpdate === true, absentBefore: flags?.absentBefore };
}

/** Every server field, in the order the outputs list them. */
export const serverFieldRows = {
  notificationId: fromCampaign("id", "text", { alwaysSet: true, keptByUpdate: true }),
  status: fromCampaign("status", "integer", { alwaysSet: true }),
  isDraft: computed("flag", ({ fetched }) => fetched.notification.status === 0, { alwaysSet: true }, "status"),
  targetUserCount: fromCampaign("target_user_count", "integer"),
  sentUserCount: fromCampaign("sent_user_count", "integer"),
  readUserCount: fromCampaign("read_user_count", "integer"),
  createdAt: fromCampaign("created_at", "time", { keptByUpdate: true }),
  updatedAt: fromCampaign("updated_at", "time"),
  sendAt: fromCampaign("send_at", "time"),
  createUser: fromCampaign("create_user", "user", { keptByUpdate: true }),
  updateUser: fromCampaign("update_user", "user"),
  approvalAppLink: computed("text", ({ fetched }) => fetched.approvalAppLink, {}, "approval_app_link"),
  // Judged by Feishu's clock (the reply's Date header), which decides when the send goes out.
  stage: computed(
    "stage",
    ({ fetched, approval }) => stageOf(fetched.notification, approval, fetched.serverTime),
    { alwaysSet: true },
    "status",
  ),
  approvalSubmitted: computed("flag", ({ approval }) => approval.approvalSubmitted),
  approvalGranted: computed("flag", ({ approval }) => approval.approvalGranted, {}, "has_access"),
  // Rendered from the stored card, never sent to Feishu.
  cardText: computed("text", ({ inputs }) => renderCardText(inputs.pushContent), {
    alwaysSet: true,
    absentBefore: "0.1.0",
  }),
};

type Rows = typeof serverFieldRows;
/** The name of a server field. */
export type ServerField = keyof Rows;
type ValueOf<F extends ServerField> = Rows[F] extends ServerFieldRow<infer K> ? ServerKinds[K] : never;
type AlwaysSetField = { [F in ServerField]: Rows[F]["alwaysSet"] extends true ? F : never }[ServerField];

/**
 * What Feishu reports about a campaign, beside its inputs: HelpdeskNotification's outputs
 * other than its inputs, where each is documented.
 */
export type NotificationServerFields = {
  readonly [F in AlwaysSetField]: ValueOf<F>;
} & { readonly [F in Exclude<ServerField, AlwaysSetField>]?: ValueOf<F> };

/** Every server field's name. */
export const serverFields = Object.keys(serverFieldRows) as ServerField[];

/** The server fields in every state, whichever version wrote it (the others may be absent). */
export const requiredServerFields: readonly ServerField[] = serverFields.filter(
  (field) => serverFieldRows[field].alwaysSet && serverFieldRows[field].absentBefore === undefined,
);

/** What an update never changes: the campaign's id and its creation. */
export const serverFieldsKeptByUpdate: readonly ServerField[] = serverFields.filter(
  (field) => serverFieldRows[field].keptByUpdate,
);

/** Every server field, as undefined: the resource class declares them as outputs by giving them so. */
export const serverFieldNames = Object.fromEntries(serverFields.map((field) => [field, undefined])) as Record<
  ServerField,
  undefined
>;

/** The server fields of a campaign just read. */
export function serverFieldsOf(source: ServerFieldSource): NotificationServerFields {
  return Object.fromEntries(
    serverFields.map((field) => [field, serverFieldRows[field].read(source)]),
  ) as NotificationServerFields;
}
