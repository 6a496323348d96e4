import { FeishuConfigError } from "../../../provider/client/errors/feishu-config-error";
import { isSuppressedEcho, quietEcho } from "../../../provider/pulumi/host-echo";

describe("the dynamic host's stderr echo", () => {
  it("is dropped, once, for this package's errors", () => {
    const error = quietEcho(new FeishuConfigError("bad baseUrl")) as Error;
    const echo = `${String(error)}: ${error.stack}`;
    expect(isSuppressedEcho([echo])).toBe(true);
    expect(isSuppressedEcho([echo])).toBe(false); // a second, unrelated print of it still shows
  });

  it("is kept for other errors (a bug keeps its stack) and for other lines", () => {
    const bug = quietEcho(new TypeError("x is undefined")) as Error;
    expect(isSuppressedEcho([`${String(bug)}: ${bug.stack}`])).toBe(false);
    expect(isSuppressedEcho(["some other line"])).toBe(false);
    const error = quietEcho(new FeishuConfigError("again")) as Error;
    expect(isSuppressedEcho([`${String(error)}: ${error.stack}`, "extra"])).toBe(false);
  });
});
