'use client';
import { useInfiniteQuery, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type {
  Agent,
  AgentAnalytics,
  AgentAnalyticsParams,
  AgentListParams,
  AIFunctionsAnalytics,
  AISuggestion,
  AISuggestionDetail,
  AISuggestionListParams,
  AnalyticsOverview,
  AnalyticsParams,
  Contact,
  ContactListItem,
  ContactListParams,
  Conversation,
  ConversationView,
  ConversationViewListParams,
  CsatAnalytics,
  CsatAnalyticsParams,
  DataSource,
  DataSourceListParams,
  LiveChatAIError,
  SentimentAnalytics,
  TopicAnalytics,
  TopicAnalyticsParams,
} from '@livechatai/core';
import { useLiveChatAIClient } from './provider.js';
import type { ConversationListFilters } from './query-keys.js';
import {
  agentAnalyticsQueryOptions,
  agentQueryOptions,
  agentsQueryOptions,
  aiFunctionsAnalyticsQueryOptions,
  aiSuggestionQueryOptions,
  aiSuggestionsQueryOptions,
  analyticsOverviewQueryOptions,
  contactQueryOptions,
  contactsQueryOptions,
  conversationQueryOptions,
  conversationsInfiniteQueryOptions,
  conversationViewsQueryOptions,
  csatAnalyticsQueryOptions,
  dataSourcesQueryOptions,
  sentimentAnalyticsQueryOptions,
  topicAnalyticsQueryOptions,
  type PageData,
} from './query-options.js';

/** TanStack query options a hook accepts besides its parameters (`enabled`, `staleTime`, `select`-free). */
export type QueryHookOptions<TData> = Omit<
  UseQueryOptions<TData, LiveChatAIError, TData>,
  'queryKey' | 'queryFn' | 'select'
>;

type Result<TData> = UseQueryResult<TData, LiveChatAIError>;

/** One page of the workspace's AI agents. */
export function useAgents(
  params: AgentListParams = {},
  options?: QueryHookOptions<PageData<Agent>>,
): Result<PageData<Agent>> {
  return useQuery({ ...agentsQueryOptions(useLiveChatAIClient(), params), ...options });
}

/** One AI agent by ID or slug (disabled while the ID is empty). */
export function useAgent(agentIdOrSlug: string | undefined, options?: QueryHookOptions<Agent>): Result<Agent> {
  return useQuery({
    ...agentQueryOptions(useLiveChatAIClient(), agentIdOrSlug ?? ''),
    enabled: Boolean(agentIdOrSlug),
    ...options,
  });
}

/** One page of an agent's contacts. */
export function useContacts(
  params: ContactListParams,
  options?: QueryHookOptions<PageData<ContactListItem>>,
): Result<PageData<ContactListItem>> {
  return useQuery({
    ...contactsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** One contact (disabled while the ID is empty). */
export function useContact(contactId: string | undefined, options?: QueryHookOptions<Contact>): Result<Contact> {
  return useQuery({
    ...contactQueryOptions(useLiveChatAIClient(), contactId ?? ''),
    enabled: Boolean(contactId),
    ...options,
  });
}

/**
 * An agent's conversations as an infinite query: `data.pages` holds the pages loaded so far,
 * `fetchNextPage()` loads the next and `hasNextPage` tells whether there is one.
 */
export function useConversations(filters: ConversationListFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    ...conversationsInfiniteQueryOptions(useLiveChatAIClient(), filters),
    enabled: Boolean(filters.agentId) && options.enabled !== false,
  });
}

/** One conversation with its messages (disabled while the ID is empty). */
export function useConversation(
  conversationId: string | undefined,
  options?: QueryHookOptions<Conversation>,
): Result<Conversation> {
  return useQuery({
    ...conversationQueryOptions(useLiveChatAIClient(), conversationId ?? ''),
    enabled: Boolean(conversationId),
    ...options,
  });
}

/** One page of an agent's saved inbox views. */
export function useConversationViews(
  params: ConversationViewListParams,
  options?: QueryHookOptions<PageData<ConversationView>>,
): Result<PageData<ConversationView>> {
  return useQuery({
    ...conversationViewsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** One page of an agent's data sources (knowledge). */
export function useDataSources(
  params: DataSourceListParams,
  options?: QueryHookOptions<PageData<DataSource>>,
): Result<PageData<DataSource>> {
  return useQuery({
    ...dataSourcesQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** One page of an agent's AI suggestions. */
export function useAISuggestions(
  params: AISuggestionListParams,
  options?: QueryHookOptions<PageData<AISuggestion>>,
): Result<PageData<AISuggestion>> {
  return useQuery({
    ...aiSuggestionsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** One AI suggestion (disabled while the ID is empty). */
export function useAISuggestion(
  suggestionId: string | undefined,
  options?: QueryHookOptions<AISuggestionDetail>,
): Result<AISuggestionDetail> {
  return useQuery({
    ...aiSuggestionQueryOptions(useLiveChatAIClient(), suggestionId ?? ''),
    enabled: Boolean(suggestionId),
    ...options,
  });
}

/** Main analytics of an agent over a date range. */
export function useAnalyticsOverview(
  params: AnalyticsParams,
  options?: QueryHookOptions<AnalyticsOverview>,
): Result<AnalyticsOverview> {
  return useQuery({
    ...analyticsOverviewQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** Human team-member performance over a date range. */
export function useAgentAnalytics(
  params: AgentAnalyticsParams,
  options?: QueryHookOptions<AgentAnalytics>,
): Result<AgentAnalytics> {
  return useQuery({
    ...agentAnalyticsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** AI function call analytics over a date range. */
export function useAIFunctionsAnalytics(
  params: AnalyticsParams,
  options?: QueryHookOptions<AIFunctionsAnalytics>,
): Result<AIFunctionsAnalytics> {
  return useQuery({
    ...aiFunctionsAnalyticsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** CSAT analytics (with one page of feedback) over a date range. */
export function useCsatAnalytics(
  params: CsatAnalyticsParams,
  options?: QueryHookOptions<CsatAnalytics>,
): Result<CsatAnalytics> {
  return useQuery({
    ...csatAnalyticsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** Daily sentiment breakdown over a date range. */
export function useSentimentAnalytics(
  params: AnalyticsParams,
  options?: QueryHookOptions<SentimentAnalytics>,
): Result<SentimentAnalytics> {
  return useQuery({
    ...sentimentAnalyticsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}

/** Daily topic breakdown over a date range. */
export function useTopicAnalytics(
  params: TopicAnalyticsParams,
  options?: QueryHookOptions<TopicAnalytics>,
): Result<TopicAnalytics> {
  return useQuery({
    ...topicAnalyticsQueryOptions(useLiveChatAIClient(), params),
    enabled: Boolean(params.agentId),
    ...options,
  });
}
