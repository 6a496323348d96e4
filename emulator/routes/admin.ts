import { EmulatorStatus } from "../campaign-lifecycle";
import { adminReply } from "../reply";
import type { MethodHandler, Route } from "../route-table";

// The `/__emulator/…` routes: what a test or a person at the Helpdesk console would see and do.
// No authentication, so they answer loopback peers only unless allowRemoteAdmin is set (decideAdmin).

const requestsRoute: Route = {
  pattern: /^\/__emulator\/requests$/,
  what: "the request log",
  access: "public",
  methods: {
    GET: { handle: (context) => adminReply.ok({ requests: context.requests }) },
    DELETE: {
      handle(context) {
        context.requests.length = 0;
        return adminReply.ok();
      },
    },
  },
};

const notificationsRoute: Route = {
  pattern: /^\/__emulator\/notifications$/,
  what: "every campaign",
  access: "public",
  methods: {
    GET: {
      handle: (context) =>
        adminReply.ok({
          notifications: context.store
            .all()
            .map((n) => ({ ...context.current(n.id), extras: context.store.extras(n.id) })),
        }),
    },
  },
};

const messagesRoute: Route = {
  pattern: /^\/__emulator\/messages$/,
  what: "the bot's messages",
  access: "public",
  methods: { GET: { handle: (context) => adminReply.ok({ messages: context.store.messages() }) } },
};

const openOrClose = (open: boolean): MethodHandler => ({
  handle(context, { params: [receiverId] }) {
    context.store.setTicketOpen(receiverId, open);
    return adminReply.ok();
  },
});

const ticketRoute: Route = {
  pattern: /^\/__emulator\/tickets\/([^/]+)$/,
  what: "a receiver's ticket",
  access: "public",
  methods: { POST: openOrClose(true), DELETE: openOrClose(false) },
};

const approveRoute: Route = {
  pattern: /^\/__emulator\/notifications\/([^/]+)\/approve$/,
  what: "a campaign's approval",
  access: "public",
  methods: {
    POST: {
      handle(context, { params: [id] }) {
        if (context.store.get(id)?.status !== EmulatorStatus.inReview)
          return adminReply.refused(409, "only a campaign in review can be approved");
        context.setStatus(id, EmulatorStatus.approved);
        return adminReply.ok({ notification: context.store.get(id) });
      },
    },
  },
};

const campaignRoute: Route = {
  pattern: /^\/__emulator\/notifications\/([^/]+)$/,
  what: "a campaign",
  access: "public",
  methods: {
    DELETE: {
      handle: (context, { params: [id] }) =>
        context.store.remove(id) ? adminReply.ok() : adminReply.refused(404, "no such notification"),
    },
  },
};

const statusRoute: Route = {
  pattern: /^\/__emulator\/notifications\/([^/]+)\/status$/,
  what: "a campaign's status",
  access: "public",
  methods: {
    POST: {
      handle(context, { params: [id], body }) {
        const value = (body as { status?: unknown } | undefined)?.status;
        if (typeof value !== "number" || !Number.isInteger(value))
          return adminReply.refused(400, 'body must be {"status": <integer>}');
        if (!context.store.get(id)) return adminReply.refused(404, "no such notification");
        context.setStatus(id, value);
        return adminReply.ok({ notification: context.store.get(id) });
      },
    },
  },
};

/** Every admin route. */
export const adminRoutes: readonly Route[] = [
  requestsRoute,
  notificationsRoute,
  messagesRoute,
  ticketRoute,
  approveRoute,
  campaignRoute,
  statusRoute,
];
