/** A failed rule: the input property and what is wrong with it. */
export interface InputFailure {
  /** The input property to blame. */
  readonly property: string;
  /** What is wrong, starting with the property's name. */
  readonly reason: string;
}

/** The outcome of checking a resource's inputs: the normalized inputs, or every failure. */
export type CheckedInputs<T> =
  { readonly ok: true; readonly inputs: T } | { readonly ok: false; readonly failures: readonly InputFailure[] };

/** A program's values as the engine sends them to `check`: not checked yet, so of any shape. */
export type UncheckedInputs = Readonly<Record<string, unknown>>;
