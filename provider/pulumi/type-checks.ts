import type * as pulumi from "@pulumi/pulumi";

// Compile-time checks that a resource class's declared arguments and outputs have the types its
// checked inputs and its state have: a mismatch fails tsc, naming the properties.

/** `true` when A and B are assignable both ways. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** An output array is the SDK's own copy: declared mutable though the state's is readonly. */
export type OutputOf<T> = pulumi.Output<Plain<T>>;
/** The properties K of S not declared on R as exactly `OutputOf<S[K]>`. */
export type MismatchedOutputs<R, S> = {
  [K in keyof S]-?: K extends keyof R ? (Same<R[K], OutputOf<S[K]>> extends true ? never : K) : K;
}[keyof S];
/** `true`, or the names of the outputs whose declared type is not the state's. */
export type OutputTypesMatch<R, S> = [MismatchedOutputs<R, S>] extends [never]
  ? true
  : { mismatched: MismatchedOutputs<R, S> };
/** A readonly array as the mutable array the SDK gives; any other type as is. */
export type Plain<T> = T extends readonly (infer E)[] ? E[] : T;
/**
 * The inputs K of N whose argument does not accept `pulumi.Input` of the checked type N[K] (a
 * friendlier form beside it, such as a number for an enum's name, is allowed).
 */
export type RefusedInputs<A, N> = {
  [K in keyof N]-?: K extends keyof A ? ([pulumi.Input<Plain<NonNullable<N[K]>>>] extends [A[K]] ? never : K) : K;
}[keyof N];
/** `true`, or the names of the arguments that do not take their checked type. */
export type ArgTypesMatch<A, N> = [RefusedInputs<A, N>] extends [never] ? true : { refused: RefusedInputs<A, N> };
/** `true` when A and B have the same keys; `never` otherwise. */
export type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
