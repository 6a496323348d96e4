import { FeishuConfigError } from "../client/errors/feishu-config-error";
import type { HelpdeskClient } from "../client/helpdesk-client";
import type { PacedEndpoint } from "../client/pacing/pacer";
import { ClientSlot, type TokenUse } from "./client-slot";
import { countedCall, hostCancellation } from "./host-cancel";
import { withQuietEcho } from "./host-echo";
import type { CheckedInputs, UncheckedInputs } from "./input-check";
import { withoutProviderSource } from "./provider-props";
import { QuotaNotices } from "./quota-notices";
import { EngineReporter } from "./reporter";
import { splitUrn, URN_INPUT, withResource } from "./resource-context";
import type { GatheredSettings } from "./settings";
import { settingsChecked } from "./settings-check";

/** What a resource's diff answers its host, whatever the resource and the host. */
export interface ResourceDiff {
  /** True if an update (or a replacement) is due. */
  readonly changes: boolean;
  /**
   * True if the change will call Feishu with credentials no call has proven yet (the diff read
   * nothing live): the scope verifies them before answering, so a preview fails, not the up.
   */
  readonly callsFeishuUnproven: boolean;
}

/**
 * What every provider host shares in its process, whatever the host (the dynamic providers, the
 * native plugin): one client (made from the configured settings, cancelled with the run), one
 * reporter that logs to the engine under a resource, the way each call is run about its
 * resource, and the host policy around the core's answers: settings checked with the inputs,
 * credentials verified before a change that will call Feishu. It speaks the core's types; each
 * host converts them to its own once.
 */
export class ProviderScope {
  /** Warnings and progress, to the engine under the resource of the call in progress. */
  readonly reporter = new EngineReporter();
  /** What waits for Feishu's quota, told under the Stack while it waits, and once the run's operations are done. */
  readonly #quota = new QuotaNotices(this.reporter);
  /** The provider process's one client. */
  readonly #slot = new ClientSlot(this.reporter, hostCancellation(), this.#quota);
  /** Operations running now (see {@link forResource}). */
  #running = 0;

  /** The client, made from the settings on first use (a FeishuConfigError names each setting to fix). */
  readonly client = (): HelpdeskClient => this.#slot.client;
  /** The `cardLimits` setting as given, if any (checked where it is used, by the card checks). */
  readonly cardLimits = (): string | undefined => this.#slot.cardLimits;
  /** Tells quota progress of a rate-limited call the run will make once the engine gets to it. */
  readonly expectCall = (endpoint: PacedEndpoint): void => this.#quota.expect(endpoint);

  /**
   * Uses these settings from now on: the stack config's (environment variables as fallback), an
   * explicit FeishuHelpdeskProvider's arguments alone, or a provider resource's properties.
   */
  configure(settings: GatheredSettings): void {
    this.#slot.configure(settings);
  }

  /** One message saying every missing or malformed setting and where to set it; undefined when usable. */
  get settingsProblem(): string | undefined {
    return this.#slot.problem;
  }

  /**
   * Runs an operation about the resource whose URN the inputs (or outputs) carry: its warnings
   * go under that resource, the host's echo of its errors is dropped, and every message is
   * logged before the engine gets the answer.
   */
  async forResource<T>(urn: unknown, call: () => Promise<T>): Promise<T> {
    return countedCall(async () => {
      this.#running += 1;
      try {
        return await withResource(urn, () => withQuietEcho(call));
      } finally {
        // The last operation running: the run's calls so far, if the quota held any back.
        if (--this.#running === 0) this.#quota.settle();
        await this.reporter.flush();
      }
    });
  }

  /**
   * A `check`: the inputs checked by `check` (which never sees the URN, but whose warnings go under
   * the resource), the settings checked too, and the URN carried along in the checked inputs for the
   * calls that follow. The core's result, for the host to convert.
   * @param use The access token the resource's calls carry (a bot message: the tenant token).
   */
  async check<Inputs extends object, Olds extends object>(
    olds: Olds,
    news: UncheckedInputs,
    check: (previous: Olds, news: UncheckedInputs) => CheckedInputs<Inputs>,
    use: TokenUse = "configured",
  ): Promise<CheckedInputs<Inputs>> {
    const { urn, rest } = splitUrn(withoutProviderSource(news));
    const previous = splitUrn(olds).rest;
    // About the resource, so a card's warnings go under it; logged before the engine gets the answer.
    const result = await withResource(urn, () =>
      countedCall(() => settingsChecked(this.#slot, previous, check(previous, rest), use)),
    );
    await this.reporter.flush();
    if (!result.ok || urn === undefined) return result;
    return { ok: true, inputs: { ...result.inputs, [URN_INPUT]: urn } };
  }

  /**
   * A `diff` about the resource `urn`: the core's answer, with the credentials (`use`) verified
   * first when it says the change will call Feishu with credentials not yet proven.
   */
  async diff<Diff extends ResourceDiff>(urn: unknown, use: TokenUse, diff: () => Promise<Diff>): Promise<Diff> {
    return this.forResource(urn, async () => {
      const answer = await diff();
      if (answer.callsFeishuUnproven) {
        const refused = await this.#slot.verifyCredentials(use);
        if (refused !== undefined) throw new FeishuConfigError(refused);
      }
      return answer;
    });
  }
}
