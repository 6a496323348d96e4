import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

// The client entry, as `require("pulumi-feishu-helpdesk/client")` loads it: built JavaScript in
// a fresh node process, so nothing this test process has loaded counts.
const root = path.join(__dirname, "..", "..");
const entry = path.join(root, "dist", "provider", "client", "index.js");

function load(file: string): { modules: string[]; exports: string[] } {
  const script = `
    const m = require(${JSON.stringify(file)});
    process.stdout.write(JSON.stringify({ modules: Object.keys(require.cache), exports: Object.keys(m) }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

describe("the client entry (pulumi-feishu-helpdesk/client)", () => {
  beforeAll(() => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
  });

  it("loads the whole client without any Pulumi module", () => {
    const { modules, exports } = load(entry);
    expect(modules.filter((m) => m.includes("@pulumi"))).toEqual([]);
    expect(exports).toEqual(
      expect.arrayContaining([
        "HelpdeskClient",
        "FeishuErrorCode",
        "DOCUMENTED_RATE_LIMITS",
        "describeWait",
        "FeishuHelpdeskError",
        "FeishuApiError",
        "FeishuResponseError",
        "FeishuNetworkError",
        "FeishuRedirectError",
        "FeishuOutcomeUnknownError",
        "FeishuConfigError",
      ]),
    );
  });

  it("is what package.json exports as ./client", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      exports: Record<string, { default: string }>;
    };
    expect(path.join(root, pkg.exports["./client"].default)).toBe(entry);
  });

  it("offers every client value the package index offers", () => {
    // The package index re-exports the client; a client export missing from the entry is a mistake.
    const indexed = load(path.join(root, "dist", "provider", "index.js")).exports;
    const clientValues = [
      "HelpdeskClient",
      "FEISHU_BASE_URL",
      "LARK_BASE_URL",
      "FeishuErrorCode",
      "DOCUMENTED_RATE_LIMITS",
      "describeWait",
    ];
    const { exports } = load(entry);
    for (const name of clientValues) {
      expect(indexed).toContain(name);
      expect(exports).toContain(name);
    }
  });
});
