import type { WireNotification, WireNotificationBody } from "../../provider/client/wire-types";
import { EmulatorStatus } from "../campaign-lifecycle";
import type { EmulatorContext } from "../context";
import { feishuErrors, ok } from "../reply";
import type { Route } from "../route-table";
import { wireBodyProblem } from "../wire-validation";

const owner = { user_id: "ou_emulator_owner", name: "Emulator Owner", avatar_url: "" };

/** target_user_count as the emulator counts it: the organization, or listed users plus departments. */
function targetUserCount(context: EmulatorContext, body: WireNotificationBody): number {
  switch (body.push_scope_type) {
    case 0:
      return context.organizationSize;
    case 2:
      return (body.user_list?.length ?? 0) + (body.department_list?.length ?? 0) * context.departmentSize;
    default:
      return 0; // chats only, or new staff who have not joined yet
  }
}

const name = (item: { name?: unknown }) => (typeof item.name === "string" ? { name: item.name } : {});

/**
 * The fields of a validated create or patch body that a campaign keeps. Only the documented keys of
 * list items are copied, so nothing else a caller sends (however deeply nested) is stored.
 */
function campaignFields(body: WireNotificationBody): WireNotificationBody {
  const { job_name, push_content, push_type, push_scope_type, new_staff_scope_type } = body;
  const departments = (list: WireNotificationBody["department_list"]) =>
    (list ?? []).map((d) => ({ department_id: d.department_id, ...name(d) }));
  return {
    job_name,
    push_content,
    push_type,
    push_scope_type,
    new_staff_scope_type,
    new_staff_scope_department_list: departments(body.new_staff_scope_department_list),
    user_list: (body.user_list ?? []).map((u) => ({ user_id: u.user_id, name: "", avatar_url: "" })),
    department_list: departments(body.department_list),
    chat_list: (body.chat_list ?? []).map((c) => ({ chat_id: c.chat_id, ...name(c) })),
    ext: body.ext ?? "",
  };
}

/** `POST /open-apis/helpdesk/v1/notifications`: 创建推送. */
export const notificationCollectionRoute: Route = {
  pattern: /^\/open-apis\/helpdesk\/v1\/notifications$/,
  what: "the collection",
  access: "helpdesk",
  methods: {
    POST: {
      limit: "create",
      handle(context, { body }) {
        const problem = wireBodyProblem(body, context.maxJsonDepth);
        if (problem) return feishuErrors.badRequest(problem);
        const now = context.clock.now();
        const fields = campaignFields(body as WireNotificationBody);
        const notification: WireNotification = {
          id: context.store.nextId(now),
          status: EmulatorStatus.draft,
          ...fields,
          create_user: owner,
          created_at: String(now),
          update_user: owner,
          updated_at: String(now),
          target_user_count: targetUserCount(context, fields),
          sent_user_count: 0,
          read_user_count: 0,
        };
        context.store.put(notification);
        return ok({ notification_id: notification.id, status: notification.status });
      },
    },
  },
};

/** `GET` (查询推送) and `PATCH` (更新推送, drafts only) of `/open-apis/helpdesk/v1/notifications/:id`. */
export const notificationRoute: Route = {
  pattern: /^\/open-apis\/helpdesk\/v1\/notifications\/([^/]+)$/,
  what: "a notification",
  access: "helpdesk",
  methods: {
    GET: {
      limit: "get",
      handle(context, { params: [id] }) {
        const existing = context.current(id);
        if (!existing) return feishuErrors.notFound();
        const link = `https://applink.feishu.cn/client/helpdesk/notification?id=${encodeURIComponent(id)}`;
        return ok({ notification: existing, approval_app_link: link });
      },
    },
    PATCH: {
      limit: "patch",
      handle(context, { params: [id], body }) {
        const existing = context.current(id);
        if (!existing) return feishuErrors.notFound();
        if (existing.status !== EmulatorStatus.draft)
          return feishuErrors.methodForbidden(`notification ${id} has status ${existing.status}, not 0 (draft)`);
        const problem = wireBodyProblem(body, context.maxJsonDepth);
        if (problem) return feishuErrors.badRequest(problem);
        const fields = campaignFields(body as WireNotificationBody);
        context.store.put({
          ...existing,
          ...fields,
          target_user_count: targetUserCount(context, fields),
          update_user: owner,
          updated_at: String(context.clock.now()),
        });
        return ok({});
      },
    },
  },
};
