import * as fs from "node:fs";
import * as path from "node:path";
import type { WireNotification } from "../provider/client/wire-types";

interface StoreData {
  version: 1;
  notifications: Record<string, WireNotification>;
  /** Issued tenant tokens and when each expires (ms since the epoch). */
  tenantTokens: Record<string, number>;
  sequence: number;
}

/**
 * The emulator's campaigns and issued tokens, in memory and, with a data file, on disk after
 * every change: written to a temporary file and renamed over the old one, so a crash leaves
 * either the old or the new file, never half of one.
 */
export class NotificationStore {
  private data: StoreData = { version: 1, notifications: {}, tenantTokens: {}, sequence: 0 };

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      const loaded = JSON.parse(fs.readFileSync(file, "utf8")) as StoreData;
      if (loaded.version !== 1) throw new Error(`${file}: unknown emulator data version ${String(loaded.version)}`);
      this.data = loaded;
    }
  }

  /** A new id in Feishu's style: a 19-digit decimal string. */
  nextId(now: number): string {
    this.data.sequence += 1;
    return String(7_000_000_000_000_000_000n + BigInt(now) * 1000n + BigInt(this.data.sequence % 1000));
  }

  get(id: string): WireNotification | undefined {
    return this.data.notifications[id];
  }

  all(): WireNotification[] {
    return Object.values(this.data.notifications);
  }

  put(notification: WireNotification): void {
    this.data.notifications[notification.id] = notification;
    this.save();
  }

  /** Deletes a campaign; false if there was none. */
  remove(id: string): boolean {
    if (!(id in this.data.notifications)) return false;
    delete this.data.notifications[id];
    this.save();
    return true;
  }

  addTenantToken(token: string, expiresAt: number): void {
    this.data.tenantTokens[token] = expiresAt;
    this.save();
  }

  /** Forgets every issued tenant token, as their expiry would. */
  revokeTenantTokens(): void {
    this.data.tenantTokens = {};
    this.save();
  }

  tenantTokenExpiry(token: string): number | undefined {
    return this.data.tenantTokens[token];
  }

  private save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.data, null, 2));
    fs.renameSync(temporary, this.file);
  }
}
