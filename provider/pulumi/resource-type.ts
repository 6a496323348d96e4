import * as pulumi from "@pulumi/pulumi";

/** True if `value` is a custom resource of type token `type`, from any copy of the Pulumi SDK or this package. */
export function isResourceOfType(value: unknown, type: string): boolean {
  return pulumi.CustomResource.isInstance(value) && "__pulumiType" in value && value.__pulumiType === type;
}
