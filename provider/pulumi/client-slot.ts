import { HelpdeskClient, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { type Reporter, progressHooks } from "./reporter";
import { clientOptionsFromEnv } from "./settings";

/**
 * The one client of a provider process, made on first use from the configured options, so
 * every resource shares its connections, pacing and token cache.
 */
export class ClientSlot {
  // #private: the options hold credentials; keep them out of console.log and util.inspect.
  #options: HelpdeskClientOptions | undefined;
  #client: HelpdeskClient | undefined;
  readonly #reporter: Reporter | undefined;

  /** @param reporter Told why calls wait or are retried; none for a provider that says nothing. */
  constructor(reporter?: Reporter) {
    this.#reporter = reporter;
  }

  /** Uses these options from now on (the next call makes a new client). */
  configure(options: HelpdeskClientOptions): void {
    this.#options = options;
    this.#client = undefined;
  }

  /** The client; without configured options, from the FEISHU_* environment variables. */
  get client(): HelpdeskClient {
    this.#client ??= new HelpdeskClient({
      ...(this.#options ?? clientOptionsFromEnv()),
      ...(this.#reporter ? progressHooks(this.#reporter) : {}),
    });
    return this.#client;
  }
}
