/**
 * The stable subpath every HelpdeskNotification's `__provider` requires. State written today
 * keeps requiring it for ever: never rename it; add a v2 beside it instead.
 */
export const PROVIDER_ENTRY = "pulumi-feishu-helpdesk/provider/v1";

/** The same, for HelpdeskBotMessage. */
export const BOT_MESSAGE_PROVIDER_ENTRY = "pulumi-feishu-helpdesk/provider/bot-message/v1";

/**
 * The `__provider` of every HelpdeskNotification: the source of a module whose `handler()` the
 * Pulumi dynamic provider process calls (`requireFromString(source).handler()`) to get the
 * provider. It requires the implementation by package name and stable subpath, from the
 * program's directory, at that moment.
 *
 * Why a hand-written source and not `pulumi.dynamic.Resource`'s closure serialization: the
 * serializer copies a linked package (the repo's own examples, `npm link`, workspaces) by value,
 * which fails on zod; it wraps every method in ~200 bytes, putting a seven-method thin object
 * over 2 KB per resource; and it costs time at every program start. This string is ~100 bytes,
 * captures nothing (so no credential can reach the state through it), and works from the npm
 * tarball and from a linked checkout alike.
 */
export const PROVIDER_SOURCE = providerSource(PROVIDER_ENTRY);

/** The `__provider` of every HelpdeskBotMessage. */
export const BOT_MESSAGE_PROVIDER_SOURCE = providerSource(BOT_MESSAGE_PROVIDER_ENTRY);

function providerSource(entry: string): string {
  return `exports.handler = function () { return require(${JSON.stringify(entry)}); };`;
}
