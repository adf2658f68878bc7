// Types shared by several API areas. Type-only: nothing here emits JavaScript.

/**
 * A human team member of the workspace (the `agent` object inside conversations, messages and replies).
 * Not to be confused with {@link Agent}, the AI bot.
 */
export interface TeamMember {
  /** The team member's user ID, e.g. `user_1234567890`. */
  id: string;
  /** Display name. */
  name: string;
  /** Email address. */
  email: string;
  /** Avatar image URL. */
  avatar: string;
}

/** Kind of a chat message: plain text or an image. */
export type MessageType = 'TEXT' | 'IMAGE';

/**
 * Channel (integration or chat type) a conversation came through. Filter values of the conversations list; a
 * conversation's `integrationType` uses the same set.
 */
export type Channel = 'WHATSAPP' | 'SLACK' | 'MESSENGER' | 'FULLPAGE' | 'INLINECHAT' | 'PREVIEW' | 'ONBOARDING';

/** Sentiment label the service assigns to a conversation. */
export type Sentiment = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL' | 'UNSPECIFIED';

/**
 * Type of a knowledge (data) source. `WEBSITE` is a web page added by URL; `TEXT`, `QA`, `PDF`, `DOCX` and
 * `IMAGE` are added as text.
 */
export type DataSourceType = 'WEBSITE' | 'TEXT' | 'QA' | 'PDF' | 'DOCX' | 'IMAGE';

/**
 * A contact's custom attributes as a plain object map, e.g. `{ planType: 'premium' }`. The SDK always returns this
 * form, also where the API sends a `{ key, value }[]` list (contact retrieve).
 */
export type ContactAttributes = Record<string, string>;

/** Page-number paging parameters of the lists that use `limit` (agents, contacts, data sources, AI suggestions). */
export interface LimitPageParams {
  /** Page number, 1-based. Default 1. */
  page?: number | undefined;
  /** Items per page, 1–100. Default 10. */
  limit?: number | undefined;
}

/** Page-number paging parameters of the lists that use `perPage` (conversations, views, a contact's conversations). */
export interface PerPageParams {
  /** Page number, 1-based. Default 1. */
  page?: number | undefined;
  /** Items per page, 1–100. Default 20. */
  perPage?: number | undefined;
}
