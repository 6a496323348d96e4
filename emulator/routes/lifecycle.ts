import type { WireNotification } from "../../provider/client/wire-types";
import { EmulatorStatus } from "../campaign-lifecycle";
import type { EmulatorContext } from "../context";
import type { LimitedEndpoint } from "../rate-limits";
import { feishuErrors, ok, type Reply } from "../reply";
import type { Route } from "../route-table";

/** A lifecycle call on a campaign that exists; `move` stores it with a new status. */
type Step = (call: {
  readonly context: EmulatorContext;
  readonly notification: WireNotification;
  readonly body: Record<string, unknown>;
  readonly move: (status: number, changes?: Partial<WireNotification>) => void;
  readonly refuse: () => Reply;
}) => Reply;

/**
 * The five lifecycle calls under /open-apis/helpdesk/v1/notifications/:id/. Which status each is
 * allowed from, and the 405 / 154005 for the others, are this emulator's choices: Feishu
 * documents neither.
 */
const steps: Readonly<Record<string, { readonly step: Step; readonly limit?: LimitedEndpoint }>> = {
  preview: {
    step: ({ context, notification }) => {
      // Only a counter of the emulator's: kept in memory and written with the next real change, so
      // a preview (which has no rate limit) never rewrites the data file.
      context.store.extras(notification.id).previews += 1;
      return ok({});
    },
  },
  submit_approve: {
    step: ({ context, notification, body, move, refuse }) => {
      if (typeof body.reason !== "string") return feishuErrors.badRequest("reason is required");
      if (notification.status !== EmulatorStatus.draft) return refuse();
      move(context.autoApprove ? EmulatorStatus.approved : EmulatorStatus.inReview);
      return ok({ has_access: context.autoApprove });
    },
  },
  cancel_approve: {
    step: ({ notification, move, refuse }) => {
      if (notification.status !== EmulatorStatus.inReview && notification.status !== EmulatorStatus.approved)
        return refuse();
      move(EmulatorStatus.draft);
      return ok({});
    },
  },
  execute_send: {
    limit: "executeSend",
    step: ({ context, notification, body, move, refuse }) => {
      const sendAt = Number(body.send_at);
      if (typeof body.send_at !== "string" || !Number.isInteger(sendAt))
        return feishuErrors.badRequest("send_at must be a millisecond timestamp string");
      if (sendAt <= context.clock.now()) return feishuErrors.badRequest("send_at is in the past");
      // Rescheduling a scheduled campaign is allowed here; whether Feishu allows it is not documented.
      if (notification.status !== EmulatorStatus.approved && notification.status !== EmulatorStatus.scheduled)
        return refuse();
      move(EmulatorStatus.scheduled, { send_at: String(sendAt) });
      return ok({});
    },
  },
  cancel_send: {
    step: ({ context, notification, body, move, refuse }) => {
      if (typeof body.is_recall !== "boolean") return feishuErrors.badRequest("is_recall must be a boolean");
      const cancellable: number[] = [EmulatorStatus.scheduled, EmulatorStatus.sending, EmulatorStatus.sent];
      if (!cancellable.includes(notification.status)) return refuse();
      if (body.is_recall) context.store.extras(notification.id).recalled = true;
      move(EmulatorStatus.cancelled);
      return ok({});
    },
  },
};

function lifecycleRoute(name: string, step: Step, limit?: LimitedEndpoint): Route {
  return {
    pattern: new RegExp(`^/open-apis/helpdesk/v1/notifications/([^/]+)/${name}$`),
    what: name,
    access: "helpdesk",
    methods: {
      POST: {
        limit,
        handle(context, { params: [id], body }) {
          const notification = context.current(id);
          if (!notification) return feishuErrors.notFound();
          return step({
            context,
            notification,
            body: typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {},
            move: (status, changes = {}) =>
              context.store.put({ ...notification, ...changes, status, updated_at: String(context.clock.now()) }),
            refuse: () => feishuErrors.methodForbidden(`${name} is not allowed at status ${notification.status}`),
          });
        },
      },
    },
  };
}

/** `POST /open-apis/helpdesk/v1/notifications/:id/<preview|submit_approve|…>`. */
export const lifecycleRoutes: readonly Route[] = Object.entries(steps).map(([name, { step, limit }]) =>
  lifecycleRoute(name, step, limit),
);
