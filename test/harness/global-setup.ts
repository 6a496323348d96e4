import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { venvPython } from "./python-venv";

/**
 * Makes the Pulumi engine available once for the whole run (scripts/test has normally done
 * so already and this is a cache hit). Fails the run, saying what to install, if it cannot.
 * Then the SDK generators, so that test files generating SDKs side by side do not each build them,
 * and the Python venv (scripts/ensure-python), so the test files using it do not each install into it.
 */
export default function globalSetup(): void {
  ensureEngine();
  ensureSdkGenerators();
  // The first time on a machine, a download of the pinned packages from PyPI; then a hash.
  venvPython();
}

function ensureEngine(): void {
  if (process.env.PULUMI_FEISHU_ENGINE_BIN) return;
  const script = path.join(__dirname, "..", "..", "scripts", "ensure-pulumi");
  try {
    process.env.PULUMI_FEISHU_ENGINE_BIN = execFileSync("bash", [script], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  } catch {
    throw new Error(
      "The Pulumi engine is not available: scripts/ensure-pulumi failed (see above). " +
        "Install Go 1.25.11+ and run `bash scripts/test`.",
    );
  }
}

// The first time, a build from Go modules (about 1.5 minutes); then a cache hit.
function ensureSdkGenerators(): void {
  if (process.env.FEISHU_SDKGEN_BIN) return;
  const script = path.join(__dirname, "..", "..", "scripts", "ensure-sdkgen");
  try {
    process.env.FEISHU_SDKGEN_BIN = execFileSync("bash", [script], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  } catch {
    throw new Error(
      "The SDK generators are not available: scripts/ensure-sdkgen failed (see above). Install Go 1.25.11+.",
    );
  }
}
