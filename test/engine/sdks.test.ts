import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { filesUnder, type GeneratedSdks, generateSdks, requireTool } from "../harness/generated-sdks";

const run = promisify(execFile);
const repoRoot = path.join(__dirname, "..", "..");

// `npm run build:sdks` generates every language from the plugin's schema; these check what can
// be checked here of each without its registry: Node.js type-checks against this repo's
// @pulumi/pulumi, Python byte-compiles, .NET is generated (no dotnet SDK on these machines), and
// the same schema gives the same files. The Go SDK is built and run in go-sdk.test.ts.
describe("the generated SDKs", () => {
  let sdks: GeneratedSdks;
  beforeAll(async () => {
    sdks = await generateSdks(["nodejs", "python", "dotnet", "go"]);
    console.log(sdks.report);
  });
  afterAll(() => fs.rmSync(sdks.dir, { recursive: true, force: true }));

  it("are written for Node.js, Python, Go and .NET, with the package's name and version", () => {
    const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
    const nodePackage = JSON.parse(fs.readFileSync(path.join(sdks.dir, "nodejs", "package.json"), "utf8"));
    expect(nodePackage).toMatchObject({
      name: "@pulumi-feishu-helpdesk/feishu-helpdesk",
      version,
      pulumi: { resource: true, name: "feishu-helpdesk", version },
    });
    expect(fs.readFileSync(path.join(sdks.dir, "python", "pyproject.toml"), "utf8")).toContain(
      `version = "${version}"`,
    );
    const goPackage = path.join(sdks.dir, "go", "feishuhelpdesk");
    expect(JSON.parse(fs.readFileSync(path.join(goPackage, "pulumi-plugin.json"), "utf8"))).toMatchObject({
      name: "feishu-helpdesk",
      version,
    });
    for (const file of ["helpdeskNotification.go", "helpdeskBotMessage.go", "getNotification.go", "provider.go"]) {
      expect(fs.existsSync(path.join(goPackage, file))).toBe(true);
    }
    expect(fs.readFileSync(path.join(sdks.dir, "dotnet", "HelpdeskNotification.cs"), "utf8")).toContain(
      "namespace PulumiFeishuHelpdesk.FeishuHelpdesk",
    );
  });

  it("Node.js: type-checks (tsc --noEmit) against this repo's @pulumi/pulumi", async () => {
    const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");
    await expect(run(tsc, ["--noEmit", "-p", path.join(sdks.dir, "nodejs")], { cwd: repoRoot })).resolves.toBeDefined();
  });

  it("Python: byte-compiles (python3 -m compileall)", async () => {
    const python = requireTool("python3", "install Python 3.9 or later (Debian: apt-get install python3)");
    // The .pyc files go to a folder of their own, so the SDK folder stays as generated.
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "pycache-"));
    try {
      const { stdout } = await run(python, ["-m", "compileall", "-q", path.join(sdks.dir, "python")], {
        env: { ...process.env, PYTHONPYCACHEPREFIX: prefix },
      });
      expect(stdout).toBe("");
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  it("are the same files when generated again from the same schema", async () => {
    const again = await generateSdks(["nodejs", "python", "dotnet", "go"], "sdks-again");
    try {
      const first = filesUnder(sdks.dir);
      const second = filesUnder(again.dir);
      expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
      for (const [file, bytes] of first)
        expect({ file, same: bytes.equals(second.get(file)!) }).toEqual({ file, same: true });
    } finally {
      fs.rmSync(again.dir, { recursive: true, force: true });
    }
  });
});
