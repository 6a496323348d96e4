import type { FetchedNotification } from "../client/helpdesk-client";

/**
 * How long a live read stands for the campaign within one engine operation on it.
 *
 * Why: the engine asks one resource several questions in a row: `refresh` runs Read and then a
 * Diff of what it read, `up --refresh` adds the up's Diff, and an update follows its Diff. Each
 * used to read the campaign again, and at Feishu's 100 reads a minute every extra read costs
 * real time in a long run. A read this recent is as good as a new one for what those questions
 * decide (is it a draft, is it scheduled): a new read would race the console just the same, and
 * the write that follows is paced after it either way. An older read is not used.
 */
export const RECENT_READ_MS = 60_000;

interface Entry {
  readonly fetched: FetchedNotification;
  readonly at: number;
  /** The client it was read with: two tenants' campaigns can share an id. */
  readonly source: object;
}

/**
 * The campaigns read live in this provider process in the last {@link RECENT_READ_MS}, so the
 * next question about the same campaign in the same operation does not read it again. A write
 * to a campaign forgets it: what was read before no longer holds.
 */
export class RecentReads {
  readonly #entries = new Map<string, Entry>();

  /** @param now The clock (ms), for tests. */
  constructor(private readonly now: () => number = Date.now) {}

  /** The campaign as read from `source` less than {@link RECENT_READ_MS} ago, if it was. */
  get(id: string, source: object): FetchedNotification | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.source !== source || this.now() - entry.at >= RECENT_READ_MS) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry.fetched;
  }

  /** Keeps a read just made. */
  remember(id: string, source: object, fetched: FetchedNotification): void {
    this.#entries.set(id, { fetched, at: this.now(), source });
    // A refresh of thousands of campaigns: drop what has expired now and then, not on every read.
    if (this.#entries.size % 256 === 0) this.#sweep();
  }

  /** The campaign is about to change (or is gone): its last read no longer holds. */
  forget(id: string): void {
    this.#entries.delete(id);
  }

  #sweep(): void {
    const oldest = this.now() - RECENT_READ_MS;
    for (const [id, entry] of this.#entries) if (entry.at <= oldest) this.#entries.delete(id);
  }
}
