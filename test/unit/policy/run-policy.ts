// Runs a policy of the pack on one resource as @pulumi/policy does, for the unit tests of the policies.
import type { ResourceValidationPolicy } from "@pulumi/policy";

// @pulumi/policy's proxy over a resource's inputs, and its sentinel for a value unknown at preview (what its
// deserializer puts there); internal to it, so without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { UnknownValueError, unknownCheckingProxy, unknownStringValue } = require("@pulumi/policy/proxy") as {
  UnknownValueError: new () => Error;
  unknownCheckingProxy: (props: object) => Record<string, unknown>;
  unknownStringValue: unknown;
};

export const DYNAMIC = "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification";
export const PLUGIN = "feishu-helpdesk:index:HelpdeskNotification";

/** Runs a policy on one resource as @pulumi/policy would: proxied inputs, the config given over the defaults. */
export function violations(
  policy: ResourceValidationPolicy,
  props: Record<string, unknown>,
  type = DYNAMIC,
  config: Record<string, unknown> = {},
): string[] {
  const found: string[] = [];
  const validate = policy.validateResource as (args: unknown, report: (message: string) => void) => void;
  validate(
    { type, name: "q3", urn: "urn:q3", props: unknownCheckingProxy(props), getConfig: () => config },
    (message) => found.push(message),
  );
  return found;
}
