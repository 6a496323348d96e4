import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type GeneratedSdks, generateSdks } from "./generated-sdks";
import { findRepoRoot } from "./pulumi-project";

const run = promisify(execFile);
const repoRoot = findRepoRoot(__dirname);

/** The npm name of the generated Node.js SDK. */
export const NODEJS_SDK_PACKAGE = "@pulumi-feishu-helpdesk/feishu-helpdesk";

/**
 * Generates the Node.js SDK (scripts/gen-sdks) into a folder of the test's own and compiles it as
 * it is published: its tsconfig writes bin/, its package.json beside. Returns the generation and
 * the compiled package's folder.
 */
export async function buildNodejsSdk(name: string): Promise<GeneratedSdks & { readonly packageDir: string }> {
  const sdks = await generateSdks(["nodejs"], name);
  const sdk = path.join(sdks.dir, "nodejs");
  await run(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", sdk], { cwd: repoRoot });
  fs.copyFileSync(path.join(sdk, "package.json"), path.join(sdk, "bin", "package.json"));
  return { ...sdks, packageDir: path.join(sdk, "bin") };
}

/**
 * Links the compiled SDK into a program's node_modules, as `npm install <folder>` would; @pulumi/pulumi
 * is the repo's.
 */
export function linkNodejsSdk(programDir: string, packageDir: string): void {
  const installed = path.join(programDir, "node_modules", ...NODEJS_SDK_PACKAGE.split("/"));
  fs.mkdirSync(path.dirname(installed), { recursive: true });
  fs.symlinkSync(packageDir, installed, "dir");
}
