/**
 * Turns off V8's stack capture while a resource registers itself (the `super(...)` call of its
 * constructor); returns the function that turns it back on.
 *
 * Why: for every property a resource is given, the Pulumi SDK makes four promises
 * (`transferProperties`) and its `debuggablePromise` reads `new Error().stack` for each, only to
 * print it should the program exit with the promise still pending. In a TypeScript program that
 * read runs ts-node's source-map `prepareStackTrace` over ten frames; with HelpdeskNotification's
 * 32 properties this was the largest per-campaign cost of a no-change preview
 * (`npm run bench:profile`). With a limit of 0 those stacks are empty and cost next to nothing.
 *
 * What else changes: the SDK captures the resource's source position with its own limit
 * (`Resource.callsites` sets and restores it), so that is kept. An error thrown by `super`
 * itself gets its stack back ({@link restack}). An error the SDK prepares during the
 * registration and throws later (`failed to register new resource …`) keeps its message but
 * has no stack. With `PULUMI_DEBUG_PROMISE_LEAKS` set, when the stacks are what the user asked
 * for, nothing is turned off. The limit is back as soon as `super` returns.
 *
 * @example
 * const restore = withoutPromiseStacks();
 * try {
 *   super(type, name, props, opts);
 * } catch (error) {
 *   restore();
 *   throw restack(error);
 * } finally {
 *   restore();
 * }
 */
export function withoutPromiseStacks(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/**
 * `error` with a stack captured now (call it after restoring the limit): an error thrown during
 * the registration was made with no stack, and this one leads to the program's line.
 */
export function restack(error: unknown): unknown {
  if (error instanceof Error) Error.captureStackTrace(error, restack);
  return error;
}
