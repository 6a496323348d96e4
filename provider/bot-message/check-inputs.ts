import { z } from "zod";
import { jsonObjectSchema } from "../json/json-object";
import type { CheckedInputs, InputFailure, UncheckedInputs } from "../pulumi/input-check";
import type { Same } from "../pulumi/type-checks";
import { isUnknown } from "../pulumi/unknown";
import { unknownPropertyFailures } from "../pulumi/unknown-properties";
import type { BotMessageType } from "./content";

/** The outcome of {@link checkBotMessageInputs}. */
export type BotMessageInputCheck = CheckedInputs<NormalizedBotMessageInputs>;

/** The one list of a HelpdeskBotMessage's inputs, and their checked types. */
export const botMessageSchema = z.object({
  msgType: z.enum(["text", "post", "image", "interactive"], 'must be "text", "post", "image" or "interactive"'),
  content: z.union([z.string(), jsonObjectSchema], "must be an object or its JSON text"),
  receiverId: z.string("must be a string: the receiving user's id").trim().min(1, "must not be empty"),
  receiveType: z
    .enum(["chat", "user"], 'must be "chat" (the user\'s helpdesk group) or "user" (a private chat with the bot)')
    .optional()
    .default("chat"),
});

type SchemaOutput = z.output<typeof botMessageSchema>;

/**
 * A helpdesk bot message's inputs once checked, from the schema: `msgType`, `receiverId`,
 * `receiveType` (`"chat"` by default) and the content as compact JSON text.
 */
export type NormalizedBotMessageInputs = {
  readonly [K in keyof SchemaOutput]: K extends "content" ? string : SchemaOutput[K];
};

/** Every input property of a HelpdeskBotMessage. */
export const botMessageProperties = Object.keys(botMessageSchema.shape) as (keyof NormalizedBotMessageInputs)[];

const _msgTypesAreTheTypes: Same<NormalizedBotMessageInputs["msgType"], BotMessageType> = true;

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
export function checkBotMessageInputs(raw: UncheckedInputs): BotMessageInputCheck {
  const unknown = unknownPropertyFailures(raw, botMessageProperties, ["messageId", "sentAt"]);
  // Values not known yet (preview) are checked at `pulumi up`, once they are.
  if (Object.values(raw).some((value) => isUnknown(value)))
    return unknown.length > 0
      ? { ok: false, failures: unknown }
      : { ok: true, inputs: raw as NormalizedBotMessageInputs };
  const parsed = botMessageSchema.safeParse(raw);
  if (!parsed.success || unknown.length > 0) {
    return {
      ok: false,
      failures: [
        ...unknown,
        ...(parsed.error?.issues ?? []).map((issue): InputFailure => {
          const property = String(issue.path[0] ?? "");
          return { property, reason: `${property} ${raw[property] === undefined ? "is required" : issue.message}` };
        }),
      ],
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
