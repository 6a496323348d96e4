import { FeishuNetworkError, nothingAnswers } from "../client/errors/feishu-network-error";

// The client loads no Pulumi and gives no Pulumi advice: it names its own option (baseUrl). The
// provider, which knows where that value comes from, adds the advice in a Pulumi user's terms.

/** Where a provider's base URL comes from, and why `pulumi refresh` may still use an old one. */
export const baseUrlAdvice =
  "The base URL is the `feishu-helpdesk:baseUrl` setting (in the stack config, or FEISHU_BASE_URL; an explicit " +
  "provider's baseUrl argument). `pulumi refresh` and `pulumi destroy` use the base URL recorded in the state: " +
  "run `pulumi up` first, or `pulumi refresh --run-program`.";

/**
 * `error`, with the provider's advice added to the message of a client error that needs it in
 * Pulumi's terms: nothing answers at the base URL. Said once, however often it passes here.
 */
export function withPulumiAdvice<T>(error: T): T {
  if (FeishuNetworkError.isInstance(error) && nothingAnswers(error) && !error.message.includes(baseUrlAdvice))
    error.message = `${error.message}\n${baseUrlAdvice}`;
  return error;
}
