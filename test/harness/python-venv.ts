import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { findRepoRoot } from "./pulumi-project";

const repoRoot = findRepoRoot(__dirname);

/**
 * The python of the venv `scripts/ensure-python` makes (pinned pulumi and mypy, the generated SDK
 * installed from sdk/python): FEISHU_PYTHON_BIN when the global set-up has made it, else made now.
 * Fails, after ensure-python has said what to install (on stderr), when Python 3.10+, venv or pip is missing.
 */
export function venvPython(): string {
  if (process.env.FEISHU_PYTHON_BIN) return process.env.FEISHU_PYTHON_BIN;
  try {
    process.env.FEISHU_PYTHON_BIN = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-python")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  } catch {
    throw new Error("The Python set-up failed: scripts/ensure-python said why, and what to install, above.");
  }
  return process.env.FEISHU_PYTHON_BIN;
}

/**
 * The environment for a Python Automation API script whose state is under `stateDir`: the
 * engine first on PATH, PULUMI_HOME there (where the plugin is installed), no FEISHU_ or PULUMI_
 * variable of the shell running the tests, and no __pycache__ written beside the programs.
 */
export function pythonEnv(stateDir: string): NodeJS.ProcessEnv {
  const engine = process.env.PULUMI_FEISHU_ENGINE_BIN;
  if (!engine) throw new Error("PULUMI_FEISHU_ENGINE_BIN is not set: run the tests with `bash scripts/test`.");
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(FEISHU|PULUMI)_/.test(k))),
    PATH: `${engine}${path.delimiter}${process.env.PATH}`,
    PULUMI_HOME: path.join(stateDir, "home"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PYTHONDONTWRITEBYTECODE: "1",
  };
}
