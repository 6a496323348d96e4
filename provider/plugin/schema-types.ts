import type { NormalizedBotMessageInputs } from "../bot-message/check-inputs";
import type { BotMessageState } from "../bot-message/operations";
import { inputRows } from "../notification/fields";
import type { PropertyRow } from "../notification/property-kinds";
import { type NotificationUserOutput, serverFieldRows, type ServerKind } from "../notification/server-fields";
import type { ConfigKey } from "../pulumi/settings";

// The package schema's type of every property: a campaign's, by the kind of its row (fields.ts,
// server-fields.ts); the others by the same keys as the TypeScript tables (the bot message's zod
// schema, settings.ts), where `satisfies Record<…>` makes a property added there and forgotten
// here fail tsc. The descriptions come from the sources' JSDoc (source-docs.ts); the enums'
// values from the tables themselves (package-schema.ts).

/** The package name, as in `feishu-helpdesk:index:HelpdeskNotification` and the stack config. */
export const PACKAGE = "feishu-helpdesk";

/** A type token of this package: `feishu-helpdesk:index:<name>`. */
export const token = (name: string) => `${PACKAGE}:index:${name}`;

/** A property's type in the package schema (the subset this package uses). */
export type SchemaType =
  | { readonly type: "string" | "integer" | "boolean" | "number" }
  | { readonly type: "array"; readonly items: SchemaType }
  | { readonly type: "object"; readonly additionalProperties: SchemaType }
  | { readonly $ref: string };

const string = { type: "string" } as const;
const integer = { type: "integer" } as const;
const boolean = { type: "boolean" } as const;
const strings = { type: "array", items: string } as const;
/** A JSON value: a card may be given as an object or as its JSON text. */
const anyJson = { $ref: "pulumi.json#/Any" } as const;
const ref = (name: string) => ({ $ref: `#/types/${token(name)}` }) as const;

/** The enum and object types the properties refer to, by name (`#/types/feishu-helpdesk:index:<name>`). */
export const typeNames = {
  pushType: inputRows.pushType.typeName,
  pushScopeType: inputRows.pushScopeType.typeName,
  newStaffScopeType: inputRows.newStaffScopeType.typeName,
  deletePolicy: inputRows.onDelete.typeName,
  approval: inputRows.approval.typeName,
  stage: "CampaignStage",
  user: "NotificationUser",
  msgType: "BotMessageType",
  receiveType: "BotMessageReceiveType",
  userIdType: "UserIdType",
} as const;

/** A property's schema type by the kind of its row; a card is any JSON value as an input, its text as an output. */
function propertyType(row: PropertyRow, card: SchemaType): SchemaType {
  if (row.kind === "enum" || row.kind === "object") return ref(row.typeName);
  if (row.kind === "idList") return strings;
  if (row.kind === "flag") return boolean;
  return row.kind === "card" ? card : string;
}

/** A server field's schema type by its kind. */
const serverFieldTypes = {
  text: string,
  integer,
  flag: boolean,
  time: string,
  user: ref(typeNames.user),
  stage: ref(typeNames.stage),
} as const satisfies Record<ServerKind, SchemaType>;

const mapRows = <R extends object, T>(rows: R, type: (row: R[keyof R]) => T) =>
  Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, type(row)])) as Record<keyof R, T>;

/** A HelpdeskNotification's inputs, as the program gives them. */
export const notificationInputTypes = mapRows(inputRows, (row) => propertyType(row, anyJson));

/** The same properties as outputs: normalized (the card is compact JSON text). */
export const notificationInputOutputTypes = mapRows(inputRows, (row) => propertyType(row, string));

/** What Feishu reports about a campaign, beside its inputs. */
export const notificationServerTypes = mapRows(serverFieldRows, (row) => serverFieldTypes[row.kind]);

/** A user, as a campaign's outputs show it (createUser, updateUser). */
export const notificationUserTypes = {
  userId: string,
  name: string,
  avatarUrl: string,
} as const satisfies Record<keyof NotificationUserOutput, SchemaType>;

/** A HelpdeskBotMessage's inputs. */
export const botMessageInputTypes = {
  msgType: ref(typeNames.msgType),
  content: anyJson,
  receiverId: string,
  receiveType: ref(typeNames.receiveType),
} as const satisfies Record<keyof NormalizedBotMessageInputs, SchemaType>;

/** A HelpdeskBotMessage's outputs. */
export const botMessageOutputTypes = {
  ...botMessageInputTypes,
  content: string,
  messageId: string,
  sentAt: string,
} as const satisfies Record<keyof BotMessageState, SchemaType>;

/** The provider's settings: the stack config `feishu-helpdesk:<key>`, or an explicit provider's arguments. */
export const configTypes = {
  baseUrl: string,
  userIdType: ref(typeNames.userIdType),
  appId: string,
  appSecret: string,
  userAccessToken: string,
  helpdeskId: string,
  helpdeskToken: string,
  timeoutMs: integer,
  rateLimits: { type: "object", additionalProperties: integer },
  rateLimitWindowMs: integer,
  retryDeadlineMs: integer,
  allowInsecureHttp: boolean,
} as const satisfies Record<ConfigKey, SchemaType>;
