import type * as pulumi from "@pulumi/pulumi";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { ClientSlot, type TokenUse } from "./client-slot";
import { countedCall, hostCancellation } from "./host-cancel";
import { withQuietEcho } from "./host-echo";
import type { CheckedInputs, UncheckedInputs } from "./input-check";
import { withoutProviderSource } from "./provider-props";
import { QuotaNotices } from "./quota-notices";
import { EngineReporter } from "./reporter";
import { splitUrn, URN_INPUT, withResource } from "./resource-context";
import { gatherSettings } from "./settings";
import { settingsChecked } from "./settings-check";

/**
 * What both dynamic providers share in their process: one client (made from the configured
 * settings, cancelled with the run), one reporter that logs to the engine under a resource, and
 * the way each call is run about its resource. The adapters keep only their own call shapes.
 */
export class ProviderScope {
  /** Warnings and progress, to the engine under the resource of the call in progress. */
  readonly reporter = new EngineReporter();
  /** What waits for Feishu's quota, told under the Stack while it waits, and once the run's operations are done. */
  readonly quota = new QuotaNotices(this.reporter);
  /** The provider process's one client. */
  readonly slot = new ClientSlot(this.reporter, hostCancellation(), this.quota);
  /** Operations running now (see {@link about}). */
  #running = 0;

  /**
   * Takes the settings from the stack config (environment variables as fallback), or from an
   * explicit FeishuHelpdeskProvider's arguments alone.
   */
  configure(req: pulumi.dynamic.ConfigureRequest): void {
    this.slot.configure(gatherSettings(req.config));
  }

  /**
   * Runs an operation about the resource whose URN the inputs (or outputs) carry: its warnings
   * go under that resource, the host's echo of its errors is dropped, and every message is
   * logged before the engine gets the answer.
   */
  async about<T>(urn: unknown, call: () => Promise<T>): Promise<T> {
    return countedCall(async () => {
      this.#running += 1;
      try {
        return await withResource(urn, () => withQuietEcho(call));
      } finally {
        // The last operation running: the run's calls so far, if the quota held any back.
        if (--this.#running === 0) this.quota.settle();
        await this.reporter.flush();
      }
    });
  }

  /**
   * A `check`: the inputs checked by `check` (which never sees the URN, but whose warnings go under
   * the resource), the settings checked too, and the URN carried along in the checked inputs for the calls that follow.
   * @param use The access token the resource's calls carry (a bot message: the tenant token).
   */
  async check<Inputs extends object, Olds extends object>(
    olds: Olds,
    news: UncheckedInputs,
    check: (previous: Olds, news: UncheckedInputs) => CheckedInputs<Inputs>,
    use: TokenUse = "configured",
  ): Promise<pulumi.dynamic.CheckResult<Inputs>> {
    const { urn, rest } = splitUrn(withoutProviderSource(news));
    const previous = splitUrn(olds).rest;
    // About the resource, so a card's warnings go under it; logged before the engine gets the answer.
    const result = await withResource(urn, () =>
      countedCall(() => settingsChecked(this.slot, previous, check(previous, rest), use)),
    );
    await this.reporter.flush();
    if (result.inputs === undefined || urn === undefined) return result;
    return { inputs: { ...result.inputs, [URN_INPUT]: urn } as typeof result.inputs };
  }

  /** For a change that will call Feishu: the credentials verified now, so a preview fails, not the up. */
  async verifyCredentials(use: TokenUse = "configured"): Promise<void> {
    const refused = await this.slot.verifyCredentials(use);
    if (refused !== undefined) throw new FeishuConfigError(refused);
  }
}
