import type { NormalizedBotMessageInputs } from "../bot-message/check-inputs";
import type { BotMessageState } from "../bot-message/operations";
import type { InputProperty } from "../notification/fields";
import type { NotificationServerFields, NotificationUserOutput } from "../notification/outputs";
import type { ConfigKey } from "../pulumi/settings";

// The package schema's type of every property, by the same keys as the TypeScript tables
// (fields.ts, outputs.ts, the bot message's zod schema, settings.ts): `satisfies Record<…>`
// makes a property added there and forgotten here fail tsc. The descriptions come from the
// sources' JSDoc (source-docs.ts); the enums' values from the tables themselves (package-schema.ts).

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
  pushType: "PushType",
  pushScopeType: "PushScopeType",
  newStaffScopeType: "NewStaffScopeType",
  deletePolicy: "DeletePolicy",
  approval: "Approval",
  stage: "CampaignStage",
  user: "NotificationUser",
  msgType: "BotMessageType",
  receiveType: "BotMessageReceiveType",
  userIdType: "UserIdType",
} as const;

/** A HelpdeskNotification's inputs, as the program gives them. */
export const notificationInputTypes = {
  jobName: string,
  pushContent: anyJson,
  pushType: ref(typeNames.pushType),
  pushScopeType: ref(typeNames.pushScopeType),
  newStaffScopeType: ref(typeNames.newStaffScopeType),
  newStaffDepartments: strings,
  users: strings,
  departments: strings,
  chats: strings,
  ext: string,
  adoptId: string,
  approval: ref(typeNames.approval),
  sendAt: string,
  onDelete: ref(typeNames.deletePolicy),
  cancelToEdit: boolean,
} as const satisfies Record<InputProperty, SchemaType>;

/** The same properties as outputs, where they differ: normalized (the card is compact JSON text). */
export const notificationInputOutputTypes = {
  ...notificationInputTypes,
  pushContent: string,
} as const satisfies Record<InputProperty, SchemaType>;

/** What Feishu reports about a campaign, beside its inputs. */
export const notificationServerTypes = {
  notificationId: string,
  status: integer,
  isDraft: boolean,
  targetUserCount: integer,
  sentUserCount: integer,
  readUserCount: integer,
  createdAt: string,
  updatedAt: string,
  sendAt: string,
  createUser: ref(typeNames.user),
  updateUser: ref(typeNames.user),
  approvalAppLink: string,
  stage: ref(typeNames.stage),
  approvalSubmitted: boolean,
  approvalGranted: boolean,
  cardText: string,
} as const satisfies Record<keyof NotificationServerFields, SchemaType>;

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
