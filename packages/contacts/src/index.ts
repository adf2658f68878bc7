export { Contacts } from './contacts.js';
// createClient comes along so that this package alone is enough to start (a strict pnpm layout hides core)
export { createClient } from '@livechatai/core';
export type { ClientOptions, LiveChatAIClient, RequestOptions } from '@livechatai/core';
export type {
  Contact,
  ContactAttributes,
  ContactListItem,
  ContactListParams,
  ContactUpsertParams,
  ContactUpsertResult,
  ConversationFilters,
  ConversationSummary,
} from '@livechatai/core';
