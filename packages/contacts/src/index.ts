export { Contacts } from './contacts.js';
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
