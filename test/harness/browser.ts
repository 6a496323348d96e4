// A real, headless Chromium for the tests that look at what a person sees. scripts/ensure-chromium finds
// Debian's chromium (installing it when it can) or fails saying what to install: a test never skips silently.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { type Browser, chromium } from "playwright-core";

/** The path of a usable Chromium; throws with ensure-chromium's advice when there is none. */
export function chromiumPath(): string {
  const script = path.join(__dirname, "..", "..", "scripts", "ensure-chromium");
  try {
    return execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    throw new Error(`no Chromium for the browser tests (scripts/ensure-chromium):\n${stderr}`, { cause: error });
  }
}

/** Chromium, headless, sandbox off (containers), no background traffic: the page loads only what it is given. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
}
