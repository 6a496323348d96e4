import { botMessageSchema } from "../bot-message/check-inputs";
import { NewStaffScopeType, PushScopeType, PushType } from "../notification/enums";
import { listProperties, requiredFields, settingFields } from "../notification/fields";
import { requiredServerFields } from "../notification/server-fields";
import { campaignStages } from "../notification/stage";
import { configKeys, type ConfigKey, userIdTypes } from "../pulumi/settings";
import {
  describe,
  enumType,
  fromList,
  fromTable,
  lead,
  listedValues,
  namesOnly,
  nativeWording,
  properties,
  type SchemaObject,
  unwrapDoc,
} from "./package-schema-parts";
import type { DeclarationDocs } from "./source-docs";
import {
  botMessageInputTypes,
  botMessageOutputTypes,
  configTypes,
  notificationInputOutputTypes,
  notificationInputTypes,
  notificationServerTypes,
  notificationUserTypes,
  PACKAGE,
  token,
  typeNames,
} from "./schema-types";

// The package schema (https://www.pulumi.com/docs/iac/extend-tools/packages/schema/) as a pure
// function of the TypeScript tables and their JSDoc: `npm run schema` writes it to schema.json,
// which the plugin serves (GetSchema) and `pulumi package gen-sdk` reads; a unit test checks the
// committed file is what this returns, so neither can drift from the code. Its pieces (descriptions,
// properties, enum types) are package-schema-parts.ts's.

/** The JSDoc the schema's descriptions come from (see schema-docs.ts for where each is read). */
export interface SchemaDocs {
  readonly notificationArgs: DeclarationDocs;
  readonly notificationClass: DeclarationDocs;
  readonly notificationUser: DeclarationDocs;
  readonly campaignStage: DeclarationDocs;
  readonly deletePolicy: DeclarationDocs;
  readonly pushType: DeclarationDocs;
  readonly pushScopeType: DeclarationDocs;
  readonly newStaffScopeType: DeclarationDocs;
  readonly botMessageArgs: DeclarationDocs;
  readonly botMessageClass: DeclarationDocs;
  readonly providerArgs: DeclarationDocs;
}

/**
 * Where the engine downloads the plugin when a program needs it and it is not installed: the
 * repository's GitHub releases (package.json's `repository`), whose assets scripts/build-plugin
 * names `pulumi-resource-feishu-helpdesk-v<version>-<os>-<arch>.tar.gz`. A `github://` source
 * (not a plain https URL) because the engine then finds the asset through the releases API of
 * the tag `v<version>`, and a mirror can stand in for it with `PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES`
 * (its regexp matched against this exact text). Carried by every generated SDK.
 */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk";

/** The package schema for version `version`. */
export function buildSchema(docs: SchemaDocs, version: string) {
  const notificationOutputDocs = namesOnly(docs.notificationClass.members);
  const notificationInputs = properties(
    notificationInputTypes,
    { ...namesOnly(docs.notificationArgs.members), ...nativeWording },
    "HelpdeskNotificationArgs",
  );
  const notificationOutputs: SchemaObject = {
    properties: {
      ...properties(notificationInputOutputTypes, notificationOutputDocs, "HelpdeskNotification"),
      ...properties(notificationServerTypes, notificationOutputDocs, "HelpdeskNotification"),
    },
    required: [...Object.keys(requiredFields), ...listProperties, ...requiredServerFields],
  };
  const secret = (name: string) => (configKeys[name as ConfigKey]?.secret ? { secret: true as const } : {});
  const settingDocs = docs.providerArgs.members;
  const configVariables = properties(configTypes, settingDocs, "FeishuHelpdeskProviderArgs", (name) => ({
    ...secret(name),
    description: `${unwrapDoc(settingDocs[name] ?? "")}\nEnvironment variable: ${configKeys[name as ConfigKey].env}.`,
  }));
  const providerInputs = properties(configTypes, settingDocs, "FeishuHelpdeskProviderArgs", secret);
  const msgTypes = botMessageSchema.shape.msgType.options;
  const receiveTypes = botMessageSchema.shape.receiveType.unwrap().unwrap().options;
  const deletePolicies = settingFields.onDelete.unwrap().options;

  return {
    name: PACKAGE,
    displayName: "Feishu Helpdesk",
    version,
    description:
      "Feishu (Lark) Helpdesk push campaigns and helpdesk bot messages as code: the native provider of " +
      "pulumi-feishu-helpdesk.",
    keywords: ["pulumi", "feishu", "lark", "helpdesk", "category/utility", "kind/native"],
    homepage: "https://github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk",
    repository: "https://github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk",
    license: "Apache-2.0",
    publisher: "pulumi-feishu-helpdesk",
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    meta: { moduleFormat: "(.*)" },
    // respectSchemaVersion: the SDKs carry this version (the plugin's), not the generators'
    // `${VERSION}` placeholder that a release step would have to fill in; without it the Go SDK
    // registers resources with no plugin version.
    language: {
      nodejs: { packageName: "@pulumi-feishu-helpdesk/feishu-helpdesk", respectSchemaVersion: true },
      python: { packageName: "pulumi_feishu_helpdesk", respectSchemaVersion: true, pyproject: { enabled: true } },
      go: {
        importBasePath: "github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk/sdk/go/feishuhelpdesk",
        generateResourceContainerTypes: true,
        respectSchemaVersion: true,
      },
      csharp: {
        rootNamespace: "PulumiFeishuHelpdesk",
        packageReferences: { Pulumi: "3.*" },
        respectSchemaVersion: true,
      },
    },
    config: { variables: configVariables },
    provider: {
      description:
        "The settings of one helpdesk (one tenant). The default provider takes them from the stack config " +
        "(`feishu-helpdesk:<setting>`), each falling back to its `FEISHU_*` environment variable; an explicit " +
        "provider takes its arguments alone, never the environment. `pulumi preview` fails on a missing or " +
        "malformed setting, naming it and where to set it. The secrets are stored encrypted and never shown.",
      inputProperties: providerInputs,
    },
    resources: {
      [token("HelpdeskNotification")]: {
        description: unwrapDoc(docs.notificationClass.doc),
        inputProperties: notificationInputs,
        requiredInputs: Object.keys(requiredFields),
        ...notificationOutputs,
      },
      [token("HelpdeskBotMessage")]: {
        description: unwrapDoc(docs.botMessageClass.doc),
        inputProperties: properties(botMessageInputTypes, docs.botMessageArgs.members, "HelpdeskBotMessageArgs"),
        requiredInputs: ["msgType", "content", "receiverId"],
        properties: properties(botMessageOutputTypes, docs.botMessageClass.members, "HelpdeskBotMessage"),
        required: Object.keys(botMessageOutputTypes),
      },
    },
    functions: {
      [token("getNotification")]: {
        description:
          "Reads an existing push campaign from Feishu with the provider's settings, and returns what a " +
          "HelpdeskNotification's outputs would show for it. Nothing is managed or recorded in the state. A " +
          "campaign Feishu does not have fails the call, naming the id.",
        inputs: {
          properties: { id: { type: "string", description: "The campaign's id (`notificationId`)." } },
          required: ["id"],
        },
        outputs: notificationOutputs,
      },
    },
    types: {
      [token(typeNames.pushType)]: fromTable(docs.pushType, PushType),
      [token(typeNames.pushScopeType)]: fromTable(docs.pushScopeType, PushScopeType),
      [token(typeNames.newStaffScopeType)]: fromTable(docs.newStaffScopeType, NewStaffScopeType),
      [token(typeNames.deletePolicy)]: fromList(
        lead(docs.deletePolicy.doc),
        deletePolicies,
        listedValues(docs.deletePolicy.doc),
      ),
      [token(typeNames.stage)]: fromList(
        lead(docs.campaignStage.doc),
        campaignStages,
        listedValues(docs.campaignStage.doc),
      ),
      [token(typeNames.msgType)]: fromList(
        describe(docs.botMessageArgs.members, "msgType", "HelpdeskBotMessageArgs"),
        msgTypes,
      ),
      [token(typeNames.receiveType)]: fromList(
        describe(docs.botMessageArgs.members, "receiveType", "HelpdeskBotMessageArgs"),
        receiveTypes,
      ),
      [token(typeNames.userIdType)]: enumType(
        describe(settingDocs, "userIdType", "FeishuHelpdeskProviderArgs"),
        userIdTypes.map((value) => ({
          name: value.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
          value,
        })),
      ),
      [token(typeNames.approval)]: {
        description: "A request for review (submit_approve).",
        type: "object",
        properties: { reason: { type: "string", description: "The reason the reviewer sees." } },
        required: ["reason"],
      },
      [token(typeNames.user)]: {
        description: unwrapDoc(docs.notificationUser.doc),
        type: "object",
        properties: properties(notificationUserTypes, docs.notificationUser.members, "NotificationUserOutput"),
      },
    },
  };
}

/** The package schema, as written to schema.json. */
export type PackageSchema = ReturnType<typeof buildSchema>;
