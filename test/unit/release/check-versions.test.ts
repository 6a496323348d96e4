import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bundleVersion, versionClaims, versionProblems } from "../../../tools/release/check-versions";

// scripts/check-release-versions: a release whose artefacts do not all carry package.json's
// version fails, naming each. The real artefacts are checked by test/engine/release-workflow.test.ts.
describe("check-release-versions", () => {
  let dir: string;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  const sha = (name: string) =>
    createHash("sha256")
      .update(fs.readFileSync(path.join(dir, name)))
      .digest("hex");
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    write("sdk/nodejs/package.json", JSON.stringify({ version: "1.2.3", pulumi: { name: "x", version: "1.2.3" } }));
    write("sdk/python/pyproject.toml", '[project]\n  name = "x"\n  version = "1.2.3"\n');
    write("sdk/go/feishuhelpdesk/pulumi-plugin.json", JSON.stringify({ resource: true, version: "1.2.3" }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes a release that carries one version everywhere", () => {
    expect(versionProblems(versionClaims(dir), "1.2.3")).toEqual([]);
  });

  it("names each file whose name, manifest or checksum line says another version", () => {
    write("sdk/python/pyproject.toml", 'version = "1.2.4"\n');
    write("pulumi-feishu-helpdesk-1.2.4.nupkg", "");
    write("notes-v1.2.3-checksums.txt", `${"0".repeat(64)}  pulumi-feishu-helpdesk-1.2.4.nupkg\n`);
    expect(versionProblems(versionClaims(dir), "1.2.3")).toEqual([
      "notes-v1.2.3-checksums.txt: the line of pulumi-feishu-helpdesk-1.2.4.nupkg is 1.2.4, not 1.2.3",
      "notes-v1.2.3-checksums.txt: the sum of pulumi-feishu-helpdesk-1.2.4.nupkg (not its content's) " +
        "is missing or wrong, not 1.2.3",
      "pulumi-feishu-helpdesk-1.2.4.nupkg: file name is 1.2.4, not 1.2.3",
      "sdk/python/pyproject.toml: version is 1.2.4, not 1.2.3",
    ]);
  });

  it("fails an empty checksums file", () => {
    write("notes-v1.2.3-checksums.txt", "\n");
    expect(versionProblems(versionClaims(dir), "1.2.3")).toEqual([
      "notes-v1.2.3-checksums.txt: its list of archives (empty) is missing or wrong, not 1.2.3",
    ]);
  });

  it("accepts a checksum line whose sum is the file's", () => {
    write("a-1.2.3.nupkg", "content");
    write("notes-v1.2.3-checksums.txt", `${sha("a-1.2.3.nupkg")}  a-1.2.3.nupkg\n`);
    expect(versionProblems(versionClaims(dir), "1.2.3")).toEqual([]);
  });

  it("reads the version of the schema esbuild inlines in the plugin bundle", () => {
    expect(bundleVersion('x={name:"feishu-helpdesk",displayName:"Feishu Helpdesk",version:"0.1.0",d:1}')).toBe("0.1.0");
    expect(bundleVersion("no schema")).toBeUndefined();
  });
});
