import * as fs from "node:fs";
import * as path from "node:path";
import type { WireNotification } from "../provider/client/wire-types";
import type { CampaignExtras } from "./campaign-lifecycle";

/** A message the helpdesk bot sent. */
export interface RecordedBotMessage {
  readonly message_id: string;
  readonly msg_type: string;
  readonly content: string;
  readonly receiver_id: string;
  readonly receive_type: string;
  readonly at: number;
}

interface StoreData {
  version: 1;
  notifications: Record<string, WireNotification>;
  extras: Record<string, CampaignExtras>;
  /** Bot messages by receiver id. */
  messages: Record<string, RecordedBotMessage[]>;
  /** Receivers with a ticket in progress: their helpdesk chat takes no bot message. */
  openTickets: string[];
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
  private data: StoreData = {
    version: 1,
    notifications: {},
    extras: {},
    messages: {},
    openTickets: [],
    tenantTokens: {},
    sequence: 0,
  };

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      const loaded = JSON.parse(fs.readFileSync(file, "utf8")) as StoreData;
      if (loaded.version !== 1) throw new Error(`${file}: unknown emulator data version ${String(loaded.version)}`);
      // Files from before bot messages and extras existed load with empty ones.
      this.data = { ...this.data, ...loaded };
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
    this.data.extras[notification.id] ??= { delivered: 0, recalled: false, previews: 0 };
    this.save();
  }

  /** The campaign's emulator-only state; change it, then call {@link save}. */
  extras(id: string): CampaignExtras {
    this.data.extras[id] ??= { delivered: 0, recalled: false, previews: 0 };
    return this.data.extras[id];
  }

  addMessage(message: RecordedBotMessage): void {
    this.data.messages[message.receiver_id] ??= [];
    this.data.messages[message.receiver_id].push(message);
    this.save();
  }

  messages(): Record<string, RecordedBotMessage[]> {
    return this.data.messages;
  }

  setTicketOpen(receiverId: string, open: boolean): void {
    this.data.openTickets = this.data.openTickets.filter((id) => id !== receiverId).concat(open ? [receiverId] : []);
    this.save();
  }

  hasOpenTicket(receiverId: string): boolean {
    return this.data.openTickets.includes(receiverId);
  }

  /** Deletes a campaign; false if there was none. */
  remove(id: string): boolean {
    if (!(id in this.data.notifications)) return false;
    delete this.data.notifications[id];
    delete this.data.extras[id];
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

  save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.data, null, 2));
    fs.renameSync(temporary, this.file);
  }
}
