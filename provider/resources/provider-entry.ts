/**
 * The stable entry point `pulumi-feishu-helpdesk/provider/v1` that every serialized provider
 * `require`s at call time. State written today keeps requiring this path for ever: never rename
 * it or change what it exports in an incompatible way; add a v2 beside it instead.
 */
import { NotificationProvider } from "./notification-provider";

/** The one NotificationProvider of this provider process. */
export const notificationProvider = new NotificationProvider();
