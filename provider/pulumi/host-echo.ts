import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { withPulumiAdvice } from "./pulumi-advice";
import { currentResource } from "./resource-context";

// Why this file exists: the SDK's dynamic provider host (@pulumi/pulumi
// cmd/dynamic-provider/index.js) catches an error from check, diff, read or delete, prints
// `${e}: ${e.stack}` with console.error, and also returns the error to the engine. The engine
// already shows the returned error once, under the resource; the echo reaches it as the
// provider's stderr and is shown again (message twice, then stack frames) under the Stack, on
// every line of a multi-line message: 6 copies of one refusal in `pulumi preview`. For this
// package's own errors (whose message is the whole story) the echo is noise, so the provider
// process drops exactly that line. Anything else (a bug's TypeError) keeps its stack.

const pending = new Set<string>();
let installed = false;

/** The line the host prints for `error`. */
const echoOf = (error: Error): string => `${String(error)}: ${error.stack}`;

/** True if console.error was called with exactly the host's echo of an error marked by {@link quietEcho}. */
export function isSuppressedEcho(args: readonly unknown[]): boolean {
  if (args.length !== 1 || typeof args[0] !== "string") return false;
  return pending.delete(args[0]);
}

function install(): void {
  if (installed) return;
  installed = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (!isSuppressedEcho(args)) original(...args);
  };
}

/**
 * Marks `error`, about to be thrown to the host, so that the host's stderr echo of it is
 * dropped; returns it. Only this package's errors: their message is meant for the user as is.
 * The host echoes synchronously when the rejection reaches it, so few marks are ever pending;
 * create and update errors are not echoed, and their marks are dropped beyond a small bound.
 */
export function quietEcho(error: unknown): unknown {
  if (!(error instanceof Error) || !FeishuHelpdeskError.isInstance(error)) return error;
  // `pulumi preview --diff` prints a provider's error on its own, under no resource heading: the
  // message itself names the resource, as warnings do.
  const name = currentResource()?.name;
  if (name !== undefined && !error.message.startsWith(`${name}: `)) error.message = `${name}: ${error.message}`;
  install();
  if (pending.size >= 64) pending.clear();
  pending.add(echoOf(error));
  return error;
}

/**
 * Runs `call`, making what it throws ready for the host: the provider's advice added to a client
 * error (see pulumi-advice.ts), then marked with {@link quietEcho}.
 */
export async function withQuietEcho<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw quietEcho(withPulumiAdvice(error));
  }
}
