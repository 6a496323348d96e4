import * as pulumi from "@pulumi/pulumi";
import type { UserIdType } from "../client/helpdesk-client";
import type { PacedEndpoint } from "../client/pacing/pacer";
import { CONFIG_NAMESPACE, type ConfigKey, configKeys, EXPLICIT_PROVIDER_KEY } from "./settings";
import type { SameKeys } from "./type-checks";

/**
 * The settings of one helpdesk (one tenant), for {@link FeishuHelpdeskProvider}. Unlike the
 * default provider, nothing falls back to the `FEISHU_*` environment variables: a setting not
 * given here is not set, and a missing credential fails `pulumi preview` naming this argument.
 */
export interface FeishuHelpdeskProviderArgs {
  /**
   * Feishu (`https://open.feishu.cn`), Lark (`https://open.larksuite.com`) or an emulator's URL.
   * @default "https://open.feishu.cn"
   */
  readonly baseUrl?: pulumi.Input<string>;
  /** The helpdesk id (服务台 ID). Required. */
  readonly helpdeskId: pulumi.Input<string>;
  /** The helpdesk token (服务台 token). Required. Stored encrypted in the state, never shown. */
  readonly helpdeskToken: pulumi.Input<string>;
  /** The app id (`cli_…`), with `appSecret`, for a tenant access token when no `userAccessToken` is given. */
  readonly appId?: pulumi.Input<string>;
  /** The app secret, with `appId`. Stored encrypted in the state, never shown. */
  readonly appSecret?: pulumi.Input<string>;
  /** A user access token (`u-…`); used instead of a tenant token when given. Stored encrypted, never shown. */
  readonly userAccessToken?: pulumi.Input<string>;
  /**
   * The kind of id in a campaign's `users`.
   * @default "open_id"
   */
  readonly userIdType?: pulumi.Input<UserIdType>;
  /**
   * How long one request may take, in milliseconds.
   * @default 30000
   */
  readonly timeoutMs?: pulumi.Input<number>;
  /**
   * Calls per window, for tenants whose quotas differ from the documented ones, e.g. `{ create: 20 }`.
   * @default { create: 10, patch: 20, get: 100, botMessage: 100, executeSend: 10 }
   */
  readonly rateLimits?: pulumi.Input<Partial<Record<PacedEndpoint, number>>>;
  /**
   * The window those limits count in, in milliseconds.
   * @default 60000
   */
  readonly rateLimitWindowMs?: pulumi.Input<number>;
  /**
   * No retry starts later than this after a call's first attempt, in milliseconds.
   * @default 300000
   */
  readonly retryDeadlineMs?: pulumi.Input<number>;
  /**
   * Allow a plain `http://` baseUrl to a host other than loopback: both credentials then cross
   * the network in clear. Only for a trusted network or a proxy that adds TLS.
   * @default false
   */
  readonly allowInsecureHttp?: pulumi.Input<boolean>;
}

// Compile-time check: the arguments are exactly the settings of settings.ts.
const _argsAreTheSettings: SameKeys<keyof FeishuHelpdeskProviderArgs, ConfigKey> = true;

const secretKeys = (Object.keys(configKeys) as ConfigKey[]).filter((key) => configKeys[key].secret);

/**
 * A Feishu Helpdesk provider of its own, for a program that manages campaigns (or bot messages)
 * of several helpdesks or tenants: pass it as `{ provider }` to `HelpdeskNotification` and
 * `HelpdeskBotMessage`. It is a provider of the Node.js dynamic provider's package
 * (`pulumi-nodejs`), so the engine runs one provider process per FeishuHelpdeskProvider, each
 * with its own client, token cache and pacing. Its settings are exactly its arguments: none falls
 * back to the `FEISHU_*` environment, which may hold another tenant's credentials.
 *
 * The arguments are this resource's inputs in the state, as `feishu-helpdesk:<setting>` (the
 * names the stack config uses); helpdeskToken, appSecret and userAccessToken are made secrets,
 * so they are stored encrypted and never shown.
 *
 * @example
 * const tenantB = new FeishuHelpdeskProvider("tenant-b", {
 *   helpdeskId: cfg.require("tenantBHelpdeskId"),
 *   helpdeskToken: cfg.requireSecret("tenantBHelpdeskToken"),
 *   appId: cfg.require("tenantBAppId"),
 *   appSecret: cfg.requireSecret("tenantBAppSecret"),
 * });
 * new HelpdeskNotification("b-reminder", { ...campaign }, { provider: tenantB });
 */
export class FeishuHelpdeskProvider extends pulumi.ProviderResource {
  /** The package the dynamic resources belong to: `pulumi-nodejs`. */
  static readonly package = "pulumi-nodejs";

  /**
   * @param name The unique name of the provider; errors about its settings name it.
   * @param args The helpdesk's settings and credentials.
   * @param opts Resource options.
   */
  constructor(name: string, args: FeishuHelpdeskProviderArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, pulumi.Input<string> | undefined> = { [EXPLICIT_PROVIDER_KEY]: name };
    for (const key of Object.keys(configKeys) as ConfigKey[]) {
      const given = args[key] as pulumi.Input<unknown> | undefined;
      if (given === undefined) continue;
      // The dynamic provider reads its configuration as text, as the stack config holds it.
      const text = pulumi.output(given).apply((value) => (typeof value === "string" ? value : JSON.stringify(value)));
      props[`${CONFIG_NAMESPACE}:${key}`] = configKeys[key].secret ? pulumi.secret(text) : text;
    }
    // ProviderResource's signature says ResourceOptions; it registers a custom resource, which honours these.
    const options: pulumi.CustomResourceOptions = {
      ...opts,
      additionalSecretOutputs: [
        ...(opts?.additionalSecretOutputs ?? []),
        ...secretKeys.map((key) => `${CONFIG_NAMESPACE}:${key}`),
      ],
    };
    super(FeishuHelpdeskProvider.package, name, props, options);
  }
}
