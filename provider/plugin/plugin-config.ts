import type { InputFailure } from "../pulumi/input-check";
import {
  CONFIG_NAMESPACE,
  type ConfigKey,
  configKeys,
  type GatheredSettings,
  gatherSettings,
  resolveSettings,
  settingText,
} from "../pulumi/settings";
import { describeSettingProblems } from "../pulumi/settings-for-client";
import { unknownPropertyFailures } from "../pulumi/unknown-properties";
import { wireSecret } from "./wire-values";

// The provider's configuration in the native plugin, decided purely: where the settings come
// from, what CheckConfig answers, what DiffConfig reports. The settings themselves, their
// environment fallbacks and their messages are the dynamic provider's (settings.ts,
// settings-for-client.ts): a missing credential reads the same whichever provider reports it.

const settingKeys = Object.keys(configKeys) as ConfigKey[];

/** Properties the engine itself may give a provider resource, beside its settings. */
const engineKeys: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

/**
 * True for the engine's default provider (`default`, `default_0_1_0`...), which takes the stack
 * config and the FEISHU_* variables; any other name is an explicit `pulumi:providers:feishu-helpdesk`.
 */
export function isDefaultProvider(urn: string | undefined): boolean {
  const name = urn === undefined || urn === "" ? "default" : urn.slice(urn.lastIndexOf("::") + 2);
  return name === "default" || name.startsWith("default_");
}

const providerName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * The settings of the provider `urn` from its properties (bare keys: `baseUrl`, `helpdeskToken`...,
 * secrets already unwrapped): the default provider falls back to the FEISHU_* variables of
 * `env`, an explicit one never does (the environment may hold another tenant's credentials).
 */
export function pluginSettings(
  properties: Readonly<Record<string, unknown>>,
  urn: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): GatheredSettings {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const config = { get: (key: string) => (key.startsWith(prefix) ? properties[key.slice(prefix.length)] : undefined) };
  if (isDefaultProvider(urn)) return gatherSettings(config, env);
  return { ...gatherSettings(config, {}), source: { kind: "provider", name: providerName(urn ?? "") } };
}

/** What CheckConfig answers: the properties to record, or why the settings cannot be used. */
export interface ConfigCheck {
  /**
   * The properties as given (never a value from the environment: the state must not hold one),
   * the secret settings marked secret whatever way they were given, so they are stored encrypted.
   */
  readonly inputs: Record<string, unknown>;
  /** One failure naming every missing or malformed setting, plus one per property that is no setting. */
  readonly failures: readonly InputFailure[];
}

/**
 * CheckConfig for the provider `urn`: the same resolution and the same message as the dynamic
 * provider's `check` (one failure blaming no property, so the engine prints it as the
 * provider's problem), before any resource is touched.
 */
export function checkConfig(
  news: Readonly<Record<string, unknown>>,
  urn: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ConfigCheck {
  const settingsOnly = Object.fromEntries(
    Object.entries(news).filter(([key]) => !engineKeys.has(key) && !key.startsWith("__")),
  );
  const failures: InputFailure[] = unknownPropertyFailures(settingsOnly, settingKeys);
  const settings = pluginSettings(news, urn, env);
  const resolved = resolveSettings(settings.values, { pending: settings.pending });
  if (!resolved.ok)
    failures.push({ property: "", reason: describeSettingProblems(resolved.problems, settings.source) });
  const inputs = Object.fromEntries(
    Object.entries(news).map(([key, value]) => [
      key,
      configKeys[key as ConfigKey]?.secret && value !== undefined ? wireSecret(value) : value,
    ]),
  );
  return { inputs, failures };
}

/**
 * The settings that differ between two configurations. A changed setting never replaces the
 * provider (which would replace every campaign it manages): the next calls use the new value.
 */
export function changedSettings(
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((key) => !engineKeys.has(key)));
  // Setting values compare as text: the stack config holds `"20000"` where a program may give 20000.
  return [...keys].filter((key) => settingText(olds[key]) !== settingText(news[key])).sort();
}
