import { randomBytes } from "node:crypto";
import type { EmulatorCredentials } from "../../emulator";
import type { WireNotification } from "../../provider/client/wire-types";
import type { PulumiProject } from "./pulumi-project";

/** Fresh random credentials for one test, so a leak check can search for exact values. */
export function randomCredentials(): EmulatorCredentials {
  const hex = (n: number) => randomBytes(n).toString("hex");
  return {
    appId: `cli_${hex(8)}`,
    appSecret: `secret-${hex(16)}`,
    helpdeskId: `hd-${hex(8)}`,
    helpdeskToken: `hdtoken-${hex(16)}`,
    userAccessTokens: [`u-${hex(16)}`],
  };
}

/** The values that must never appear in state or output. */
export function secretValues(credentials: EmulatorCredentials): string[] {
  return [
    credentials.appSecret,
    credentials.helpdeskToken,
    ...credentials.userAccessTokens,
    Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString("base64"),
  ];
}

/**
 * Points a stack at the emulator through `feishu-helpdesk:*` config, the secrets set with
 * `--secret`. `token: "tenant"` uses the app id and secret; `"user"` a user access token.
 */
export async function configureStack(
  project: PulumiProject,
  url: string,
  credentials: EmulatorCredentials,
  token: "tenant" | "user" = "tenant",
): Promise<void> {
  await project.setConfig("feishu-helpdesk:baseUrl", url);
  await project.setConfig("feishu-helpdesk:helpdeskId", credentials.helpdeskId);
  await project.setConfig("feishu-helpdesk:helpdeskToken", credentials.helpdeskToken, true);
  if (token === "tenant") {
    await project.setConfig("feishu-helpdesk:appId", credentials.appId);
    await project.setConfig("feishu-helpdesk:appSecret", credentials.appSecret, true);
  } else {
    await project.setConfig("feishu-helpdesk:userAccessToken", credentials.userAccessTokens[0], true);
  }
}

/** A valid card. */
export const sampleCard = {
  config: { wide_screen_mode: true },
  elements: [{ tag: "div", text: { tag: "lark_md", content: "Please upgrade the VPN client." } }],
};

/** A campaign as Feishu's GET returns it (status 3, no send time), with `fields` over it. */
export const wireNotification = (fields: Partial<WireNotification> = {}): WireNotification => ({
  id: "7001",
  job_name: "Push",
  push_content: "{}",
  push_type: 0,
  push_scope_type: 0,
  status: 3,
  ...fields,
});
