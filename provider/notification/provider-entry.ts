/**
 * The stable entry point `pulumi-feishu-helpdesk/provider/v1` that every serialized provider
 * `require`s at call time. State written today keeps requiring this path for ever: never rename
 * it or change these functions' meaning incompatibly; add a v2 beside it instead.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { UncheckedInputs } from "../pulumi/input-check";
import { NotificationDynamicProvider } from "./dynamic-provider";
import type { NormalizedNotificationInputs } from "./fields";
import type { StoredNotification } from "./outputs";

// One provider per process, shared by every resource: one client, one connection pool.
const provider = new NotificationDynamicProvider();

/** See {@link NotificationDynamicProvider.configure}. */
export const configure = (req: pulumi.dynamic.ConfigureRequest) => provider.configure(req);
/** See {@link NotificationDynamicProvider.check}. */
export const check = (olds: Partial<NormalizedNotificationInputs>, news: UncheckedInputs) => provider.check(olds, news);
/** See {@link NotificationDynamicProvider.diff}. */
export const diff = (id: string, olds: StoredNotification, news: NormalizedNotificationInputs) =>
  provider.diff(id, olds, news);
/** See {@link NotificationDynamicProvider.create}. */
export const create = (inputs: NormalizedNotificationInputs) => provider.create(inputs);
/** See {@link NotificationDynamicProvider.read}. */
export const read = (id: string, props?: StoredNotification) => provider.read(id, props);
/** See {@link NotificationDynamicProvider.update}. */
export const update = (id: string, olds: StoredNotification, news: NormalizedNotificationInputs) =>
  provider.update(id, olds, news);
/** See {@link NotificationDynamicProvider.delete}. */
export const del = (id: string, props: StoredNotification) => provider.delete(id, props);
export { del as delete };
