import type * as pulumi from "@pulumi/pulumi";
import type { CheckedInputs } from "./input-check";

/** The core's check result (ProviderScope.check) as `pulumi.dynamic` takes it: the dynamic host's one conversion. */
export function dynamicCheckResult<T>(checked: CheckedInputs<T>): pulumi.dynamic.CheckResult<T> {
  return checked.ok ? { inputs: checked.inputs } : { failures: [...checked.failures] };
}
