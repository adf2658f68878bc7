export { LiveChatAIProvider, useLiveChatAIClient } from './provider.js';
export type { LiveChatAIProviderProps } from './provider.js';
export {
  useAgents,
  useAgent,
  useContacts,
  useContact,
  useConversations,
  useConversation,
  useConversationViews,
  useDataSources,
  useAISuggestions,
  useAISuggestion,
  useAnalyticsOverview,
  useAgentAnalytics,
  useAIFunctionsAnalytics,
  useCsatAnalytics,
  useSentimentAnalytics,
  useTopicAnalytics,
} from './use-queries.js';
export type { QueryHookOptions } from './use-queries.js';
export {
  useCreateAgent,
  useDeleteAgent,
  useUpsertContact,
  useAddDataSource,
  useDeleteDataSources,
  useReply,
  useEndConversation,
  useDismissSuggestion,
} from './use-mutations.js';
export type {
  MutationHookOptions,
  AddDataSourceVariables,
  ReplyVariables,
  EndConversationVariables,
  DismissSuggestionVariables,
} from './use-mutations.js';
export { useChat, ChatBusyError } from './use-chat.js';
export type {
  ChatMessage,
  ChatMessageState,
  ChatPollOptions,
  ChatStatus,
  ChatStorage,
  UseChatOptions,
  UseChatResult,
} from './use-chat.js';
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
