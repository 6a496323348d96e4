import { AsyncLocalStorage } from "node:async_hooks";
import { nameFromUrn } from "./urn";

/** The Pulumi resource a provider call is about. */
export interface ResourceContext {
  /** Its URN, which the engine uses to show a diagnostic under the resource. */
  readonly urn: string;
  /** Its Pulumi name: the last part of the URN. */
  readonly name: string;
}

// Why async-local: the dynamic host gives provider methods no URN, so the resource passes its own
// as the input `__urn` (see urn-input.ts). The adapter runs each call inside that resource's
// context; a warning said deep in an operation (or a client notice) is then tied to the resource
// without threading the URN through every function signature.
const storage = new AsyncLocalStorage<ResourceContext>();

/** The input property that carries the resource's own URN to its provider. Never a change. */
export const URN_INPUT = "__urn";

/** Runs `call` as a call about the resource `urn` (none known: as is). */
export function withResource<T>(urn: unknown, call: () => T): T {
  return typeof urn === "string" && urn.startsWith("urn:")
    ? storage.run({ urn, name: nameFromUrn(urn) }, call)
    : call();
}

/** The resource the current call is about, if known. */
export const currentResource = (): ResourceContext | undefined => storage.getStore();

/** `props` without the URN input, and the URN (if any). */
export function splitUrn<T extends object>(props: T): { readonly urn: unknown; readonly rest: T } {
  const { [URN_INPUT]: urn, ...rest } = props as Record<string, unknown>;
  return { urn, rest: rest as T };
}

/**
 * `state` with the resource's URN kept in it, so refresh and delete (whose calls carry only the
 * outputs) can still show their warnings under the resource. About 100 bytes per resource.
 */
export function withUrn<T extends object>(state: T, urn: unknown): T {
  return typeof urn === "string" ? { ...state, [URN_INPUT]: urn } : state;
}
