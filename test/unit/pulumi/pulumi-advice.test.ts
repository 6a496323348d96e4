import { FeishuNetworkError } from "../../../provider/client/errors/feishu-network-error";
import { withQuietEcho } from "../../../provider/pulumi/host-echo";
import { baseUrlAdvice, withPulumiAdvice } from "../../../provider/pulumi/pulumi-advice";

const request = { method: "GET", url: "https://open.feishu.cn/open-apis/helpdesk/v1/notifications/1", headers: {} };
const networkError = (code: string) =>
  new FeishuNetworkError({ request, cause: Object.assign(new Error("x"), { code }) });

describe("the provider's advice on a client error", () => {
  it("names the stack setting of a base URL where nothing answers, and why refresh may use an old one", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND"]) {
      const { message } = withPulumiAdvice(networkError(code));
      expect(message).toContain("Nothing answers at https://open.feishu.cn");
      expect(message).toContain("feishu-helpdesk:baseUrl");
      expect(message).toContain("FEISHU_BASE_URL");
      expect(message).toContain("`pulumi refresh --run-program`");
    }
  });

  it("is added once, and only where nothing answers", () => {
    const twice = withPulumiAdvice(withPulumiAdvice(networkError("ECONNREFUSED")));
    expect(twice.message.split(baseUrlAdvice)).toHaveLength(2);
    expect(withPulumiAdvice(networkError("ECONNRESET")).message).not.toContain("feishu-helpdesk:baseUrl");
    const other = new Error("not ours");
    expect(withPulumiAdvice(other).message).toBe("not ours");
  });

  it("reaches what an operation throws to the host", async () => {
    const thrown = await withQuietEcho(() => Promise.reject(networkError("ECONNREFUSED"))).catch((e: Error) => e);
    expect((thrown as Error).message).toContain("feishu-helpdesk:baseUrl");
  });
});
