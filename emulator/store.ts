import type { WireNotification } from "../provider/client/wire-types";
import type { CampaignExtras } from "./campaign-lifecycle";
import { type DataFile, makePrivate, readDataFile, tidyDataFile, writeDataFile } from "./data-file";

/** A message the helpdesk bot sent. */
export interface RecordedBotMessage {
  readonly message_id: string;
  readonly msg_type: string;
  readonly content: string;
  readonly receiver_id: string;
  readonly receive_type: string;
  readonly at: number;
}

const noExtras = (): CampaignExtras => ({ delivered: 0, recalled: false, previews: 0 });

/**
 * The emulator's campaigns, bot messages and open tickets, in `Map`s (so no id, however it is
 * spelled, reaches an object's prototype) and, with a data file, written to disk after every change
 * before it is answered (see {@link writeDataFile}). Tenant tokens are not here: see TenantTokens.
 */
export class NotificationStore {
  private sequence = 0;
  private readonly notifications = new Map<string, WireNotification>();
  private readonly extrasById = new Map<string, CampaignExtras>();
  private readonly messagesByReceiver = new Map<string, RecordedBotMessage[]>();
  private readonly openTickets = new Set<string>();

  /** The data file's text as last written (or read): what a failed write rolls back to. */
  private committed: string;
  /** Depth of nested {@link batch} calls. */
  private batchDepth = 0;
  /** A change in the current batch that the data file does not have yet. */
  private dirty = false;

  /**
   * Loads `file` if it exists (throwing a DataFileError naming it if it is not valid), after
   * tidying it. A file in an older format is rewritten at once, so what it held that the current
   * format does not keep (tenant tokens) leaves the disk.
   */
  constructor(private readonly file?: string) {
    this.committed = JSON.stringify(this.snapshot());
    if (!file) return;
    tidyDataFile(file);
    const read = readDataFile(file);
    if (!read) return;
    this.load(read.data);
    this.committed = JSON.stringify(this.snapshot());
    if (read.version !== 2) this.save();
    makePrivate(file);
  }

  private load(data: DataFile): void {
    this.sequence = data.sequence;
    this.notifications.clear();
    this.extrasById.clear();
    this.messagesByReceiver.clear();
    this.openTickets.clear();
    for (const { notification, extras } of data.campaigns) {
      this.notifications.set(notification.id, notification);
      this.extrasById.set(notification.id, extras);
    }
    for (const message of data.messages) this.recordMessage(message);
    for (const receiver of data.openTickets) this.openTickets.add(receiver);
  }

  /**
   * Runs `change` (one request's work) and writes the data file once at its end if anything
   * changed. If `change` throws or the write fails, everything in memory goes back to what the
   * data file holds, so a request answered 500 changes nothing.
   */
  batch<T>(change: () => T): T {
    this.batchDepth++;
    let result: T;
    try {
      result = change();
    } catch (error) {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.dirty) this.rollback();
      throw error;
    }
    this.batchDepth--;
    if (this.batchDepth === 0 && this.dirty) this.commit();
    return result;
  }

  private commit(): void {
    if (!this.file) {
      this.dirty = false;
      return;
    }
    const data = this.snapshot();
    try {
      writeDataFile(this.file, data);
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.committed = JSON.stringify(data);
    this.dirty = false;
  }

  private rollback(): void {
    this.dirty = false;
    this.load(JSON.parse(this.committed) as DataFile);
  }

  /** A new id in Feishu's style: a 19-digit decimal string. */
  nextId(now: number): string {
    this.sequence += 1;
    return String(7_000_000_000_000_000_000n + BigInt(now) * 1000n + BigInt(this.sequence % 1000));
  }

  get(id: string): WireNotification | undefined {
    return this.notifications.get(id);
  }

  all(): WireNotification[] {
    return [...this.notifications.values()];
  }

  put(notification: WireNotification): void {
    this.notifications.set(notification.id, notification);
    if (!this.extrasById.has(notification.id)) this.extrasById.set(notification.id, noExtras());
    this.save();
  }

  /** The campaign's emulator-only state; change it, then call {@link save}. */
  extras(id: string): CampaignExtras {
    let extras = this.extrasById.get(id);
    if (!extras) {
      extras = noExtras();
      if (this.notifications.has(id)) this.extrasById.set(id, extras);
    }
    return extras;
  }

  addMessage(message: RecordedBotMessage): void {
    this.recordMessage(message);
    this.save();
  }

  private recordMessage(message: RecordedBotMessage): void {
    const list = this.messagesByReceiver.get(message.receiver_id) ?? [];
    list.push(message);
    this.messagesByReceiver.set(message.receiver_id, list);
  }

  /** Bot messages by receiver id, in an object without a prototype (a receiver may be called `constructor`). */
  messages(): Record<string, RecordedBotMessage[]> {
    const byReceiver = Object.create(null) as Record<string, RecordedBotMessage[]>;
    for (const [receiver, list] of this.messagesByReceiver) byReceiver[receiver] = [...list];
    return byReceiver;
  }

  setTicketOpen(receiverId: string, open: boolean): void {
    if (open) this.openTickets.add(receiverId);
    else this.openTickets.delete(receiverId);
    this.save();
  }

  hasOpenTicket(receiverId: string): boolean {
    return this.openTickets.has(receiverId);
  }

  /** Deletes a campaign; false if there was none. */
  remove(id: string): boolean {
    if (!this.notifications.delete(id)) return false;
    this.extrasById.delete(id);
    this.save();
    return true;
  }

  /** Everything, in the data file's format. */
  snapshot(): DataFile {
    return {
      version: 2,
      sequence: this.sequence,
      campaigns: this.all().map((notification) => ({ notification, extras: this.extras(notification.id) })),
      messages: [...this.messagesByReceiver.values()].flat(),
      openTickets: [...this.openTickets],
    };
  }

  /**
   * Marks a change: written at the end of the current {@link batch}, or at once outside one. A
   * failed write rolls the change back and throws.
   */
  save(): void {
    this.dirty = true;
    if (this.batchDepth === 0) this.commit();
  }
}
