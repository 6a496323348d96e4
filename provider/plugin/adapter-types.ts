import type { CheckedInputs } from "../pulumi/input-check";
import type { PropertyChange } from "./detailed-diff";

// What the plugin's resource adapters answer, in plain values: server.ts turns these into the
// protocol's messages. One shape for both resources, so the server has one path per RPC.

/** Properties as the engine sends and receives them (after wire-values.ts). */
export type Properties = Record<string, unknown>;

/** Check's answer: the core's result (see ProviderScope.check), the checked inputs or every failure. */
export type CheckAnswer = CheckedInputs<Properties>;

/** Diff's answer. */
export interface DiffAnswer {
  readonly changes: boolean;
  /** Properties whose change means a new resource. */
  readonly replaces?: readonly string[];
  /** How each changed property changes. */
  readonly detailedDiff: Readonly<Record<string, PropertyChange | "update-replace">>;
}

/** Read's answer; undefined: the resource no longer exists. */
export type ReadAnswer =
  { readonly id: string; readonly properties: Properties; readonly inputs: Properties } | undefined;

/** The calls of a resource type, each about the resource `urn`. */
export interface ResourceAdapter {
  check(urn: string, olds: Properties, news: Properties): Promise<CheckAnswer>;
  diff(id: string, urn: string, olds: Properties, news: Properties, oldInputs: Properties): Promise<DiffAnswer>;
  create(
    urn: string,
    inputs: Properties,
    preview: boolean,
  ): Promise<{ readonly id: string; readonly properties: Properties }>;
  read(id: string, urn: string, properties: Properties, inputs: Properties): Promise<ReadAnswer>;
  update(id: string, urn: string, olds: Properties, news: Properties, preview: boolean): Promise<Properties>;
  delete(id: string, urn: string, properties: Properties): Promise<void>;
}
