import * as fs from "node:fs";
import { DataFileError } from "./errors";
import * as path from "node:path";
import { z } from "zod";

// The data file's schema. Only the fields the emulator keeps are read (unknown ones are dropped),
// so whatever a file holds, what is loaded has a bounded shape and serializes again.

const user = z.object({
  user_id: z.string().optional(),
  name: z.string().optional(),
  avatar_url: z.string().optional(),
});
const department = z.object({ department_id: z.string(), name: z.string().optional() });
const chat = z.object({ chat_id: z.string().optional(), name: z.string().optional() });

/** A stored campaign, as GET returns it. */
const storedNotificationSchema = z.object({
  id: z.string().min(1),
  status: z.number().int(),
  job_name: z.string(),
  push_content: z.string(),
  push_type: z.number().int(),
  push_scope_type: z.number().int(),
  new_staff_scope_type: z.number().int().optional(),
  new_staff_scope_department_list: z.array(department).optional(),
  user_list: z.array(user).optional(),
  department_list: z.array(department).optional(),
  chat_list: z.array(chat).optional(),
  ext: z.string().optional(),
  create_user: user.optional(),
  created_at: z.string().optional(),
  update_user: user.optional(),
  updated_at: z.string().optional(),
  target_user_count: z.number().optional(),
  sent_user_count: z.number().optional(),
  read_user_count: z.number().optional(),
  send_at: z.string().optional(),
});

const extrasSchema = z.object({
  delivered: z.number().int().nonnegative(),
  recalled: z.boolean(),
  previews: z.number().int().nonnegative(),
});

const botMessageSchema = z.object({
  message_id: z.string(),
  msg_type: z.string(),
  content: z.string(),
  receiver_id: z.string(),
  receive_type: z.string(),
  at: z.number(),
});

/**
 * The current format: lists, not objects keyed by ids, so no id (a receiver called `__proto__`)
 * ever becomes a property name. Tenant tokens are not kept: see {@link TenantTokens}.
 */
export const dataFileSchema = z.object({
  version: z.literal(2),
  sequence: z.number().int().nonnegative(),
  campaigns: z.array(z.object({ notification: storedNotificationSchema, extras: extrasSchema })),
  messages: z.array(botMessageSchema),
  openTickets: z.array(z.string()),
});

/** What the data file holds. */
export type DataFile = z.infer<typeof dataFileSchema>;

/**
 * The first format, objects keyed by ids and tenant tokens included; read, then written as version 2.
 * Its objects are read as lists of [key, value] entries (see {@link entriesOfV1}), so that a key
 * such as `__proto__` is kept like any other instead of vanishing into a prototype.
 */
const keyedByIds = "expected record (an object keyed by ids)";
const dataFileV1Schema = z.object({
  version: z.literal(1),
  notifications: z.array(z.tuple([z.string(), storedNotificationSchema]), { error: keyedByIds }),
  extras: z.array(z.tuple([z.string(), extrasSchema]), { error: keyedByIds }).optional(),
  messages: z.array(z.tuple([z.string(), z.array(botMessageSchema)]), { error: keyedByIds }).optional(),
  openTickets: z.array(z.string()).optional(),
  tenantTokens: z.unknown().optional(),
  sequence: z.number().int().nonnegative().optional(),
});

/** A v1 file with its id-keyed objects turned into entry lists (JSON.parse keeps `__proto__` as an own key). */
function entriesOfV1(json: Record<string, unknown>): Record<string, unknown> {
  const entries = (value: unknown) =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : value;
  return {
    ...json,
    notifications: entries(json.notifications),
    ...(json.extras === undefined ? {} : { extras: entries(json.extras) }),
    ...(json.messages === undefined ? {} : { messages: entries(json.messages) }),
  };
}

function fromV1(v1: z.infer<typeof dataFileV1Schema>): DataFile {
  const extras = new Map(v1.extras ?? []);
  return {
    version: 2,
    sequence: v1.sequence ?? 0,
    campaigns: v1.notifications.map(([, notification]) => ({
      notification,
      extras: extras.get(notification.id) ?? { delivered: 0, recalled: false, previews: 0 },
    })),
    messages: (v1.messages ?? []).flatMap(([, list]) => list),
    openTickets: v1.openTickets ?? [],
  };
}

/** The first campaign id that appears twice, if any. */
function duplicateId(data: DataFile): string | undefined {
  const seen = new Set<string>();
  for (const { notification } of data.campaigns) {
    if (seen.has(notification.id)) return notification.id;
    seen.add(notification.id);
  }
  return undefined;
}

/** Checks parsed JSON against the schema (either version); returns the data or what is wrong. */
export function validateDataFile(json: unknown): { data: DataFile; version: 1 | 2 } | { problem: string } {
  const version = (json as { version?: unknown } | null)?.version;
  const result =
    version === 1
      ? dataFileV1Schema.safeParse(entriesOfV1(json as Record<string, unknown>))
      : dataFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { problem: `${issue.path.join(".") || "(top level)"}: ${issue.message}` };
  }
  const data = result.data.version === 1 ? fromV1(result.data) : result.data;
  const duplicate = duplicateId(data);
  if (duplicate !== undefined) return { problem: `campaign id ${JSON.stringify(duplicate)} appears more than once` };
  return { data, version: result.data.version };
}

/**
 * Reads and validates the data file, with the format version it was in; undefined if there is
 * none yet. Throws {@link DataFileError}, also for a symbolic link (the first write would replace
 * the link with a file, and it could point anywhere).
 */
export function readDataFile(file: string): { data: DataFile; version: 1 | 2 } | undefined {
  let text: string;
  try {
    if (fs.lstatSync(file).isSymbolicLink())
      throw new DataFileError(file, "is a symbolic link; give the path of the file itself");
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (DataFileError.isInstance(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DataFileError(file, (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 quotes part of the text in its message: left out, since an old file held tenant tokens.
    const reason = (error as Error).message.replace(/"[\s\S]*"/, "…");
    throw new DataFileError(file, `not JSON (${reason}); fix or remove it`);
  }
  const checked = validateDataFile(json);
  if ("problem" in checked) throw new DataFileError(file, `not an emulator data file: ${checked.problem}`);
  return checked;
}

const temporarySuffix = /^\.(\d+)\.tmp$/;

/** The temporary file a process writes before renaming it over `file`. */
const temporaryFile = (file: string, pid: number) => `${file}.${pid}.tmp`;

/**
 * Removes temporary files a killed emulator left next to `file` (`file.<pid>.tmp`), unless their
 * process still runs.
 */
export function tidyDataFile(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const name of names) {
    const pid = name.startsWith(base) ? temporarySuffix.exec(name.slice(base.length))?.[1] : undefined;
    if (pid !== undefined && !processRuns(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Makes the data file private (0600) if it is not: called once it has been read and validated. */
export function makePrivate(file: string): void {
  if (fs.existsSync(file) && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return false; // a file of ours from before is stale by definition
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Writes the data file before the change is acknowledged: compact JSON to a private (0600)
 * temporary file, flushed to disk, then renamed over the old one, so a crash or kill -9 leaves
 * either the old file or the new one, never half of one.
 */
export function writeDataFile(file: string, data: DataFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryFile(file, process.pid);
  try {
    const fd = fs.openSync(temporary, "w", 0o600);
    try {
      fs.fchmodSync(fd, 0o600);
      fs.writeSync(fd, JSON.stringify(data));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

/** Flushes a directory's entries (the rename) to disk where the platform allows it (Linux, macOS). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
