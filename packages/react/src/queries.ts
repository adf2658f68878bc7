// Server-safe entry `@livechatai/react/queries`: query keys and query-option factories only, no hooks and no
// 'use client' directive, for route loaders and server-side prefetching (also re-exported by the main entry).
export { livechataiKeys } from './query-keys.js';
export type { AnalyticsReport, ConversationListFilters } from './query-keys.js';
export {
  agentsQueryOptions,
  agentQueryOptions,
  contactsQueryOptions,
  contactQueryOptions,
  conversationsInfiniteQueryOptions,
  conversationQueryOptions,
  conversationViewsQueryOptions,
  dataSourcesQueryOptions,
  aiSuggestionsQueryOptions,
  aiSuggestionQueryOptions,
  analyticsOverviewQueryOptions,
  agentAnalyticsQueryOptions,
  aiFunctionsAnalyticsQueryOptions,
  csatAnalyticsQueryOptions,
  sentimentAnalyticsQueryOptions,
  topicAnalyticsQueryOptions,
} from './query-options.js';
export type { PageData } from './query-options.js';
