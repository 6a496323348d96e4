import * as fs from "node:fs";

// A provider process outlives a `pulumi` CLI killed with SIGKILL (a runner's timeout, an
// out-of-memory kill): it is reparented and went on creating campaigns that no state would
// ever record. It now watches the CLI and, once it is gone, ends the run as SIGTERM would:
// no new Feishu call starts, and the process exits.

/** How often the engine is looked for, in ms. */
const WATCH_EVERY_MS = 500;

/** The parent pid and command name of `pid`, from /proc (Linux); undefined elsewhere or if gone. */
function procStat(pid: number): { readonly ppid: number; readonly comm: string } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const ppid = Number(text.slice(close + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? { ppid, comm } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pid of the `pulumi` CLI this process serves: the nearest ancestor named `pulumi` (the
 * provider may run under a launcher script), or the parent when /proc cannot tell.
 */
export function enginePid(startPid: number = process.ppid, stat = procStat): number {
  for (let pid = startPid, depth = 0; pid > 1 && depth < 5; depth += 1) {
    const info = stat(pid);
    if (info === undefined) break;
    if (info.comm === "pulumi") return pid;
    pid = info.ppid;
  }
  return startPid;
}

/** True while process `pid` exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Calls `gone` once, as soon as the engine process has exited (or this process was reparented
 * away from its parent). The timer never keeps the process alive.
 */
export function watchEngine(gone: () => void, pid: number = enginePid()): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (alive(pid) && process.ppid === parent) return;
    clearInterval(timer);
    gone();
  }, WATCH_EVERY_MS);
  timer.unref();
}
