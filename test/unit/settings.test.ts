import { clientOptionsFromSettings, settingValuesFrom } from "../../provider/pulumi/settings";

// Settings: gathered from the stack config and the environment, then resolved by a pure function.
describe("provider settings", () => {
  const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

  it("takes each key from the stack config, else from its environment variable, and ignores empty values", () => {
    const values = settingValuesFrom(
      config({ "feishu-helpdesk:helpdeskId": "from-config", "feishu-helpdesk:appId": "" }),
      {
        FEISHU_HELPDESK_ID: "from-env",
        FEISHU_APP_ID: "app-from-env",
        FEISHU_TIMEOUT_MS: "",
      },
    );
    expect(values).toEqual({ helpdeskId: "from-config", appId: "app-from-env" });
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

  it.each([
    [
      { userIdType: "email" },
      'feishu-helpdesk:userIdType (FEISHU_USER_ID_TYPE) must be open_id, union_id or user_id; got "email"',
    ],
    [
      { retryDeadlineMs: "-1" },
      "feishu-helpdesk:retryDeadlineMs (FEISHU_RETRY_DEADLINE_MS) must be a positive whole number",
    ],
    [{ rateLimits: '{"delete": 1}' }, 'feishu-helpdesk:rateLimits (FEISHU_RATE_LIMITS): unknown endpoint "delete"'],
  ])("names the key and variable of a bad value: %j", (values, says) => {
    expect(() => clientOptionsFromSettings(values)).toThrow(says);
  });
});
