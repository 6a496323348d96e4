import * as pulumi from "@pulumi/pulumi";
import { FeishuHelpdeskProvider, type FeishuHelpdeskProviderArgs, HelpdeskNotification } from "pulumi-feishu-helpdesk";

// The tests describe the stack in config: `tenants` (name → the provider's plain settings),
// `tenantSecrets` (a secret: name → its credentials) and `campaigns` (name → { tenant, args }).
const config = new pulumi.Config();
const tenants = config.requireObject<Record<string, Partial<FeishuHelpdeskProviderArgs>>>("tenants");
const secrets = config.requireSecretObject<Record<string, Record<string, string>>>("tenantSecrets");
const specs = config.getObject<Record<string, { tenant: string; args: never }>>("campaigns") ?? {};

const providers: Record<string, FeishuHelpdeskProvider> = {};
for (const [name, settings] of Object.entries(tenants)) {
  const secret = (key: string) => secrets.apply((all) => all[name]?.[key]);
  providers[name] = new FeishuHelpdeskProvider(name, {
    ...settings,
    helpdeskId: settings.helpdeskId as string,
    helpdeskToken: secret("helpdeskToken"),
    appSecret: secret("appSecret"),
  });
}

export const campaigns: Record<string, pulumi.Output<string>> = {};
for (const [name, { tenant, args }] of Object.entries(specs)) {
  campaigns[name] = new HelpdeskNotification(name, args, { provider: providers[tenant] }).notificationId;
}
