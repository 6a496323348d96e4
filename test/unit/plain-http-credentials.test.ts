import { isLoopbackHost } from "../../provider/client/base-url";
import { FeishuConfigError } from "../../provider/client/errors/feishu-config-error";
import { HelpdeskClient } from "../../provider/client/helpdesk-client";
import { checkConfig } from "../../provider/plugin/plugin-config";
import { gatherSettings, resolveSettings } from "../../provider/pulumi/settings";
import { describeSettingProblems } from "../../provider/pulumi/settings-for-client";

// Issue 24: `baseUrl: "http://open.feishu.cn"` was accepted, so both credentials crossed the
// network in clear. Plain http is for loopback (the emulator), or with allowInsecureHttp.
const complete = { helpdeskId: "hd", helpdeskToken: "tok", appId: "cli_1", appSecret: "sec" };
const defaultUrn = "urn:pulumi:dev::proj::pulumi:providers:feishu-helpdesk::default_0_1_0";

describe("credentials only over https", () => {
  it("refuses plain http to Feishu's host at the settings check, naming baseUrl and the opt-in", () => {
    const resolved = resolveSettings({ ...complete, baseUrl: "http://open.feishu.cn" });
    expect(resolved.ok).toBe(false);
    const message = resolved.ok ? "" : describeSettingProblems(resolved.problems, { kind: "stack" });
    expect(message).toContain("feishu-helpdesk:baseUrl is plain http to open.feishu.cn");
    expect(message).toContain("in clear; use https://open.feishu.cn, or set allowInsecureHttp to true");
  });

  it("takes plain http to loopback (the emulator), and https anywhere", () => {
    for (const baseUrl of [
      "http://127.0.0.1:8080",
      "http://localhost:3000",
      "http://[::1]:9",
      "http://127.9.9.9",
      "https://open.feishu.cn",
    ])
      expect(resolveSettings({ ...complete, baseUrl })).toMatchObject({ ok: true });
    for (const host of ["127.0.0.1.example.com", "localhost.example.com", "10.0.0.1", "[::2]"])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it("takes plain http elsewhere only with allowInsecureHttp true, from config or FEISHU_ALLOW_INSECURE_HTTP", () => {
    const config = { get: () => undefined };
    const env = { ...complete, FEISHU_BASE_URL: "http://proxy.internal", FEISHU_ALLOW_INSECURE_HTTP: "true" };
    const gathered = gatherSettings(config, { ...env, FEISHU_HELPDESK_ID: "hd", FEISHU_HELPDESK_TOKEN: "t" });
    const resolved = resolveSettings({ ...complete, ...gathered.values });
    expect(resolved).toMatchObject({ ok: true, options: { allowInsecureHttp: true } });
    const malformed = resolveSettings({ ...complete, baseUrl: "http://proxy.internal", allowInsecureHttp: "yes" });
    expect(malformed.ok ? [] : malformed.problems.map((p) => p.key)).toEqual(["allowInsecureHttp", "baseUrl"]);
  });

  it("fails the native plugin's CheckConfig the same way, and passes with the opt-in as a boolean", () => {
    const refused = checkConfig({ ...complete, baseUrl: "http://open.feishu.cn" }, defaultUrn, {});
    expect(refused.failures).toHaveLength(1);
    expect(refused.failures[0].reason).toContain("feishu-helpdesk:baseUrl is plain http to open.feishu.cn");
    const allowed = checkConfig(
      { ...complete, baseUrl: "http://open.feishu.cn", allowInsecureHttp: true },
      defaultUrn,
      {},
    );
    expect(allowed.failures).toEqual([]);
  });

  it("makes the client refuse such a base URL before any call, unless allowed", () => {
    const credentials = { helpdeskId: "hd", helpdeskToken: "tok", userAccessToken: "u-1" };
    let error: unknown;
    try {
      new HelpdeskClient({ baseUrl: "http://open.feishu.cn", credentials });
    } catch (caught) {
      error = caught;
    }
    expect(FeishuConfigError.isInstance(error)).toBe(true);
    expect(String(error)).toContain("plain http to open.feishu.cn");
    expect(
      () => new HelpdeskClient({ baseUrl: "http://open.feishu.cn", credentials, allowInsecureHttp: true }),
    ).not.toThrow();
  });
});
