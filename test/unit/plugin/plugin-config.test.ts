import {
  changedSettings,
  checkConfig,
  isDefaultProvider,
  pluginSettings,
} from "../../../provider/plugin/plugin-config";
import { wireSecret } from "../../../provider/plugin/wire-values";

const defaultUrn = "urn:pulumi:dev::proj::pulumi:providers:feishu-helpdesk::default_0_1_0";
const explicitUrn = "urn:pulumi:dev::proj::pulumi:providers:feishu-helpdesk::tenant-b";
const complete = { helpdeskId: "hd", helpdeskToken: "tok", appId: "cli_1", appSecret: "sec" };

describe("the native provider's configuration", () => {
  it("tells the engine's default provider from an explicit one by name", () => {
    expect(isDefaultProvider(defaultUrn)).toBe(true);
    expect(isDefaultProvider("urn:pulumi:dev::proj::pulumi:providers:feishu-helpdesk::default")).toBe(true);
    expect(isDefaultProvider(explicitUrn)).toBe(false);
  });

  it("lets the default provider fall back to FEISHU_* variables, never an explicit one", () => {
    const env = { FEISHU_APP_SECRET: "from-env" };
    const { appSecret: _, ...rest } = complete;
    expect(pluginSettings(rest, defaultUrn, env).values.appSecret).toBe("from-env");
    expect(pluginSettings(rest, explicitUrn, env).values.appSecret).toBeUndefined();
  });

  it("fails in the dynamic provider's words, with one failure blaming no property", () => {
    const { appSecret: _, ...rest } = complete;
    const check = checkConfig({ ...rest, timeoutMs: "soon" }, defaultUrn, {});
    expect(check.failures).toEqual([
      {
        property: "",
        reason:
          "Feishu Helpdesk settings:\n" +
          "- feishu-helpdesk:appSecret is not set (appId is, and needs it for a tenant access token). Set it: " +
          "pulumi config set --secret feishu-helpdesk:appSecret <value> (or the FEISHU_APP_SECRET variable)\n" +
          '- feishu-helpdesk:timeoutMs must be a positive whole number of milliseconds; got "soon". Set it: ' +
          "pulumi config set feishu-helpdesk:timeoutMs <value> (or the FEISHU_TIMEOUT_MS variable)",
      },
    ]);
  });

  it("names the provider resource's property for an explicit provider", () => {
    const { helpdeskToken: _, ...rest } = complete;
    expect(checkConfig(rest, explicitUrn, { FEISHU_HELPDESK_TOKEN: "ignored" }).failures[0].reason).toBe(
      'Provider "tenant-b" (pulumi:providers:feishu-helpdesk; its settings never come from FEISHU_* variables): ' +
        'helpdeskToken is not set. Set it: the helpdeskToken property of provider resource "tenant-b"',
    );
  });

  it("marks the secret settings secret, records no environment value, and names a misspelt setting", () => {
    const check = checkConfig({ ...complete, version: "0.1.0", helpdeskTokn: "x" }, defaultUrn, {
      FEISHU_TIMEOUT_MS: "100",
    });
    expect(check.inputs).toEqual({
      helpdeskId: "hd",
      helpdeskToken: wireSecret("tok"),
      appId: "cli_1",
      appSecret: wireSecret("sec"),
      version: "0.1.0",
      helpdeskTokn: "x",
    });
    expect(check.failures).toEqual([
      {
        property: "helpdeskTokn",
        reason: "helpdeskTokn is not an input of this resource: did you mean helpdeskToken?",
      },
    ]);
  });

  it('compares settings as text, so 20000 and "20000" are the same', () => {
    expect(changedSettings({ timeoutMs: "20000", appId: "a" }, { timeoutMs: 20000, appId: "b", version: "2" })).toEqual(
      ["appId"],
    );
  });
});
