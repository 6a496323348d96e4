import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import type { CheckedInputs } from "../pulumi/input-check";
import type { Properties } from "./adapter-types";

// The plugin is a gRPC server: the engine always calls Check before Create and Update, but any
// client may call Create directly. So Create, Update and Read check again what they are given,
// with Check's own rules, and act only on the declared properties: `{jobName: 5, pushType:
// "bogus"}` was POSTed as given, and unknown properties were copied into the outputs.

/** A Create, Update or Read was given properties that Check would have refused. */
export class PluginInputsError extends FeishuHelpdeskError {
  constructor(call: string, urn: string, failures: readonly { readonly reason: string }[]) {
    super(
      `${call} of ${urn || "a resource"} refused, nothing was sent to Feishu: its properties fail the checks ` +
        `Check makes:\n${failures.map((failure) => `- ${failure.reason}`).join("\n")}`,
    );
  }
}

/** The checked inputs, or a PluginInputsError naming every failure. */
export function recheckedInputs<T>(call: string, urn: string, check: CheckedInputs<T>): T {
  if (!check.ok) throw new PluginInputsError(call, urn, check.failures);
  return check.inputs;
}

/** `properties` with only the `declared` keys: what a stored state may hold, nothing else. */
export function declaredOnly(properties: Properties, declared: readonly string[]): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => declared.includes(key)));
}
