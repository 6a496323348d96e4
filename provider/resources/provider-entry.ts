/**
 * The stable entry point `pulumi-feishu-helpdesk/provider/v1` that every serialized provider
 * `require`s at call time. State written today keeps requiring this path for ever: never rename
 * it or change these functions' meaning incompatibly; add a v2 beside it instead.
 */
import type * as pulumi from "@pulumi/pulumi";
import { NotificationProvider } from "./notification-provider";

// One provider per process, shared by every resource: one client, one connection pool.
const provider = new NotificationProvider();

/** See {@link NotificationProvider.configure}. */
export const configure = (req: pulumi.dynamic.ConfigureRequest) => provider.configure(req);
/** See {@link NotificationProvider.check}. */
export const check = (olds: Record<string, unknown>, news: Record<string, unknown>) => provider.check(olds, news);
/** See {@link NotificationProvider.diff}. */
export const diff = (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
  provider.diff(id, olds, news);
/** See {@link NotificationProvider.create}. */
export const create = (inputs: Record<string, unknown>) => provider.create(inputs);
/** See {@link NotificationProvider.read}. */
export const read = (id: string, props: Record<string, unknown>) => provider.read(id, props);
/** See {@link NotificationProvider.update}. */
export const update = (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
  provider.update(id, olds, news);
/** See {@link NotificationProvider.delete}. */
export const del = (id: string, props: Record<string, unknown>) => provider.delete(id, props);
export { del as delete };
