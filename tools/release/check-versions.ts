import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

// `bash scripts/check-release-versions <dir>`: every artefact of a release (scripts/release-artifacts)
// carries package.json's version and no other. Reads what a user's tool reads: an npm package's
// package.json, the plugin's embedded schema, the SDKs' manifests, a wheel's METADATA.

/** What an artefact says its version is, for the problems' messages. */
export interface VersionClaim {
  readonly artefact: string;
  readonly where: string;
  readonly version: string | undefined;
}

/** A version-looking part of a file name: `-v0.1.0-`, `-0.1.0.tgz`, `.0.1.0.nupkg`, `-1.0.0-rc.1-`. */
const versionInName =
  /(?<![\d.])v?(\d+\.\d+\.\d+(?:-(?:alpha|beta|rc|dev)[0-9A-Za-z.]*)?)(?=[-_]|\.(?:tgz|tar\.gz|whl|nupkg|txt|yaml)$)/;

const tarText = (archive: string, member: string) =>
  execFileSync("tar", ["-xzOf", archive, member], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const zipText = (archive: string, suffix: string) =>
  execFileSync(
    "python3",
    [
      "-c",
      "import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);" +
        "print(''.join(z.read(n).decode() for n in z.namelist() if n.endswith(sys.argv[2])))",
      archive,
      suffix,
    ],
    { encoding: "utf8" },
  );

const jsonField = (text: string, ...keys: string[]): string | undefined => {
  let value: unknown = JSON.parse(text);
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === "string" ? value : undefined;
};

/** The embedded package schema's version in the plugin bundle (esbuild inlines schema.json). */
export const bundleVersion = (js: string) =>
  /name:"feishu-helpdesk",displayName:"Feishu Helpdesk",version:"([^"]+)"/.exec(js)?.[1];

/** Each versioned thing in `dir`, by what reads it. */
export function versionClaims(dir: string): VersionClaim[] {
  const claims: VersionClaim[] = [];
  const claim = (artefact: string, where: string, version: string | undefined) =>
    claims.push({ artefact: path.relative(dir, artefact), where, version });
  const walk = (at: string): string[] =>
    fs.readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(at, entry.name);
      return entry.isDirectory() ? (entry.name === "node_modules" ? [] : walk(full)) : [full];
    });
  for (const file of walk(dir)) {
    const name = path.basename(file);
    const inSdk = path.relative(dir, file).split(path.sep)[0] === "sdk";
    if (!inSdk) claim(file, "file name", versionInName.exec(name)?.[1]);
    if (name.endsWith(".tgz")) {
      const manifest = tarText(file, "package/package.json");
      claim(file, "package.json version", jsonField(manifest, "version"));
      if (jsonField(manifest, "pulumi", "name"))
        claim(file, "package.json pulumi.version", jsonField(manifest, "pulumi", "version"));
    } else if (name.startsWith("pulumi-resource-") && name.endsWith(".tar.gz")) {
      claim(file, "the plugin's schema", bundleVersion(tarText(file, "pulumi-resource-feishu-helpdesk.js")));
    } else if (name.endsWith("-checksums.txt")) {
      const lines = fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "");
      if (lines.length === 0) claim(file, "its list of archives (empty)", undefined);
      for (const line of lines) {
        const [sum, listed] = line.split(/\s+/);
        claim(file, `the line of ${listed}`, versionInName.exec(listed)?.[1]);
        const target = path.join(dir, listed);
        const actual = fs.existsSync(target) ? createHash("sha256").update(fs.readFileSync(target)).digest("hex") : "";
        if (actual !== sum) claim(file, `the sum of ${listed} (not its content's)`, undefined);
      }
    } else if (name.endsWith(".whl")) {
      claim(file, "METADATA Version", /^Version: (.+)$/m.exec(zipText(file, ".dist-info/METADATA"))?.[1]?.trim());
    } else if (name === "package.json" && inSdk) {
      claim(file, "version", jsonField(fs.readFileSync(file, "utf8"), "version"));
      claim(file, "pulumi.version", jsonField(fs.readFileSync(file, "utf8"), "pulumi", "version"));
    } else if (name === "pulumi-plugin.json") {
      claim(file, "version", jsonField(fs.readFileSync(file, "utf8"), "version"));
    } else if (name === "pyproject.toml") {
      claim(file, "version", /^\s*version = "([^"]+)"/m.exec(fs.readFileSync(file, "utf8"))?.[1]);
    } else if (name.endsWith(".yaml") && !inSdk) {
      claim(file, "version:", /^version: (.+)$/m.exec(fs.readFileSync(file, "utf8"))?.[1]?.trim());
    } else if (name === "version.txt" && inSdk) {
      claim(file, "text", fs.readFileSync(file, "utf8").trim());
    }
  }
  return claims;
}

/** The claims that are not `version`: an empty list is a consistent release. */
export function versionProblems(claims: readonly VersionClaim[], version: string): string[] {
  return claims
    .filter((c) => c.version !== version)
    .map(
      (c) => `${c.artefact}: ${c.where} is ${c.version === undefined ? "missing or wrong" : c.version}, not ${version}`,
    );
}

if (require.main === module) {
  const [dir, version] = process.argv.slice(2);
  const claims = versionClaims(dir);
  const problems = versionProblems(claims, version);
  if (problems.length > 0) {
    console.error(`check-release-versions: ${problems.length} artefact(s) carry another version than ${version}:`);
    for (const problem of problems) console.error(`- ${problem}`);
    process.exit(1);
  }
  console.error(
    `check-release-versions: ${claims.length} places in ${fs.readdirSync(dir).length} artefacts, all ${version}`,
  );
}
