import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The environment variable naming the journal's folder. */
export const JOURNAL_DIR_ENV = "FEISHU_HELPDESK_JOURNAL_DIR";

/**
 * Where the journal lives: `FEISHU_HELPDESK_JOURNAL_DIR`, else `<PULUMI_HOME>/feishu-helpdesk/create-journal`
 * (`PULUMI_HOME` defaults to `~/.pulumi`, the folder the CLI keeps its plugins in, which a CI
 * runner that caches plugins already keeps between jobs).
 */
export function journalDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[JOURNAL_DIR_ENV];
  if (chosen !== undefined && chosen !== "") return chosen;
  const home = env.PULUMI_HOME || path.join(os.homedir(), ".pulumi");
  return path.join(home, "feishu-helpdesk", "create-journal");
}

/** One create, as the journal holds it. */
export interface JournalEntry {
  /** The resource's URN (it names the stack and the project). */
  readonly urn: string;
  readonly jobName: string;
  /** When the POST was about to be sent (ISO 8601). */
  readonly startedAt: string;
  /** The campaign's id, once Feishu answered; absent: the outcome of the POST is unknown. */
  readonly id?: string;
}

/**
 * A write-ahead journal of creates, one small file per resource URN: the intent is written (and
 * fsynced) before the POST, the id as soon as Feishu answers. A run killed in between leaves the
 * file, so the next create of the same resource knows a campaign may exist (no id) or does
 * exist (an id) instead of posting a second one. Feishu has no list endpoint and no
 * idempotency key, so nothing else could tell.
 */
export class CreateJournal {
  constructor(readonly dir: string = journalDir()) {}

  /** The file of `urn`. */
  fileOf(urn: string): string {
    return path.join(this.dir, `${createHash("sha256").update(urn).digest("hex").slice(0, 32)}.json`);
  }

  /** The unfinished create of `urn`, if any. An unreadable file counts as an intent without an id. */
  find(urn: string): JournalEntry | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(urn), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as JournalEntry;
      return typeof entry.id === "string" ? entry : { ...entry, id: undefined };
    } catch {
      return { urn, jobName: "", startedAt: "unknown (the journal entry is damaged)" };
    }
  }

  /** Records `entry` durably: written to a temporary file, fsynced, renamed over the old one. */
  write(entry: JournalEntry): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileOf(entry.urn);
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(temporary, "w", 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(entry));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    // The rename itself must survive a crash of the machine, not only of the process.
    const dirFd = fs.openSync(this.dir, "r");
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  }

  /** Forgets `urn`'s entry: its create is settled (recorded by the engine, failed, or deleted). */
  forget(urn: string): void {
    fs.rmSync(this.fileOf(urn), { force: true });
  }
}
