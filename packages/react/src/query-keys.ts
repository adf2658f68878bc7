import type {
  AgentAnalyticsParams,
  AgentListParams,
  AISuggestionListParams,
  AnalyticsParams,
  ContactListParams,
  ConversationListParams,
  ConversationViewListParams,
  CsatAnalyticsParams,
  DataSourceListParams,
  TopicAnalyticsParams,
} from '@livechatai/core';

const ROOT = 'livechatai';

/** Conversation-list filters without the page number (the infinite query walks the pages). */
export type ConversationListFilters = Omit<ConversationListParams, 'page'>;

/** The analytics reports, as named by `@livechatai/analytics`. */
export type AnalyticsReport = 'overview' | 'agent' | 'aiFunctions' | 'csat' | 'sentiments' | 'topics';

/** Every query key that is scoped to one AI agent starts with this. */
const agentScope = (agentId: string) => [ROOT, 'agent', agentId] as const;

/**
 * Query keys of every LiveChatAI query, hierarchical so that one prefix reaches a whole family:
 * `livechataiKeys.agent(id)` covers everything scoped to that AI agent (its contacts, conversation lists,
 * data sources, suggestions and analytics), `livechataiKeys.dataSources.lists(id)` every data-source list of it.
 * Use them with `queryClient.invalidateQueries({ queryKey })` outside React.
 */
export const livechataiKeys = {
  /** Every LiveChatAI query. */
  all: [ROOT] as const,
  /** Everything scoped to one AI agent. */
  agent: agentScope,
  agents: {
    all: () => [ROOT, 'agents'] as const,
    lists: () => [ROOT, 'agents', 'list'] as const,
    list: (params: AgentListParams = {}) => [ROOT, 'agents', 'list', params] as const,
    detail: (agentIdOrSlug: string) => [ROOT, 'agents', 'detail', agentIdOrSlug] as const,
  },
  contacts: {
    lists: (agentId: string) => [...agentScope(agentId), 'contacts', 'list'] as const,
    list: (params: ContactListParams) => [...agentScope(params.agentId), 'contacts', 'list', params] as const,
    detail: (contactId: string) => [ROOT, 'contacts', 'detail', contactId] as const,
  },
  conversations: {
    lists: (agentId: string) => [...agentScope(agentId), 'conversations', 'list'] as const,
    infinite: (filters: ConversationListFilters) =>
      [...agentScope(filters.agentId), 'conversations', 'list', 'infinite', filters] as const,
    views: (params: ConversationViewListParams) =>
      [...agentScope(params.agentId), 'conversations', 'views', params] as const,
    detail: (conversationId: string) => [ROOT, 'conversations', 'detail', conversationId] as const,
  },
  dataSources: {
    lists: (agentId: string) => [...agentScope(agentId), 'dataSources', 'list'] as const,
    list: (params: DataSourceListParams) => [...agentScope(params.agentId), 'dataSources', 'list', params] as const,
  },
  aiSuggestions: {
    lists: (agentId: string) => [...agentScope(agentId), 'aiSuggestions', 'list'] as const,
    list: (params: AISuggestionListParams) => [...agentScope(params.agentId), 'aiSuggestions', 'list', params] as const,
    detail: (suggestionId: string) => [ROOT, 'aiSuggestions', 'detail', suggestionId] as const,
  },
  analytics: {
    all: (agentId: string) => [...agentScope(agentId), 'analytics'] as const,
    report: (
      report: AnalyticsReport,
      params: AnalyticsParams | AgentAnalyticsParams | CsatAnalyticsParams | TopicAnalyticsParams,
    ) => [...agentScope(params.agentId), 'analytics', report, params] as const,
  },
} as const;
