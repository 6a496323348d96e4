import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";
import { cancelRun } from "../pulumi/host-cancel";
import type { InputFailure } from "../pulumi/input-check";
import { ProviderScope } from "../pulumi/provider-scope";
import type { ResourceAdapter } from "./adapter-types";
import { BotMessageAdapter } from "./bot-message-adapter";
import { NotificationAdapter } from "./notification-adapter";
import { changedSettings, checkConfig, type ConfigCheck, pluginSettings } from "./plugin-config";
import { token } from "./schema-types";
import schema from "./schema.json";

/** The resource types the plugin serves. */
export const resourceTypes = {
  notification: token("HelpdeskNotification"),
  botMessage: token("HelpdeskBotMessage"),
} as const;

/** The functions the plugin serves. */
export const functionTokens = { getNotification: token("getNotification") } as const;

/** A call for a type or function this plugin does not have. */
export class UnknownTokenError extends FeishuHelpdeskError {
  constructor(what: string, name: string) {
    super(`The feishu-helpdesk plugin has no ${what} ${name}.`);
  }
}

/** An invoke's answer: its result, or why its arguments cannot be used. */
export type InvokeAnswer =
  { readonly outputs: Record<string, unknown> } | { readonly failures: readonly InputFailure[] };

/**
 * The native provider, in plain values: one per plugin process (one per provider resource), so
 * every resource of that provider shares one client, token cache and pacing, as in the dynamic
 * provider's process. server.ts speaks the protocol and calls this; a test can call it directly.
 */
export class FeishuHelpdeskPlugin {
  /** The plugin's version: the package schema's, which is the npm package's. */
  readonly version: string = schema.version;
  /** The package schema, as GetSchema serves it. */
  readonly schemaText: string = JSON.stringify(schema);
  readonly #scope = new ProviderScope();
  readonly #adapters: Readonly<Record<string, ResourceAdapter>>;

  /** @param env Where the default provider's FEISHU_* fallbacks are read (the process's by default). */
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {
    this.#adapters = {
      [resourceTypes.notification]: new NotificationAdapter(this.#scope),
      [resourceTypes.botMessage]: new BotMessageAdapter(this.#scope),
    };
  }

  /** See {@link checkConfig}: fails a preview on a missing or malformed setting, naming it. */
  checkConfig(urn: string, news: Record<string, unknown>): ConfigCheck {
    return checkConfig(news, urn, this.env);
  }

  /** The settings that changed; a change never replaces the provider. */
  diffConfig(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
    return changedSettings(olds, news);
  }

  /**
   * Takes the provider's settings (its properties, secrets unwrapped). Never fails: a setting that
   * cannot be used is reported by CheckConfig, and again by each resource's check, as the
   * dynamic provider reports it.
   */
  configure(urn: string | undefined, properties: Record<string, unknown>): void {
    this.#scope.configure(pluginSettings(properties, urn, this.env));
  }

  /** The adapter of resource type `type`. */
  resource(type: string): ResourceAdapter {
    const adapter = this.#adapters[type];
    if (adapter === undefined) throw new UnknownTokenError("resource type", type);
    return adapter;
  }

  /** `getNotification({ id })`: a campaign's outputs, read with this provider's settings. */
  async invoke(tok: string, args: Record<string, unknown>): Promise<InvokeAnswer> {
    if (tok !== functionTokens.getNotification) throw new UnknownTokenError("function", tok);
    const id = args.id;
    if (typeof id !== "string" || id.trim() === "")
      return { failures: [{ property: "id", reason: "id is required: the campaign's id (notificationId)" }] };
    const problem = this.#scope.settingsProblem;
    if (problem !== undefined) return { failures: [{ property: "", reason: problem }] };
    const notification = this.#adapters[resourceTypes.notification] as NotificationAdapter;
    return { outputs: await notification.lookUp(id.trim()) };
  }

  /** The engine cancels the run: no retry starts, no wait outlasts it. */
  cancel(): void {
    cancelRun();
  }
}
