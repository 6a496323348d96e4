import * as pulumi from "@pulumi/pulumi";

/**
 * The URN a resource will have, for its `__urn` input (see resource-context.ts).
 *
 * Without a parent the URN is known at once, `urn:pulumi:<stack>::<project>::<type>::<name>`,
 * and is given as a plain string: `pulumi.createUrn` would make it an Output (four of them,
 * with their promises), which the SDK then awaits and serializes for every resource, a cost
 * that showed in the profile of a preview of hundreds of campaigns. With a parent, the parent's
 * URN is needed, and only `createUrn` knows it.
 */
export function urnInput(
  name: string,
  type: string,
  parent: pulumi.Resource | pulumi.Input<string> | undefined,
): pulumi.Input<string> {
  return !parent // as createUrn tells "no parent"
    ? `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${type}::${name}`
    : pulumi.createUrn(name, type, parent);
}
