import { botMessageSchema } from "../bot-message/schema";
import { NewStaffScopeType, PushScopeType, PushType } from "../notification/enums";
import { listProperties, requiredFields, settingFields } from "../notification/fields";
import { requiredServerFields } from "../notification/server-fields";
import { campaignStages } from "../notification/stage";
import { configKeys, type ConfigKey, userIdTypes } from "../pulumi/settings";
import type { DeclarationDocs, MemberDocs } from "./source-docs";
import {
  botMessageInputTypes,
  botMessageOutputTypes,
  configTypes,
  notificationInputOutputTypes,
  notificationInputTypes,
  notificationServerTypes,
  notificationUserTypes,
  PACKAGE,
  type SchemaType,
  token,
  typeNames,
} from "./schema-types";

// The package schema (https://www.pulumi.com/docs/iac/extend-tools/packages/schema/) as a pure
// function of the TypeScript tables and their JSDoc: `npm run schema` writes it to schema.json,
// which the plugin serves (GetSchema) and `pulumi package gen-sdk` reads; a unit test checks the
// committed file is what this returns, so neither can drift from the code.

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

/** A property of the schema. */
export interface SchemaProperty {
  readonly description: string;
  readonly secret?: true;
  readonly type?: string;
  readonly $ref?: string;
  readonly items?: SchemaType;
  readonly additionalProperties?: SchemaType;
}

/** An object's properties and which are always set. */
export interface SchemaObject {
  readonly properties: Readonly<Record<string, SchemaProperty>>;
  readonly required: readonly string[];
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

/**
 * JSDoc as schema text: the source's hard-wrapped lines joined into paragraphs (list items and
 * `Default:` stay on lines of their own), `pulumi.Input` talk left to the TypeScript docs.
 */
export function unwrapDoc(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .reduce((out, line, i) => {
      if (i === 0) return line;
      const breaks = line === "" || line.startsWith("- ") || line.startsWith("Default:") || out.endsWith("\n");
      return `${out}${breaks ? "\n" : " "}${line}`;
    }, "")
    .trim();
}

/** The `- \`value\`: text` items of a doc, by value: a type alias's list of what each value means. */
export function listedValues(doc: string): Record<string, string> {
  const items: Record<string, string> = {};
  for (const match of doc.matchAll(/^- `([^`]+)`(?: \([^)]*\))?: ((?:.|\n(?!- |\n))*)/gm))
    items[match[1]] = unwrapDoc(match[2]);
  return items;
}

/** The first paragraph of a doc (before its list of values). */
const lead = (doc: string) => unwrapDoc(doc.split(/\n- /)[0]).replace(/:$/, ".");

function describe(docs: MemberDocs, name: string, what: string): string {
  const doc = docs[name];
  if (doc === undefined || doc === "") throw new Error(`no JSDoc for ${what}.${name}`);
  return unwrapDoc(doc);
}

function properties(
  types: Readonly<Record<string, SchemaType>>,
  docs: MemberDocs,
  what: string,
  extra: (name: string) => Partial<SchemaProperty> = () => ({}),
): Record<string, SchemaProperty> {
  return Object.fromEntries(
    Object.entries(types).map(([name, type]) => [
      name,
      { description: describe(docs, name, what), ...type, ...extra(name) },
    ]),
  );
}

interface EnumValue {
  readonly name?: string;
  readonly value: string;
  readonly description?: string;
}

const enumType = (description: string, values: readonly EnumValue[]) => ({
  description: unwrapDoc(description),
  type: "string",
  enum: values,
});

const fromTable = (docs: DeclarationDocs, table: Record<string, number>) =>
  enumType(
    docs.doc,
    Object.keys(table).map((value) => ({ value, description: unwrapDoc(docs.members[value] ?? "") })),
  );

const fromList = (description: string, values: readonly string[], docs: Record<string, string> = {}) =>
  enumType(
    description,
    values.map((value) => ({ value, ...(docs[value] ? { description: docs[value] } : {}) })),
  );

/** Where the schema says something else than the TypeScript docs: the plugin is no dynamic provider. */
const nativeWording: Readonly<Record<string, string>> = {
  adoptId:
    "The id of an existing campaign to manage instead of creating one (`pulumi import` adopts one too). Create " +
    "reads it and, if it is a draft that differs from these inputs, updates it. Only read at create: changing it " +
    "later has no effect.",
};

/**
 * The TypeScript docs' "the numbers are accepted too" is the dynamic resource's alone: the
 * schema's enums (and so every generated SDK) take the names only.
 */
const numbersAccepted = /;\s*the numbers are accepted too\./;
const namesOnly = (members: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(members).map(([name, doc]) => [
      name,
      doc.replace(numbersAccepted, "; give the name (the number is Feishu's value for it)."),
    ]),
  );

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
