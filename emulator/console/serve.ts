import type { EmulatorContext } from "../context";
import { consolePage, consolePanels } from "./page";
import { consoleScript } from "./script";
import { consoleCss } from "./style";

/**
 * The console's policy: its own script and stylesheet, requests to itself, nothing inline,
 * nothing from elsewhere, no forms, no framing. Card markup that tried to run script would be
 * blocked (and reported in the browser's console), but the escaping means it never gets there.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A console answer: the body and its type; the security headers are added by {@link consoleHeaders}. */
export interface ConsoleAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The headers of every console answer. */
export const consoleHeaders = (contentType: string): Record<string, string> => ({
  "Content-Type": contentType,
  "Content-Security-Policy": CONSOLE_CSP,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
});

// The browser asks for /favicon.ico by itself: answered (empty) so the page logs no 404.
const consolePaths = new Set([
  "/",
  "/favicon.ico",
  "/__emulator/console",
  "/__emulator/console.js",
  "/__emulator/console.css",
]);

/** Whether a path is the console's (the page, its script and stylesheet, its panels). */
export const isConsolePath = (path: string): boolean => consolePaths.has(path) || path === "/__emulator/console/panels";

/** The console's answer to a GET of one of its paths; 405 for any other method. */
export function decideConsole(context: EmulatorContext, method: string, path: string): ConsoleAnswer {
  if (method !== "GET" && method !== "HEAD")
    return { status: 405, contentType: "text/plain; charset=utf-8", body: "the console answers GET only" };
  switch (path) {
    case "/favicon.ico":
      return { status: 204, contentType: "image/x-icon", body: "" };
    case "/__emulator/console.js":
      return { status: 200, contentType: "text/javascript; charset=utf-8", body: consoleScript };
    case "/__emulator/console.css":
      return { status: 200, contentType: "text/css; charset=utf-8", body: consoleCss };
    case "/__emulator/console/panels":
      return {
        status: 200,
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify(consolePanels(context)),
      };
    default:
      return { status: 200, contentType: "text/html; charset=utf-8", body: consolePage(consolePanels(context)).text };
  }
}
