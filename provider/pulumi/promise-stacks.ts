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
 * Nothing else loses: the SDK captures the resource's source position with its own limit
 * (`Resource.callsites` sets and restores it), and the limit is back before any user code runs.
 *
 * @example
 * const restore = withoutPromiseStacks();
 * try {
 *   super(type, name, props, opts);
 * } finally {
 *   restore();
 * }
 */
export function withoutPromiseStacks(): () => void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
