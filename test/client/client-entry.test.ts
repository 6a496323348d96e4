import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

// The client entry, as `require("pulumi-feishu-helpdesk/client")` loads it: built JavaScript in
// a fresh node process, so nothing this test process has loaded counts.
const root = path.join(__dirname, "..", "..");
// The client folder, and the card model it re-exports: the only folders the entry may import from.
const sourceDirs = ["client", "card"].map((dir) => path.join(root, "provider", dir));
const distEntry = path.join(root, "dist", "provider", "client", "index.js");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/**
 * dist's entry when it is newer than every client source; otherwise the client sources alone,
 * transpiled into a scratch folder inside the repository (so node_modules resolve), which also
 * proves the client imports nothing from outside its folder and the card model's.
 */
function builtEntry(): string {
  const files = sourceDirs.flatMap(sourceFiles);
  const newest = Math.max(...files.map((f) => statSync(f).mtimeMs));
  if (existsSync(distEntry) && statSync(distEntry).mtimeMs >= newest) return distEntry;
  const out = path.join(root, ".pulumi-local", "client-entry-test");
  rmSync(out, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(out, path.relative(path.join(root, "provider"), file)).replace(/\.ts$/, ".js");
    mkdirSync(path.dirname(target), { recursive: true });
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    writeFileSync(target, outputText);
  }
  return path.join(out, "client", "index.js");
}

function load(file: string): { modules: string[]; exports: string[] } {
  const script = `
    const m = require(${JSON.stringify(file)});
    process.stdout.write(JSON.stringify({ modules: Object.keys(require.cache), exports: Object.keys(m) }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

describe("the client entry (pulumi-feishu-helpdesk/client)", () => {
  let entry: string;
  beforeAll(() => {
    entry = builtEntry();
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
        "parseCard",
        "checkCard",
        "renderCardText",
        "renderCardHtml",
        "renderCardHtmlFragment",
        "cardCss",
        "cardLinks",
      ]),
    );
  });

  it("is what package.json exports as ./client", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      exports: Record<string, { default: string }>;
    };
    expect(path.join(root, pkg.exports["./client"].default)).toBe(distEntry);
  });

  it("is what the package index offers of the client, name for name", () => {
    // The index re-exports the client entry wholesale, so the two lists cannot drift.
    expect(readFileSync(path.join(root, "provider", "index.ts"), "utf8")).toContain('export * from "./client/index";');
    const main = load(path.join(root, "dist", "provider", "index.js")).exports;
    expect(load(entry).exports.filter((name) => !main.includes(name))).toEqual([]);
  });
});
