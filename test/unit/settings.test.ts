import fc from "fast-check";
import { maxTimerMs } from "../../provider/client/clock";
import { HelpdeskClient } from "../../provider/client/helpdesk-client";
import {
  EXPLICIT_PROVIDER_KEY,
  gatherSettings,
  resolveSettings,
  settingValuesFrom,
} from "../../provider/pulumi/settings";
import { clientOptionsFromSettings } from "../../provider/pulumi/settings-for-client";
import { describeSettingProblems } from "../../provider/pulumi/settings-for-client";
import { UNKNOWN } from "../../provider/pulumi/unknown";

// Settings: gathered from the stack config and the environment (or an explicit provider's
// arguments alone), then resolved by a pure function into client options or a list of problems.
describe("provider settings", () => {
  const config = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });
  const complete = { helpdeskId: "h", helpdeskToken: "t", appId: "a", appSecret: "s" };
  const prefixed = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [`feishu-helpdesk:${k}`, v]));

  it("takes each key from the stack config, else from its environment variable, and ignores empty values", () => {
    const values = settingValuesFrom(
      config({ "feishu-helpdesk:helpdeskId": "from-config", "feishu-helpdesk:appId": "" }) as never,
      {
        FEISHU_HELPDESK_ID: "from-env",
        FEISHU_APP_ID: "app-from-env",
        FEISHU_TIMEOUT_MS: "",
      },
    );
    expect(values).toEqual({ helpdeskId: "from-config", appId: "app-from-env" });
  });

  it("never falls back to the environment for an explicit provider, and reads its arguments as text", () => {
    const gathered = gatherSettings(
      config({
        [EXPLICIT_PROVIDER_KEY]: "tenant-b",
        "feishu-helpdesk:helpdeskId": "hd-b",
        "feishu-helpdesk:timeoutMs": 5000,
      }),
      { FEISHU_HELPDESK_TOKEN: "token-of-tenant-a", FEISHU_APP_ID: "cli_a" },
    );
    expect(gathered).toEqual({
      values: { helpdeskId: "hd-b", timeoutMs: "5000" },
      source: { kind: "explicit", name: "tenant-b" },
      pending: [],
    });
    const resolved = resolveSettings(gathered.values);
    expect(resolved.ok).toBe(false);
    const message = describeSettingProblems(resolved.ok ? [] : resolved.problems, gathered.source);
    expect(message).toContain('FeishuHelpdeskProvider "tenant-b"');
    expect(message).toContain(
      '- helpdeskToken is not set. Set it: the helpdeskToken argument of new FeishuHelpdeskProvider("tenant-b", …)',
    );
    expect(message).not.toContain("pulumi config set");
  });

  it("names exactly the one setting missing, with the command and the variable", () => {
    const { helpdeskToken: _, ...rest } = complete;
    const resolved = resolveSettings(rest);
    expect(resolved).toEqual({ ok: false, problems: [{ key: "helpdeskToken", problem: "is not set" }] });
    expect(describeSettingProblems(resolved.ok ? [] : resolved.problems, { kind: "stack" })).toBe(
      "Feishu Helpdesk settings: feishu-helpdesk:helpdeskToken is not set. Set it: " +
        "pulumi config set --secret feishu-helpdesk:helpdeskToken <value> (or the FEISHU_HELPDESK_TOKEN variable)",
    );
  });

  it.each([
    [{ helpdeskId: "h", helpdeskToken: "t" }, ["appId"]],
    [{ helpdeskId: "h", helpdeskToken: "t", appId: "a" }, ["appSecret"]],
    [{ helpdeskId: "h", helpdeskToken: "t", appSecret: "s" }, ["appId"]],
    [{ helpdeskId: "h", helpdeskToken: "t", userAccessToken: "u" }, []],
    [{}, ["helpdeskId", "helpdeskToken", "appId"]],
  ])("requires an access token: %j → %j", (values, keys) => {
    const resolved = resolveSettings(values);
    expect(resolved.ok ? [] : resolved.problems.map((p) => p.key)).toEqual(keys);
  });

  it("offers every way to an access token when none is set", () => {
    const resolved = resolveSettings({ helpdeskId: "h", helpdeskToken: "t" });
    const message = describeSettingProblems(resolved.ok ? [] : resolved.problems, { kind: "stack" });
    expect(message).toContain("feishu-helpdesk:appSecret");
    expect(message).toContain("FEISHU_USER_ACCESS_TOKEN");
  });

  it("requires nothing of a value not known yet, and says the options are incomplete", () => {
    const gathered = gatherSettings(
      config({
        [EXPLICIT_PROVIDER_KEY]: "p",
        "feishu-helpdesk:helpdeskId": "h",
        "feishu-helpdesk:helpdeskToken": UNKNOWN,
      }),
    );
    expect(gathered.pending).toEqual(["helpdeskToken"]);
    const resolved = resolveSettings({ ...gathered.values, appId: "a", appSecret: "s" }, { pending: gathered.pending });
    expect(resolved).toMatchObject({ ok: true, complete: false });
  });

  it("reports every malformed value at once", () => {
    const resolved = resolveSettings({
      ...complete,
      timeoutMs: "soon",
      userIdType: "email",
      baseUrl: "open.feishu.cn",
    });
    expect(resolved.ok ? [] : resolved.problems.map((p) => p.key)).toEqual(["baseUrl", "userIdType", "timeoutMs"]);
  });

  it("resolves client options from plain values, with no config or environment involved", () => {
    expect(
      clientOptionsFromSettings({
        helpdeskId: "h",
        helpdeskToken: "t",
        timeoutMs: "5000",
        rateLimits: '{"create": 5}',
      }),
    ).toEqual({
      baseUrl: undefined,
      userIdType: undefined,
      timeoutMs: 5000,
      rateLimitWindowMs: undefined,
      retryDeadlineMs: undefined,
      rateLimits: { create: 5 },
      credentials: {
        helpdeskId: "h",
        helpdeskToken: "t",
        userAccessToken: undefined,
        appId: undefined,
        appSecret: undefined,
      },
    });
  });

  it("refuses a time the client would refuse, naming the setting and where to set it", () => {
    const gathered = gatherSettings(
      config({ [EXPLICIT_PROVIDER_KEY]: "tenant-b", ...prefixed(complete), "feishu-helpdesk:timeoutMs": 3000000000 }),
    );
    const resolved = resolveSettings(gathered.values);
    expect(resolved.ok).toBe(false);
    expect(describeSettingProblems(resolved.ok ? [] : resolved.problems, gathered.source)).toBe(
      'FeishuHelpdeskProvider "tenant-b" (whose settings never come from FEISHU_* variables): ' +
        `timeoutMs must be at most ${maxTimerMs} milliseconds (about 24.8 days); got "3000000000". ` +
        'Set it: the timeoutMs argument of new FeishuHelpdeskProvider("tenant-b", …)',
    );
    expect(() => clientOptionsFromSettings({ retryDeadlineMs: "1e300" })).toThrow(
      `feishu-helpdesk:retryDeadlineMs must be at most ${maxTimerMs} milliseconds`,
    );
  });

  it("accepts a time setting only if the client accepts it too", () => {
    const key = fc.constantFrom("timeoutMs", "retryDeadlineMs", "rateLimitWindowMs");
    const text = fc.oneof(
      fc.integer({ min: -5, max: 2 ** 40 }).map(String),
      fc.double().map(String),
      fc.constantFrom(String(maxTimerMs), String(maxTimerMs + 1), "1e300", "Infinity", "0x10"),
    );
    fc.assert(
      fc.property(key, text, (name, value) => {
        const resolved = resolveSettings({ ...complete, [name]: value });
        if (!resolved.ok) {
          expect(resolved.problems.map((p) => p.key)).toEqual([name]);
          return;
        }
        const ms = resolved.options[name] as number;
        expect(ms).toBeGreaterThan(0);
        expect(ms).toBeLessThanOrEqual(maxTimerMs);
        expect(() => new HelpdeskClient(resolved.options)).not.toThrow();
      }),
    );
  });

  it.each([
    [{ userIdType: "email" }, 'feishu-helpdesk:userIdType must be open_id, union_id or user_id; got "email"'],
    [{ retryDeadlineMs: "-1" }, "feishu-helpdesk:retryDeadlineMs must be a positive whole number"],
    [{ rateLimits: '{"delete": 1}' }, 'feishu-helpdesk:rateLimits unknown endpoint "delete"'],
  ])("names the key and variable of a bad value: %j", (values, says) => {
    expect(() => clientOptionsFromSettings(values)).toThrow(says);
  });
});
