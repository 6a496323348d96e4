import { endpointPattern, progressHooks, type Reporter } from "../../../provider/pulumi/reporter";
import { engineAddressOf } from "../../../provider/pulumi/engine-log";
import { splitUrn, withResource, currentResource } from "../../../provider/pulumi/resource-context";
import { nameFromUrn } from "../../../provider/pulumi/urn";

const collect = () => {
  const said: string[] = [];
  const reporter: Reporter = { warn: (m) => said.push(`warn ${m}`), info: (m) => said.push(`info ${m}`) };
  return { said, reporter };
};
const retry = (endpoint: string, attempt = 1) => ({
  endpoint,
  attempt,
  afterMs: 500,
  error: new Error("refused\nhint"),
});

describe("progressHooks", () => {
  it("summarizes retries per endpoint, not per campaign id: one line per endpoint per 5 s with a count", () => {
    const { said, reporter } = collect();
    let now = 0;
    const hooks = progressHooks(reporter, () => now);
    for (let id = 1; id <= 40; id++) hooks.onRetry!(retry(`GET /open-apis/helpdesk/v1/notifications/${id}`));
    expect(said).toEqual([
      "info retrying GET /open-apis/helpdesk/v1/notifications/:id: 1 call failed since the last notice, " +
        "the latest (attempt 1) with: refused",
    ]);
    now = 5000;
    hooks.onRetry!(retry("GET /open-apis/helpdesk/v1/notifications/41", 2));
    expect(said[1]).toContain("40 calls failed since the last notice");
    hooks.onRetry!(retry("PATCH /open-apis/helpdesk/v1/notifications/7"));
    expect(said).toHaveLength(3); // another endpoint has its own notices
  });
});

describe("endpointPattern", () => {
  it("leaves ids out", () => {
    expect(endpointPattern("POST /open-apis/helpdesk/v1/notifications/7001/submit_approve")).toBe(
      "POST /open-apis/helpdesk/v1/notifications/:id/submit_approve",
    );
  });
});

describe("engineAddressOf", () => {
  it("is the last argument of a dynamic provider process, and nothing elsewhere", () => {
    const host = ["node", "/x/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", "127.0.0.1:38035"];
    expect(engineAddressOf(host)).toBe("127.0.0.1:38035");
    expect(engineAddressOf(["node", "jest", "127.0.0.1:1"])).toBeUndefined();
    expect(engineAddressOf([host[0], host[1]])).toBeUndefined();
  });
});

describe("resource context", () => {
  const urn = "urn:pulumi:test::campaigns::my:Group$pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification::push";

  it("names the resource from its urn, within the call only", async () => {
    expect(nameFromUrn(urn)).toBe("push");
    await withResource(urn, async () => {
      await Promise.resolve();
      expect(currentResource()).toEqual({ urn, name: "push" });
    });
    expect(currentResource()).toBeUndefined();
    expect(withResource(undefined, () => currentResource())).toBeUndefined();
  });

  it("splits the urn input from the campaign's properties", () => {
    expect(splitUrn({ jobName: "a", __urn: urn })).toEqual({ urn, rest: { jobName: "a" } });
    expect(splitUrn({ jobName: "a" })).toEqual({ urn: undefined, rest: { jobName: "a" } });
  });
});
