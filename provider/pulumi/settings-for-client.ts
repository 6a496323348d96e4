import { FeishuConfigError } from "../client/errors/feishu-config-error";
import type { HelpdeskClientOptions } from "../client/helpdesk-client";
import {
  CONFIG_NAMESPACE,
  type ConfigKey,
  configKeys,
  resolveSettings,
  type SettingProblem,
  type SettingsSource,
  type SettingValues,
  settingValuesFrom,
} from "./settings";

// From settings to the client's options, and how a settings problem reads to the user: in
// Pulumi's terms (the config key and its environment variable, or the explicit provider's
// argument), never the client's option names.

/** Where to set one setting: the config key and its variable, or the explicit provider's argument. */
export function whereToSet(key: ConfigKey, source: SettingsSource): string {
  if (source.kind === "explicit") return `the ${key} argument of new FeishuHelpdeskProvider("${source.name}", …)`;
  if (source.kind === "provider") return `the ${key} property of provider resource "${source.name}"`;
  if (source.kind === "given") return `settings.${key} in the options of ${source.to}`;
  const secret = configKeys[key].secret ? "--secret " : "";
  return `pulumi config set ${secret}${CONFIG_NAMESPACE}:${key} <value> (or the ${configKeys[key].env} variable)`;
}

/** The name of a setting as the user sets it: `feishu-helpdesk:helpdeskToken`, or a provider argument. */
const settingName = (key: ConfigKey, source: SettingsSource) =>
  source.kind === "stack" ? `${CONFIG_NAMESPACE}:${key}` : key;

/**
 * One message for every problem, each naming the setting and where to set it, so a preview
 * says all that is wrong at once.
 */
export function describeSettingProblems(problems: readonly SettingProblem[], source: SettingsSource): string {
  const whose =
    source.kind === "explicit"
      ? `FeishuHelpdeskProvider "${source.name}" (whose settings never come from FEISHU_* variables)`
      : source.kind === "provider"
        ? `Provider "${source.name}" (pulumi:providers:${CONFIG_NAMESPACE}; its settings never come from FEISHU_* ` +
          "variables)"
        : source.kind === "given"
          ? `The settings given to ${source.to} (which never come from FEISHU_* variables)`
          : "Feishu Helpdesk settings";
  const lines = problems.map((p) => {
    const fix = [p.key, ...(p.alternatives ?? [])].map((k) => whereToSet(k, source)).join("; or ");
    return `${settingName(p.key, source)} ${p.problem}. Set it: ${fix}`;
  });
  // One problem, one line: the engine's progress view shows a message's first line only.
  return lines.length === 1 ? `${whose}: ${lines[0]}` : [`${whose}:`, ...lines.map((l) => `- ${l}`)].join("\n");
}

/** The names of the settings to fix, as {@link FeishuConfigError.settings} carries them. */
export function problemSettings(problems: readonly SettingProblem[], source: SettingsSource): string[] {
  return problems.flatMap((p) => [p.key, ...(p.alternatives ?? [])].map((k) => settingName(k, source)));
}

/**
 * Client options from setting values, checked for malformed values only (a missing credential is
 * the client's to report): a bad value throws a FeishuConfigError naming its key and variable.
 */
export function clientOptionsFromSettings(values: SettingValues): HelpdeskClientOptions {
  const resolved = resolveSettings(values, { requireCredentials: false });
  if (resolved.ok) return resolved.options;
  const source = { kind: "stack" } as const;
  throw new FeishuConfigError(
    describeSettingProblems(resolved.problems, source),
    problemSettings(resolved.problems, source),
  );
}

/** Client options from the stack config and the environment: settingValuesFrom, then clientOptionsFromSettings. */
export function clientOptionsFrom(
  config: { get(key: string): string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): HelpdeskClientOptions {
  return clientOptionsFromSettings(settingValuesFrom(config, env));
}

/** Client options from the FEISHU_* environment variables alone, for scripts. */
export const clientOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): HelpdeskClientOptions =>
  clientOptionsFrom({ get: () => undefined }, env);
