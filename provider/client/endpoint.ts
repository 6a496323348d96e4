import type { FeishuReply } from "./feishu-reply";
import type { PacedEndpoint } from "./pacing/pacer";

/**
 * What a call not safe to repeat is doing, in words, for the FeishuOutcomeUnknownError that
 * reports it when its outcome is unknown.
 */
export interface ActionWords {
  /** What was attempted, for example `Creating push campaign "Q3 reminder"`. */
  readonly action: string;
  /** What to check before trying again, in terms of Feishu itself. */
  readonly advice: string;
  /** The campaign's job name, when the call is about one. */
  readonly jobName?: string;
  /** The campaign's id, when the call is about an existing one. */
  readonly notificationId?: string;
}

interface EndpointShape<Args, Result> {
  readonly method: "GET" | "POST" | "PATCH";
  /** The path below the base URL; throws FeishuArgumentError for an argument that cannot go in it. */
  readonly path: (args: Args) => string;
  /** The JSON body, if any; throws FeishuArgumentError for an argument that cannot be sent. Built first. */
  readonly body?: (args: Args) => unknown;
  /**
   * The rate-limited API family the call counts against, which the client paces to; undefined
   * for a call Feishu documents no separate limit for.
   */
  readonly pacing?: PacedEndpoint;
  /** Sent with a tenant access token even when a user access token is configured. */
  readonly tenantToken?: (args: Args) => boolean;
  /**
   * What is wrong with a successful reply's `data`, or undefined when it holds what the API
   * documents. A read retries such a reply; a call not safe to repeat reports its outcome unknown.
   */
  readonly validate?: (data: Record<string, unknown> | undefined) => string | undefined;
  /** The method's result, from a reply that passed `validate`. */
  readonly result: (reply: FeishuReply, args: Args) => Result;
}

/**
 * One Feishu endpoint as data, as octokit keeps its routes: how its call is built, whether it
 * may be repeated, and what its errors say. {@link HelpdeskClient}'s methods are rows of
 * helpdesk-endpoints.ts; FeishuCalls.request sends any row the same way.
 */
export type Endpoint<Args, Result> = EndpointShape<Args, Result> &
  (
    | {
        /** Safe to repeat (a read, a full-body PATCH): retried within the deadline like a read. */
        readonly idempotent: true;
      }
    | {
        /**
         * Not safe to repeat: sent again only when it provably was not processed; when its
         * outcome is unknown, FeishuOutcomeUnknownError says so in these words.
         */
        readonly idempotent: false;
        readonly words: (args: Args) => ActionWords;
      }
  );

/** `row`, typed: the arguments and result of each endpoint checked where it is declared. */
export const endpoint = <Args, Result>(row: Endpoint<Args, Result>): Endpoint<Args, Result> => row;

/** A result that carries only the request id. */
export const logIdOnly = (reply: FeishuReply): { readonly logId: string | undefined } => ({ logId: reply.logId });
