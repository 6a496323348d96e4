import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { findRepoRoot } from "./pulumi-project";

const repoRoot = findRepoRoot(__dirname);

/** The plugin's version: the package's. */
export const pluginVersion: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;

/**
 * Builds the native plugin archive with `scripts/build-plugin` into `dir` (each test file its own,
 * so two workers never build over each other) and returns its path.
 */
export function buildPluginArchive(dir: string): string {
  const out = execFileSync("bash", [path.join(repoRoot, "scripts", "build-plugin")], {
    encoding: "utf8",
    env: { ...process.env, PLUGIN_OUT: dir },
  });
  const archive = out.trim().split("\n").pop()!.split(" ")[0];
  if (!fs.existsSync(archive)) throw new Error(`scripts/build-plugin printed no archive:\n${out}`);
  return archive;
}

/** Keeps a project's transcript under .pulumi-local/transcripts/<name>.txt, for a person to read after the run. */
export function keepTranscript(name: string, transcript: readonly string[]): void {
  const dir = path.join(repoRoot, ".pulumi-local", "transcripts");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.txt`), transcript.join("\n---\n"));
}
