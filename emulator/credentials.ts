/** The credentials an emulator accepts. */
export interface EmulatorCredentials {
  /** App id for the tenant token endpoint. */
  readonly appId: string;
  /** App secret for the tenant token endpoint. */
  readonly appSecret: string;
  /** Helpdesk id, checked in X-Lark-Helpdesk-Authorization. */
  readonly helpdeskId: string;
  /** Helpdesk token, checked in X-Lark-Helpdesk-Authorization. */
  readonly helpdeskToken: string;
  /** User access tokens accepted in Authorization. */
  readonly userAccessTokens: readonly string[];
}

/**
 * The emulator's default credentials: for the demo only. They open nothing but a local emulator,
 * which is why they can be written down here.
 */
export const demoCredentials: EmulatorCredentials = {
  appId: "cli_emulator_demo",
  appSecret: "emulator-demo-app-secret",
  helpdeskId: "emulator-demo-helpdesk",
  helpdeskToken: "emulator-demo-helpdesk-token",
  userAccessTokens: ["u-emulator-demo-user-token"],
};
