import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { AccessTokenSource } from "../../../provider/client/access-token-source";
import { FeishuConfigError } from "../../../provider/client/errors/feishu-config-error";
import { FeishuResponseError } from "../../../provider/client/errors/feishu-response-error";
import { SecretRedactor } from "../../../provider/client/errors/redact";
import { FeishuHttp } from "../../../provider/client/feishu-http";
import { VirtualClock } from "./virtual-clock";

// The token source sending through a real FeishuHttp to a local token endpoint, on a virtual clock.
describe("AccessTokenSource", () => {
  let server: http.Server;
  let url: string;
  let issued = 0;
  let reply: (n: number) => unknown = (n) => ({ code: 0, tenant_access_token: `t-token-${n}`, expire: 7200 });
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end(JSON.stringify(reply(++issued))));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    issued = 0;
    reply = (n) => ({ code: 0, tenant_access_token: `t-token-${n}`, expire: 7200 });
  });

  const source = (
    credentials: { userAccessToken?: string; appId?: string; appSecret?: string },
    clock: VirtualClock,
  ) => {
    const redactor = new SecretRedactor();
    const http = new FeishuHttp({ baseUrl: url, timeoutMs: 2000, maxResponseBytes: 1 << 20, redactor });
    const tokens: string[] = [];
    const tokenSource = new AccessTokenSource({
      credentials: { helpdeskId: "h", helpdeskToken: "t", ...credentials },
      send: (call) => http.send(call),
      describeMalformed: (call, r, problem) => http.describeMalformed(call, r, problem),
      onToken: (token) => {
        tokens.push(token);
        redactor.add(token);
      },
      clock,
    });
    return { tokenSource, tokens, redactor };
  };
  const app = { appId: "cli_app", appSecret: "secret-of-the-app" };

  it("fetches a tenant token once for concurrent callers and reuses it until 5 minutes before it expires", async () => {
    const clock = new VirtualClock();
    const { tokenSource, tokens } = source(app, clock);
    expect(await Promise.all([tokenSource.get(), tokenSource.get(), tokenSource.tenantToken()])).toEqual([
      "t-token-1",
      "t-token-1",
      "t-token-1",
    ]);
    await clock.run(clock.now() + (7200 - 301) * 1000);
    expect(await tokenSource.get()).toBe("t-token-1");
    await clock.run(clock.now() + 1000);
    expect(await tokenSource.get()).toBe("t-token-2");
    expect(issued).toBe(2);
    expect(tokens).toEqual(["t-token-1", "t-token-2"]);
  });

  it("fetches again after invalidate", async () => {
    const { tokenSource } = source(app, new VirtualClock());
    await tokenSource.get();
    tokenSource.invalidate();
    expect(await tokenSource.get()).toBe("t-token-2");
  });

  it("gives the user token when one is set, and is then not refreshable", async () => {
    const { tokenSource } = source({ ...app, userAccessToken: "u-user" }, new VirtualClock());
    expect(await tokenSource.get()).toBe("u-user");
    expect(tokenSource.refreshable).toBe(false);
    expect(issued).toBe(0);
    // Some APIs take only a tenant token.
    expect(await tokenSource.tenantToken()).toBe("t-token-1");
  });

  it("names the missing settings instead of calling Feishu", async () => {
    const { tokenSource } = source({ appId: "cli_app" }, new VirtualClock());
    const error = await tokenSource.get().catch((e: unknown) => e);
    expect(FeishuConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/credentials.userAccessToken.*credentials.appSecret/s);
    expect((error as FeishuConfigError).settings).toContain("credentials.appSecret");
    expect(issued).toBe(0);
  });

  it.each([
    ["no token", { code: 0, expire: 7200 }],
    ["an empty token", { code: 0, tenant_access_token: "", expire: 7200 }],
    ["no expiry", { code: 0, tenant_access_token: "t-x" }],
    ["a negative expiry", { code: 0, tenant_access_token: "t-x", expire: -1 }],
  ])("rejects a reply with %s, without quoting it", async (_, body) => {
    reply = () => body;
    const { tokenSource } = source(app, new VirtualClock());
    const error = await tokenSource.get().catch((e: unknown) => e);
    expect(FeishuResponseError.isInstance(error)).toBe(true);
    expect((error as FeishuResponseError).bodyExcerpt).toContain("not quoted");
  });
});
