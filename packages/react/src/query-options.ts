import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
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
  ConversationSummary,
  ConversationView,
  ConversationViewListParams,
  CsatAnalytics,
  CsatAnalyticsParams,
  DataSource,
  DataSourceListParams,
  LiveChatAIClient,
  LiveChatAIError,
  Page,
  PagePromise,
  SentimentAnalytics,
  TopicAnalytics,
  TopicAnalyticsParams,
} from '@livechatai/core';
import {
  agentsOf,
  aiSuggestionsOf,
  analyticsOf,
  contactsOf,
  conversationsOf,
  dataSourcesOf,
} from './internal/resources.js';
import { livechataiKeys, type ConversationListFilters } from './query-keys.js';

/**
 * One page of a list, as plain data (serialisable for SSR dehydration, unlike the SDK's `Page` object).
 * `pageInfo.hasNext` tells whether another page follows.
 */
export interface PageData<TItem> {
  items: TItem[];
  pageInfo: Page<TItem>['pageInfo'];
}

async function pageData<TItem>(promise: PagePromise<TItem>): Promise<PageData<TItem>> {
  const page = await promise;
  return { items: page.items, pageInfo: page.pageInfo };
}

// Every factory takes the client explicitly so it works outside React: in a route loader, or on a server with
// `queryClient.prefetchQuery(agentsQueryOptions(client))` before dehydrating. Each returns the query key,
// the query function (cancellable through TanStack's `signal`) and the typed error.

/** `GET /agents`: one page of the workspace's AI agents. */
export function agentsQueryOptions(client: LiveChatAIClient, params: AgentListParams = {}) {
  return queryOptions<PageData<Agent>, LiveChatAIError>({
    queryKey: livechataiKeys.agents.list(params),
    queryFn: ({ signal }) => pageData(agentsOf(client).list(params, { signal })),
  });
}

/** `GET /agents/{agentId}`: one AI agent by ID or slug. */
export function agentQueryOptions(client: LiveChatAIClient, agentIdOrSlug: string) {
  return queryOptions<Agent, LiveChatAIError>({
    queryKey: livechataiKeys.agents.detail(agentIdOrSlug),
    queryFn: ({ signal }) => agentsOf(client).retrieve(agentIdOrSlug, {}, { signal }),
  });
}

/** `GET /contacts`: one page of an agent's contacts. */
export function contactsQueryOptions(client: LiveChatAIClient, params: ContactListParams) {
  return queryOptions<PageData<ContactListItem>, LiveChatAIError>({
    queryKey: livechataiKeys.contacts.list(params),
    queryFn: ({ signal }) => pageData(contactsOf(client).list(params, { signal })),
  });
}

/** `GET /contacts/{contactId}`: one contact (attributes as a plain map). */
export function contactQueryOptions(client: LiveChatAIClient, contactId: string) {
  return queryOptions<Contact, LiveChatAIError>({
    queryKey: livechataiKeys.contacts.detail(contactId),
    queryFn: ({ signal }) => contactsOf(client).retrieve(contactId, { signal }),
  });
}

/** `GET /conversations` as an infinite query: each page is one API page, `fetchNextPage()` loads the next. */
export function conversationsInfiniteQueryOptions(client: LiveChatAIClient, filters: ConversationListFilters) {
  return infiniteQueryOptions({
    queryKey: livechataiKeys.conversations.infinite(filters),
    queryFn: ({ signal, pageParam }): Promise<PageData<ConversationSummary>> =>
      pageData(conversationsOf(client).list({ ...filters, page: pageParam }, { signal })),
    initialPageParam: 1,
    getNextPageParam: (last: PageData<ConversationSummary>) =>
      last.pageInfo.hasNext ? last.pageInfo.page + 1 : undefined,
  });
}

/** `GET /conversations/{conversationId}`: one conversation with its messages. */
export function conversationQueryOptions(client: LiveChatAIClient, conversationId: string) {
  return queryOptions<Conversation, LiveChatAIError>({
    queryKey: livechataiKeys.conversations.detail(conversationId),
    queryFn: ({ signal }) => conversationsOf(client).retrieve(conversationId, { signal }),
  });
}

/** `GET /conversations/views`: one page of an agent's saved inbox views. */
export function conversationViewsQueryOptions(client: LiveChatAIClient, params: ConversationViewListParams) {
  return queryOptions<PageData<ConversationView>, LiveChatAIError>({
    queryKey: livechataiKeys.conversations.views(params),
    queryFn: ({ signal }) => pageData(conversationsOf(client).listViews(params, { signal })),
  });
}

/** `GET /data-sources`: one page of an agent's knowledge. */
export function dataSourcesQueryOptions(client: LiveChatAIClient, params: DataSourceListParams) {
  return queryOptions<PageData<DataSource>, LiveChatAIError>({
    queryKey: livechataiKeys.dataSources.list(params),
    queryFn: ({ signal }) => pageData(dataSourcesOf(client).list(params, { signal })),
  });
}

/** `GET /ai-suggestions`: one page of an agent's AI suggestions. */
export function aiSuggestionsQueryOptions(client: LiveChatAIClient, params: AISuggestionListParams) {
  return queryOptions<PageData<AISuggestion>, LiveChatAIError>({
    queryKey: livechataiKeys.aiSuggestions.list(params),
    queryFn: ({ signal }) => pageData(aiSuggestionsOf(client).list(params, { signal })),
  });
}

/** `GET /ai-suggestions/{suggestionId}`: one suggestion. */
export function aiSuggestionQueryOptions(client: LiveChatAIClient, suggestionId: string) {
  return queryOptions<AISuggestionDetail, LiveChatAIError>({
    queryKey: livechataiKeys.aiSuggestions.detail(suggestionId),
    queryFn: ({ signal }) => aiSuggestionsOf(client).retrieve(suggestionId, { signal }),
  });
}

/** `GET /analytics`: conversations, resolutions, responses and the daily series. */
export function analyticsOverviewQueryOptions(client: LiveChatAIClient, params: AnalyticsParams) {
  return queryOptions<AnalyticsOverview, LiveChatAIError>({
    queryKey: livechataiKeys.analytics.report('overview', params),
    queryFn: ({ signal }) => analyticsOf(client).overview(params, { signal }),
  });
}

/** `GET /analytics/agent`: human team-member performance. */
export function agentAnalyticsQueryOptions(client: LiveChatAIClient, params: AgentAnalyticsParams) {
  return queryOptions<AgentAnalytics, LiveChatAIError>({
    queryKey: livechataiKeys.analytics.report('agent', params),
    queryFn: ({ signal }) => analyticsOf(client).agent(params, { signal }),
  });
}

/** `GET /analytics/ai-functions`: AI function call counts and failures. */
export function aiFunctionsAnalyticsQueryOptions(client: LiveChatAIClient, params: AnalyticsParams) {
  return queryOptions<AIFunctionsAnalytics, LiveChatAIError>({
    queryKey: livechataiKeys.analytics.report('aiFunctions', params),
    queryFn: ({ signal }) => analyticsOf(client).aiFunctions(params, { signal }),
  });
}

/** `GET /analytics/csat`: CSAT scores with one page of individual feedback. */
export function csatAnalyticsQueryOptions(client: LiveChatAIClient, params: CsatAnalyticsParams) {
  return queryOptions<CsatAnalytics, LiveChatAIError>({
    queryKey: livechataiKeys.analytics.report('csat', params),
    queryFn: ({ signal }) => analyticsOf(client).csat(params, { signal }),
  });
}

/** `GET /analytics/sentiments`: the daily sentiment breakdown. */
export function sentimentAnalyticsQueryOptions(client: LiveChatAIClient, params: AnalyticsParams) {
  return queryOptions<SentimentAnalytics, LiveChatAIError>({
    queryKey: livechataiKeys.analytics.report('sentiments', params),
    queryFn: ({ signal }) => analyticsOf(client).sentiments(params, { signal }),
  });
}

/** `GET /analytics/topics`: the daily topic breakdown. */
export function topicAnalyticsQueryOptions(client: LiveChatAIClient, params: TopicAnalyticsParams) {
  return queryOptions<TopicAnalytics, LiveChatAIError>({
    queryKey: livechataiKeys.analytics.report('topics', params),
    queryFn: ({ signal }) => analyticsOf(client).topics(params, { signal }),
  });
}
