export { Conversations } from './conversations.js';
// createClient comes along so that this package alone is enough to start (a strict pnpm layout hides core)
export { createClient } from '@livechatai/core';
export type { ClientOptions, LiveChatAIClient, RequestOptions } from '@livechatai/core';
export type {
  Channel,
  Conversation,
  ConversationContact,
  ConversationEndParams,
  ConversationEndResult,
  ConversationFilters,
  ConversationListParams,
  ConversationReplyParams,
  ConversationReplyResult,
  ConversationStatus,
  ConversationSummary,
  ConversationType,
  ConversationView,
  ConversationViewListParams,
  ConversationViewQuery,
  ConversationViewRule,
  Message,
  ReplyMessage,
  Resolution,
  Sentiment,
  SortOrder,
  TeamMember,
} from '@livechatai/core';
