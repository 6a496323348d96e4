import { z } from "zod";
import { isUnknown } from "../notification/compare";
import type { InputFailure, InputCheck as NotificationInputCheck } from "../notification/schema";
import type { BotMessageType } from "./content";

/** A helpdesk bot message's inputs once checked: the content as compact JSON. */
export interface NormalizedBotMessageInputs {
  readonly msgType: BotMessageType;
  readonly content: string;
  readonly receiverId: string;
  readonly receiveType: "chat" | "user";
}

/** The outcome of {@link checkBotMessageInputs}. */
export type BotMessageInputCheck =
  { readonly ok: true; readonly inputs: NormalizedBotMessageInputs } | Extract<NotificationInputCheck, { ok: false }>;

const schema = z.object({
  msgType: z.enum(["text", "post", "image", "interactive"], 'must be "text", "post", "image" or "interactive"'),
  content: z.union([z.string(), z.record(z.string(), z.unknown())], "must be an object or its JSON text"),
  receiverId: z.string("is required: the receiving user's id").trim().min(1, "must not be empty"),
  receiveType: z
    .enum(["chat", "user"], 'must be "chat" (the user\'s helpdesk group) or "user" (a private chat with the bot)')
    .optional()
    .default("chat"),
});

/** What each message type's content must hold. */
function contentProblem(msgType: BotMessageType, content: Record<string, unknown>): string | undefined {
  switch (msgType) {
    case "text":
      return typeof content.text === "string" && content.text !== "" ? undefined : 'a text message needs { text: "…" }';
    case "image":
      return typeof content.image_key === "string" && content.image_key !== ""
        ? undefined
        : 'an image message needs { image_key: "…" }';
    case "post":
      return typeof content.post === "object" && content.post !== null
        ? undefined
        : "a post message needs { post: { zh_cn: { title, content } } }";
    case "interactive":
      // 暂不支持新版卡片（JSON 2.0 版本）.
      return content.schema === "2.0"
        ? 'the helpdesk bot does not support card JSON 2.0 (schema: "2.0"); use a JSON 1.0 card'
        : undefined;
  }
}

/**
 * Validates a HelpdeskBotMessage's inputs against what the API page says, before any call.
 * The other limit, no message to a helpdesk group with a ticket in progress, can only be known
 * by sending: Feishu's answer is reported then.
 */
export function checkBotMessageInputs(raw: Record<string, unknown>): BotMessageInputCheck {
  // Values not known yet (preview) are checked at `pulumi up`, once they are.
  if (Object.values(raw).some((value) => isUnknown(value)))
    return { ok: true, inputs: raw as unknown as NormalizedBotMessageInputs };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      failures: parsed.error.issues.map((issue): InputFailure => {
        const property = String(issue.path[0] ?? "");
        return { property, reason: `${property} ${raw[property] === undefined ? "is required" : issue.message}` };
      }),
    };
  }
  let content: unknown = parsed.data.content;
  if (typeof content === "string") {
    try {
      content = JSON.parse(content);
    } catch (error) {
      return {
        ok: false,
        failures: [{ property: "content", reason: `content must be valid JSON (${(error as Error).message})` }],
      };
    }
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    return { ok: false, failures: [{ property: "content", reason: "content must be a JSON object" }] };
  }
  const problem = contentProblem(parsed.data.msgType, content as Record<string, unknown>);
  if (problem) return { ok: false, failures: [{ property: "content", reason: `content: ${problem}` }] };
  return { ok: true, inputs: { ...parsed.data, content: JSON.stringify(content) } };
}
