import { withPulumiAdvice } from "../pulumi/pulumi-advice";
import * as pulumi from "@pulumi/pulumi";
import { FeishuConfigError } from "../client/errors/feishu-config-error";
import { HelpdeskClient } from "../client/helpdesk-client";
import type { FeishuHelpdeskProviderArgs } from "../pulumi/explicit-provider";
import {
  CONFIG_NAMESPACE,
  type ConfigKey,
  configKeys,
  type GatheredSettings,
  gatherSettings,
  resolveSettings,
  settingText,
  type SettingValues,
} from "../pulumi/settings";
import { describeSettingProblems, problemSettings } from "../pulumi/settings-for-client";
import { consoleReporter } from "../pulumi/reporter";
import { NotificationOperations } from "./operations";
import type { NotificationState } from "./outputs";

/** Options of {@link getNotification} and {@link getNotificationOutput}. */
export interface NotificationLookupOptions {
  /**
   * The settings to read with, instead of the stack config: the arguments a
   * {@link FeishuHelpdeskProvider} takes (pass the same ones for a campaign of that provider's
   * helpdesk). Given, they are the only settings: nothing falls back to the stack config or the
   * `FEISHU_*` variables. Secrets may be `pulumi.secret(…)` / `config.requireSecret(…)` outputs.
   */
  readonly settings?: FeishuHelpdeskProviderArgs;
}

/** The campaign as a HelpdeskNotification's outputs show it; it holds no credential. */
export type LookedUpNotification = NotificationState;

const keys = Object.keys(configKeys) as ConfigKey[];

/**
 * The setting values as one Output, secrets unwrapped: from `opts.settings`, or from the stack
 * config (`feishu-helpdesk:*`, secrets through `getSecret`). The Output is unsecret'd so that what
 * is computed from it (a campaign, which holds no credential) is not marked secret; the values
 * themselves never leave this module.
 */
function settingsOutput(
  opts: NotificationLookupOptions | undefined,
): pulumi.Output<Record<string, string | undefined>> {
  const inputs: Record<string, pulumi.Input<unknown> | undefined> = {};
  if (opts?.settings !== undefined) {
    for (const key of keys) inputs[key] = opts.settings[key] as pulumi.Input<unknown> | undefined;
  } else {
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    for (const key of keys) inputs[key] = configKeys[key].secret ? config.getSecret(key) : config.get(key);
  }
  return pulumi.unsecret(
    pulumi.all(inputs).apply((values) => Object.fromEntries(keys.map((key) => [key, settingText(values[key])]))),
  );
}

/** The gathered settings: the given ones alone, or the stack config's with the FEISHU_* fallback. */
function gathered(values: Record<string, string | undefined>, given: boolean, to: string): GatheredSettings {
  if (given) {
    const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ""));
    return { values: set as SettingValues, source: { kind: "given", to }, pending: [] };
  }
  return gatherSettings({ get: (key) => values[key.slice(CONFIG_NAMESPACE.length + 1)] });
}

/** Reads the campaign with these settings: the same resolution, and the same messages, as the provider's. */
async function lookUp(id: string, settings: GatheredSettings, to: string): Promise<LookedUpNotification> {
  const resolved = resolveSettings(settings.values);
  if (!resolved.ok)
    throw new FeishuConfigError(
      describeSettingProblems(resolved.problems, settings.source),
      problemSettings(resolved.problems, settings.source),
    );
  const client = new HelpdeskClient(resolved.options);
  // Read as the provider reads an import: a campaign Feishu does not have fails, naming `to`; the
  // same Pulumi advice as the provider's (a base URL where nothing answers names its config key).
  try {
    return (await new NotificationOperations(() => client, consoleReporter).read(id, undefined, to)).state;
  } catch (error) {
    throw withPulumiAdvice(error);
  }
}

/** The value of a known Output, as a promise; a FeishuConfigError if it is not known yet (a preview). */
function known<T>(output: pulumi.Output<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const isKnown = (output as unknown as { isKnown?: Promise<boolean> }).isKnown;
    void Promise.resolve(isKnown ?? true).then((yes) => {
      if (!yes)
        reject(
          new FeishuConfigError(
            `${what} is not known yet (it comes from another resource): use getNotificationOutput.`,
          ),
        );
    }, reject);
    output.apply((value) => resolve(value));
  });
}

/**
 * Reads an existing push campaign from Feishu, in the Pulumi program's own process (a dynamic
 * provider has no invoke), and resolves to what a HelpdeskNotification's outputs would show for
 * it: jobName, pushContent, users, status, stage, counts... Nothing is managed or recorded in the
 * state, and the result holds no credential.
 *
 * Settings: the stack config (`feishu-helpdesk:*`, each with its `FEISHU_*` variable as fallback),
 * resolved exactly as the provider resolves them, so a missing one rejects with the same
 * FeishuConfigError message; or `opts.settings`, a FeishuHelpdeskProvider's arguments, alone.
 * Secrets are unwrapped only inside this function.
 *
 * A campaign that does not exist (Feishu's 154004) rejects with a {@link NotificationGoneError}.
 * For an id or settings that are outputs of other resources, use {@link getNotificationOutput}.
 *
 * @example
 * const campaign = await getNotification("7001795247043727001");
 * export const stage = campaign.stage;
 */
export async function getNotification(id: string, opts?: NotificationLookupOptions): Promise<LookedUpNotification> {
  const to = "getNotification";
  const values = await known(settingsOutput(opts), "a setting");
  return lookUp(id, gathered(values, opts?.settings !== undefined, to), to);
}

/**
 * {@link getNotification} as a `pulumi.Output`, for an id (or settings) that may be another
 * resource's output: the campaign is read once they are known (during a preview of a stack that
 * creates them, the result is unknown). Fails the update with the same errors.
 *
 * @example
 * export const approvalLink = getNotificationOutput(campaignId).approvalAppLink;
 */
export function getNotificationOutput(
  id: pulumi.Input<string>,
  opts?: NotificationLookupOptions,
): pulumi.Output<LookedUpNotification> {
  const to = "getNotificationOutput";
  return pulumi
    .all([pulumi.output(id), settingsOutput(opts)])
    .apply(([known, values]) => lookUp(known, gathered(values, opts?.settings !== undefined, to), to));
}
