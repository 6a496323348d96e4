import { randomBytes } from "node:crypto";
import { feishuErrors, ok } from "../reply";
import type { Route } from "../route-table";
import { bearerToken, isUserToken } from "./auth";

const msgTypes = ["text", "post", "image", "interactive"];

/** `POST /open-apis/helpdesk/v1/message`: 服务台机器人向工单绑定的群内发送消息. */
export const botMessageRoute: Route = {
  pattern: /^\/open-apis\/helpdesk\/v1\/message$/,
  what: "the message endpoint",
  access: "helpdesk",
  methods: {
    POST: {
      limit: "botMessage",
      handle(context, { headers, body }) {
        // Seed 004 documents a tenant_access_token for this API; the code for a user token is this emulator's choice.
        if (isUserToken(context, bearerToken(headers)))
          return feishuErrors.unauthorized("the bot message API takes a tenant access token, not a user one");
        const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
        if (typeof b.msg_type !== "string" || !msgTypes.includes(b.msg_type))
          return feishuErrors.badRequest("msg_type must be text, post, image or interactive");
        if (typeof b.receiver_id !== "string" || b.receiver_id === "")
          return feishuErrors.badRequest("receiver_id is required");
        const receiveType = b.receive_type ?? "chat";
        if (receiveType !== "chat" && receiveType !== "user")
          return feishuErrors.badRequest("receive_type must be chat or user");
        if (typeof b.content !== "string") return feishuErrors.badRequest("content must be a JSON string");
        let content: unknown;
        try {
          content = JSON.parse(b.content);
        } catch {
          return feishuErrors.badRequest("content must be a JSON string");
        }
        if (typeof content !== "object" || content === null)
          return feishuErrors.badRequest("content must hold a JSON object");
        // "暂不支持新版卡片（JSON 2.0 版本）" and "只支持向没有进行中工单的专属群中发送消息"; the code for each is this emulator's choice.
        if (b.msg_type === "interactive" && (content as { schema?: unknown }).schema === "2.0")
          return feishuErrors.badRequest("card JSON 2.0 is not supported");
        if (receiveType === "chat" && context.store.hasOpenTicket(b.receiver_id))
          return feishuErrors.badRequest(`${b.receiver_id} has a ticket in progress`);
        const messageId = `om_${randomBytes(12).toString("hex")}`;
        context.store.addMessage({
          message_id: messageId,
          msg_type: b.msg_type,
          content: b.content,
          receiver_id: b.receiver_id,
          receive_type: receiveType,
          at: context.clock.now(),
        });
        return ok({ message_id: messageId });
      },
    },
  },
};
