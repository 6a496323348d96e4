import type { WireNotification } from "../provider/client/wire-types";
import type { Clock } from "./clock";
import type { EmulatorCredentials } from "./credentials";
import type { FaultKind, FaultOptions } from "./faults";
import type { LimitedEndpoint } from "./rate-limits";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /**
   * TCP port; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Address to listen on. Keep it on loopback: the admin routes have no authentication. Any other
   * address prints a warning (and admin routes still answer loopback peers only; see allowRemoteAdmin).
   * @default "127.0.0.1"
   */
  readonly host?: string;
  /**
   * Let the unauthenticated admin routes (`/__emulator/…`) answer peers other than loopback.
   * @default false
   */
  readonly allowRemoteAdmin?: boolean;
  /** A JSON file that keeps campaigns across restarts. Without it, data lives in memory only. */
  readonly dataFile?: string;
  /**
   * The credentials it accepts.
   * @default demoCredentials
   */
  readonly credentials?: EmulatorCredentials;
  /**
   * Lifetime of the tenant tokens it issues, in seconds (Feishu's is typically 7200).
   * @default 7200
   */
  readonly tenantTokenTtlSeconds?: number;
  /**
   * How many users "everyone in the organization" is, for target_user_count.
   * @default 100
   */
  readonly organizationSize?: number;
  /**
   * How many users each department holds, for target_user_count.
   * @default 10
   */
  readonly departmentSize?: number;
  /**
   * Per-endpoint limits in calls per minute, or false for none. Only authenticated calls count.
   * @default documentedLimits (create 10, patch 20, get 100, botMessage 100, executeSend 10)
   */
  readonly rateLimits?: Partial<Record<LimitedEndpoint, number>> | false;
  /**
   * Divides the rate-limit minute: 60 turns "10 per minute" into 10 per second.
   * @default 1
   */
  readonly timeScale?: number;
  /** Faults to inject into API requests (not admin routes). None by default. */
  readonly faults?: FaultOptions;
  /**
   * Approve a campaign as soon as it is submitted (submit_approve answers has_access: true), as
   * when the caller owns the helpdesk. Otherwise it waits for the admin route's approval.
   * @default false
   */
  readonly autoApprove?: boolean;
  /**
   * How long a scheduled send takes to reach every target once its time comes.
   * @default 2000
   */
  readonly sendDurationMs?: number;
  /**
   * Where it reads the time: scheduled sends, token expiry, rate-limit windows, timestamps. A test
   * passes a {@link ManualClock} to see a scheduled send go out without waiting for it.
   * @default systemClock
   */
  readonly clock?: Clock;
  /**
   * The largest request body accepted; a larger one is answered 413. Room for a 1 MB card twice over.
   * @default 4 MiB (4_194_304)
   */
  readonly maxBodyBytes?: number;
  /**
   * The deepest nesting of arrays and objects accepted in a JSON body (Feishu's bodies need 3);
   * a deeper one is answered 400 / 154000.
   * @default 32
   */
  readonly maxJsonDepth?: number;
  /**
   * How many API requests the request log keeps; older ones are dropped (0 keeps none). Paths and
   * problems longer than 512 characters are cut. 10,000 is far more than a test or CI run makes,
   * and at most a few MB however the emulator is flooded.
   * @default 10_000
   */
  readonly maxRecordedRequests?: number;
  /**
   * Told the warning when the emulator listens beyond loopback. The CLI writes it to stderr; the
   * default, a process warning (`FEISHU_EMULATOR_EXPOSED`), is silenced by NODE_NO_WARNINGS=1.
   * @default process.emitWarning
   */
  readonly warn?: (warning: string) => void;
  /**
   * A request that has not sent its head and whole body by then is answered 408 and its
   * connection closed, so a client that never finishes cannot hold a socket.
   * @default 30_000
   */
  readonly requestTimeoutMs?: number;
  /**
   * How many reply bytes one connection may leave unread (a client that pipelines requests and
   * never reads) before the emulator closes it rather than buffer more.
   * @default 1048576 (1 MiB)
   */
  readonly maxUnsentReplyBytes?: number;
}

/** One API request the emulator answered (admin routes are not recorded). No headers: they hold credentials. */
export interface RecordedRequest {
  /** When it arrived, in ms since the epoch (by the emulator's clock). */
  readonly at: number;
  readonly method: string;
  /** Path without the query string (cut to 512 characters). */
  readonly path: string;
  /** The HTTP status answered; 0 if the connection was cut instead. */
  readonly status: number;
  /**
   * The Feishu code answered; null when the reply had none a client could read (a cut connection,
   * an HTML page, truncated or envelope-less JSON), so that counting `code === 0` counts successes only.
   */
  readonly code: number | null;
  /** For a refused request, what was wrong, as the emulator saw it (Feishu only sends the generic msg). */
  readonly problem?: string;
  /** The fault injected into it, if any. */
  readonly fault?: FaultKind;
}

/** A bot message as the admin view shows it. */
export interface BotMessageView {
  readonly message_id: string;
  readonly msg_type: string;
  readonly content: string;
  readonly receive_type: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, for example `http://127.0.0.1:39123`: give it to the client or provider as baseUrl. */
  readonly url: string;
  /** The warning for listening beyond loopback, or undefined when it listens on loopback only. */
  readonly exposureWarning: string | undefined;
  /** The API requests answered so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The campaigns it holds. */
  notifications(): WireNotification[];
  /** Sets a campaign's status, as a helpdesk owner approving or sending it would. */
  setStatus(notificationId: string, status: number): void;
  /** Approves a campaign in review, as the helpdesk owner would. */
  approve(notificationId: string): void;
  /** What only the emulator knows about a campaign: messages delivered and recalled, previews sent. */
  extras(notificationId: string): { readonly delivered: number; readonly recalled: boolean; readonly previews: number };
  /** The helpdesk bot's messages, by receiver id (an object without a prototype). */
  botMessages(): Readonly<Record<string, readonly BotMessageView[]>>;
  /** Opens or closes a ticket for a receiver: a helpdesk chat with an open ticket takes no bot message. */
  setTicketOpen(receiverId: string, open: boolean): void;
  /** Removes a campaign, as deleting it in the Helpdesk console would (the API has no delete). */
  remove(notificationId: string): void;
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** Stops listening. */
  close(): Promise<void>;
}
