import { randomBytes } from "node:crypto";
import type { Clock } from "./clock";

/**
 * The tenant tokens issued, in memory only. They are credentials, so they are not written to the
 * data file; a restarted emulator has forgotten them, and a client holding one gets 99991663 and
 * fetches a new one, as it must when Feishu expires a token early. Expired tokens are dropped as new
 * ones are issued, so the map stays as small as the tokens alive.
 */
export class TenantTokens {
  /** Token → expiry in ms. Insertion order is expiry order, since every token lives `ttlMs`. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    /** How long each token lives, in ms. */
    readonly ttlMs: number,
  ) {}

  /** Issues a new token. */
  issue(): string {
    this.prune();
    const token = `t-emu-${randomBytes(16).toString("hex")}`;
    this.expiries.set(token, this.clock.now() + this.ttlMs);
    return token;
  }

  /** Whether `token` was issued and has not expired. */
  valid(token: string): boolean {
    const expiry = this.expiries.get(token);
    return expiry !== undefined && expiry > this.clock.now();
  }

  /** Forgets every token, as their expiry would. */
  revokeAll(): void {
    this.expiries.clear();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [token, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(token);
    }
  }
}
