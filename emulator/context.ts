import { rateLimitsProblem } from "../provider/client/api/rate-limits";
import type { WireNotification } from "../provider/client/wire-types";
import { EmulatorUsageError } from "./errors";
import { advance } from "./campaign-lifecycle";
import { type Clock, systemClock } from "./clock";
import { demoCredentials, type EmulatorCredentials } from "./credentials";
import { FaultInjector } from "./faults";
import type { EmulatorOptions, RecordedRequest } from "./options";
import { documentedLimits, GatewayRateLimits } from "./rate-limits";
import { NotificationStore } from "./store";
import { TenantTokens } from "./tenant-tokens";

/** What every route works on: the settings, the clock, and the emulator's state. */
export interface EmulatorContext {
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  readonly store: NotificationStore;
  readonly tokens: TenantTokens;
  readonly limits: GatewayRateLimits | undefined;
  readonly faults: FaultInjector | undefined;
  /** The API requests answered so far, oldest first: the latest maxRecordedRequests of them. */
  readonly requests: RecordedRequest[];
  /** Records an API request, dropping the oldest beyond maxRecordedRequests and truncating long texts. */
  record(request: RecordedRequest): void;
  readonly autoApprove: boolean;
  readonly organizationSize: number;
  readonly departmentSize: number;
  readonly maxBodyBytes: number;
  readonly maxJsonDepth: number;
  readonly allowRemoteAdmin: boolean;
  /** A campaign, moved along with the clock first (see campaign-lifecycle.ts). */
  current(id: string): WireNotification | undefined;
  /** Sets a campaign's status, as a helpdesk owner's action in the console would; throws if there is none. */
  setStatus(id: string, status: number): void;
}

/** Builds the context from the options, filling in the defaults (which EmulatorOptions documents). */
/** Longest path or problem text kept in the request log; longer ones end in "…". */
export const maxRecordedTextLength = 512;

const truncated = (text: string) =>
  text.length > maxRecordedTextLength ? `${text.slice(0, maxRecordedTextLength - 1)}…` : text;

export function createContext(options: EmulatorOptions): EmulatorContext {
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0)
    throw new RangeError(`maxRecordedRequests must be a whole number >= 0, got ${maxRecorded}`);
  const limitsProblem =
    options.rateLimits === false || options.rateLimits === undefined
      ? undefined
      : rateLimitsProblem(options.rateLimits);
  if (limitsProblem !== undefined) throw new RangeError(`rateLimits: ${limitsProblem}`);
  const requests: RecordedRequest[] = [];
  const clock = options.clock ?? systemClock;
  const store = new NotificationStore(options.dataFile);
  const sendDurationMs = options.sendDurationMs ?? 2000;
  return {
    credentials: options.credentials ?? demoCredentials,
    clock,
    store,
    tokens: new TenantTokens(clock, (options.tenantTokenTtlSeconds ?? 7200) * 1000),
    limits:
      options.rateLimits === false
        ? undefined
        : new GatewayRateLimits({ ...documentedLimits, ...options.rateLimits }, options.timeScale ?? 1, () =>
            clock.now(),
          ),
    faults: options.faults ? new FaultInjector(options.faults) : undefined,
    requests,
    record(request) {
      if (maxRecorded === 0) return;
      // At most maxRecorded entries of at most ~1 KB each: a flood of requests cannot grow memory.
      while (requests.length >= maxRecorded) requests.shift();
      requests.push({
        ...request,
        path: truncated(request.path),
        ...(request.problem === undefined ? {} : { problem: truncated(request.problem) }),
      });
    },
    autoApprove: options.autoApprove ?? false,
    organizationSize: options.organizationSize ?? 100,
    departmentSize: options.departmentSize ?? 10,
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
    maxJsonDepth: options.maxJsonDepth ?? 32,
    allowRemoteAdmin: options.allowRemoteAdmin ?? false,
    current(id) {
      const notification = store.get(id);
      if (!notification) return undefined;
      // Progress follows from send_at and the clock, so it is derived on every read and not saved:
      // a campaign that is sending no longer rewrites the data file on every GET.
      advance(notification, store.extras(id), clock.now(), sendDurationMs);
      return notification;
    },
    setStatus(id, status) {
      const existing = store.get(id);
      if (!existing) throw new EmulatorUsageError(`no notification ${id}`);
      store.put({ ...existing, status, updated_at: String(clock.now()) });
    },
  };
}
