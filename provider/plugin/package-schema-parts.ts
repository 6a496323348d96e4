import { PackageSchemaError } from "./package-schema-error";
import type { SchemaType } from "./schema-types";
import type { DeclarationDocs, MemberDocs } from "./source-docs";

// The pieces the package schema is built of, from the TypeScript sources: descriptions from their
// JSDoc, properties from the type tables, enum types from the enum tables and documented lists.

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
export const lead = (doc: string) => unwrapDoc(doc.split(/\n- /)[0]).replace(/:$/, ".");

export function describe(docs: MemberDocs, name: string, what: string): string {
  const doc = docs[name];
  if (doc === undefined || doc === "") throw new PackageSchemaError(`no JSDoc for ${what}.${name}`);
  return unwrapDoc(doc);
}

export function properties(
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

export interface EnumValue {
  readonly name?: string;
  readonly value: string;
  readonly description?: string;
}

export const enumType = (description: string, values: readonly EnumValue[]) => ({
  description: unwrapDoc(description),
  type: "string",
  enum: values,
});

export const fromTable = (docs: DeclarationDocs, table: Record<string, number>) =>
  enumType(
    docs.doc,
    Object.keys(table).map((value) => ({ value, description: unwrapDoc(docs.members[value] ?? "") })),
  );

export const fromList = (description: string, values: readonly string[], docs: Record<string, string> = {}) =>
  enumType(
    description,
    values.map((value) => ({ value, ...(docs[value] ? { description: docs[value] } : {}) })),
  );

/** Where the schema says something else than the TypeScript docs: the plugin is no dynamic provider. */
export const nativeWording: Readonly<Record<string, string>> = {
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
export const namesOnly = (members: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(members).map(([name, doc]) => [
      name,
      doc.replace(numbersAccepted, "; give the name (the number is Feishu's value for it)."),
    ]),
  );
