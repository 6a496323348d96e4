import type { ClientSlot, TokenUse } from "./client-slot";
import type { CheckedInputs, InputFailure } from "./input-check";
import { withoutProviderSource } from "./provider-props";

/**
 * A resource's `check` result, with the provider's settings checked too: the inputs' failures,
 * plus one failure for unusable settings; then, for a resource about to be created (no old
 * inputs), the credentials it will use (`use`) verified against Feishu, once per provider process. The settings'
 * failure blames no property (""), so the engine prints it as the resource's problem
 * ("resource 'x' has a problem: …") instead of pinning it on an input it has nothing to do with.
 */
export async function settingsChecked<T>(
  slot: ClientSlot,
  olds: object,
  checked: CheckedInputs<T>,
  use: TokenUse = "configured",
): Promise<CheckedInputs<T>> {
  const failures: InputFailure[] = checked.ok ? [] : [...checked.failures];
  const problem = slot.problem;
  if (problem !== undefined) failures.push({ property: "", reason: problem });
  if (failures.length > 0 || !checked.ok) return { ok: false, failures };
  if (Object.keys(withoutProviderSource(olds)).length === 0) {
    const refused = await slot.verifyCredentials(use);
    if (refused !== undefined) return { ok: false, failures: [{ property: "", reason: refused }] };
  }
  return checked;
}
