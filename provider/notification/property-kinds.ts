import type { z } from "zod";
import type { WireNotification, WireNotificationBody } from "../client/wire-types";
import { enumSchema, idListSchema, pushContentSchema } from "./field-schemas";

// The kinds of value a HelpdeskNotification's input holds, and a builder for the row of each:
// its zod schema beside what else the code needs to know of it (its wire field, its enum table).
// fields.ts declares one row per property with these; the wire body and its reverse
// (mapping.ts), the comparison (compare.ts), the blank inputs and the state upgrade
// (stored-state.ts) and the plugin's schema types (plugin/schema-types.ts) each switch on the kind.

/** A field of the create/update request body. */
export type BodyField = keyof WireNotificationBody;

/** The body fields that hold a list of objects, each naming one id. */
export type ListField = {
  [F in BodyField]-?: NonNullable<WireNotificationBody[F]> extends readonly object[] ? F : never;
}[BodyField];

/** An integer enum of the API, by name: `{ scheduled: 0, newStaffOnboarding: 1 }`. */
export type EnumTable = Readonly<Record<string, number>>;

/** Free text, sent as is. `unset`: what Feishu answers for one never set (absent from a GET too). */
export interface TextRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "text";
  readonly schema: S;
  readonly wire?: BodyField;
  readonly unset?: readonly string[];
}

/** A message card, kept as compact JSON text and compared as a JSON value. */
export interface CardRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "card";
  readonly schema: S;
  readonly wire: BodyField;
}

/**
 * One of a list of names. `table`: the API's integer for each name (none for a setting, which
 * is never sent); `typeName`: the type's name in the package schema; `heldOnlyFor`: Feishu holds
 * a value only for the campaigns it accepts (otherwise the live value is none).
 */
export interface EnumRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "enum";
  readonly schema: S;
  readonly typeName: string;
  readonly wire?: BodyField;
  readonly table?: EnumTable;
  readonly heldOnlyFor?: (live: WireNotification) => boolean;
}

/** A list of ids, compared as a set; sent as a list of objects, each with the id under `itemKey`. */
export interface IdListRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "idList";
  readonly schema: S;
  readonly wire: ListField;
  readonly itemKey: string;
}

/** True or false; a time (milliseconds since the epoch, as text); an object of the schema's `typeName`. */
export interface FlagRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "flag";
  readonly schema: S;
}
export interface TimeRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "time";
  readonly schema: S;
}
export interface ObjectRow<S extends z.ZodType = z.ZodType> {
  readonly kind: "object";
  readonly schema: S;
  readonly typeName: string;
}

/** The row of one input property. */
export type PropertyRow = TextRow | CardRow | EnumRow | IdListRow | FlagRow | TimeRow | ObjectRow;

/** The row of a property sent to Feishu: it names its body field. */
export type CampaignRow = PropertyRow & { readonly wire: BodyField };

/** The kind of a property. */
export type PropertyKind = PropertyRow["kind"];

/** Each row's zod schema, by property. */
export type SchemasOf<R extends Record<string, PropertyRow>> = { readonly [K in keyof R]: R[K]["schema"] };

/** The zod schemas of a table of rows. */
export const schemasOf = <R extends Record<string, PropertyRow>>(rows: R): SchemasOf<R> =>
  Object.fromEntries(Object.entries(rows).map(([property, row]) => [property, row.schema])) as SchemasOf<R>;

/** Text; `wire` when it is sent. */
export const text = <S extends z.ZodType, W extends BodyField | undefined = undefined>(
  schema: S,
  wire?: W,
  unset?: readonly string[],
) => ({ kind: "text", schema, wire: wire as W, unset }) as const satisfies TextRow<S>;

/** The card, sent in `wire`. */
export const card = (wire: BodyField) => ({ kind: "card", schema: pushContentSchema, wire }) as const satisfies CardRow;

/** An integer enum sent in `wire`, given by name or number, kept by name. */
export function enumeration<T extends EnumTable>(wire: BodyField, table: T, typeName: string) {
  return { kind: "enum", schema: enumSchema(table), typeName, wire, table } as const satisfies EnumRow;
}

/**
 * An optional integer enum, as {@link enumeration}; `heldOnlyFor`: the campaigns for which
 * Feishu holds a value at all.
 */
export function optionalEnumeration<T extends EnumTable>(
  wire: BodyField,
  table: T,
  typeName: string,
  heldOnlyFor: (live: WireNotification) => boolean,
) {
  const schema = enumSchema(table).optional();
  return { kind: "enum", schema, typeName, wire, table, heldOnlyFor } as const satisfies EnumRow;
}

/** A list of ids sent in `wire`, each as `{ [itemKey]: id }`; `what` the ids are, for the messages. */
export function idList<F extends ListField>(wire: F, itemKey: keyof NonNullable<WireNotificationBody[F]>[number]) {
  const what = String(itemKey).replace(/_id$/, "");
  return { kind: "idList", schema: idListSchema(what), wire, itemKey: String(itemKey) } as const satisfies IdListRow;
}

/** A setting of a kind with no more to say than its schema. */
export const flag = <S extends z.ZodType>(schema: S) => ({ kind: "flag", schema }) as const satisfies FlagRow<S>;
export const time = <S extends z.ZodType>(schema: S) => ({ kind: "time", schema }) as const satisfies TimeRow<S>;
export const object = <S extends z.ZodType>(schema: S, typeName: string) =>
  ({ kind: "object", schema, typeName }) as const satisfies ObjectRow<S>;
/** A setting that is one of a list of names (never sent, so no table). */
export const choice = <S extends z.ZodType>(schema: S, typeName: string) =>
  ({ kind: "enum", schema, typeName }) as const satisfies EnumRow<S>;
