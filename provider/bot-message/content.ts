/** One element of a rich-text (post) paragraph. */
export type PostElement =
  | { readonly tag: "text"; readonly text: string; readonly un_escape?: boolean }
  | { readonly tag: "a"; readonly text: string; readonly href: string }
  | { readonly tag: "at"; readonly user_id: string }
  | { readonly tag: "img"; readonly image_key: string };

/** A rich-text message in one language: a title and paragraphs of elements. */
export interface PostBody {
  readonly title?: string;
  readonly content: readonly (readonly PostElement[])[];
}

/** The message type of the helpdesk bot API (`msg_type`). */
export type BotMessageType = "text" | "post" | "image" | "interactive";

/** A message's type and content, as the builders make them. */
export interface BotMessageBody {
  readonly msgType: BotMessageType;
  readonly content: Record<string, unknown>;
}

/**
 * Typed builders for the helpdesk bot's messages; spread the result into HelpdeskBotMessage's
 * arguments or sendBotMessage's:
 *
 * @example
 * new HelpdeskBotMessage("welcome", { ...BotMessage.text("Welcome!"), receiverId: "ou_…" });
 */
export const BotMessage = {
  /** Plain text. */
  text: (text: string): BotMessageBody => ({ msgType: "text", content: { text } }),
  /** Rich text, by language: `{ zh_cn: { title, content: [[{ tag: "text", text }]] } }`. */
  post: (post: Readonly<Record<string, PostBody>>): BotMessageBody => ({ msgType: "post", content: { post } }),
  /** An image already uploaded to Feishu, by its image key. */
  image: (imageKey: string): BotMessageBody => ({ msgType: "image", content: { image_key: imageKey } }),
  /** A message card (JSON 1.0: the helpdesk bot does not take card JSON 2.0). */
  card: (card: Record<string, unknown>): BotMessageBody => ({ msgType: "interactive", content: card }),
} as const;
