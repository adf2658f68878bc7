import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Conversation } from '@livechatai/core';
import { livechataiKeys } from '../query-keys.js';

type AgentArea = 'contacts' | 'conversations' | 'dataSources' | 'aiSuggestions' | 'analytics';

/** Matches an agent-scoped key of `area` for any agent: [root, 'agent', agentId, area, …]. */
function anyAgent(area: AgentArea, list: boolean) {
  return (key: QueryKey): boolean =>
    key[0] === livechataiKeys.all[0] && key[1] === 'agent' && key[3] === area && (!list || key[4] === 'list');
}

/**
 * Invalidates one agent-scoped family: for that agent when the agent is known, otherwise for every agent
 * (a conversation reply whose agent is not in the cache cannot tell which agent's lists it touched).
 */
export function invalidateAgentArea(
  queryClient: QueryClient,
  agentId: string | undefined,
  area: AgentArea,
): Promise<void> {
  if (agentId) {
    const key = area === 'analytics' ? livechataiKeys.analytics.all(agentId) : livechataiKeys[area].lists(agentId);
    return queryClient.invalidateQueries({ queryKey: key });
  }
  const test = anyAgent(area, area !== 'analytics');
  return queryClient.invalidateQueries({ predicate: (query) => test(query.queryKey) });
}

/** The AI agent of a conversation, when the conversation is in the cache. */
export function cachedAgentIdOf(queryClient: QueryClient, conversationId: string): string | undefined {
  return queryClient.getQueryData<Conversation>(livechataiKeys.conversations.detail(conversationId))?.agentId;
}

/** Everything a new or changed message makes stale: the conversation, the agent's lists and analytics. */
export async function invalidateAfterMessage(
  queryClient: QueryClient,
  conversationId: string,
  agentId: string | undefined,
  extra: AgentArea[] = [],
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: livechataiKeys.conversations.detail(conversationId) }),
    invalidateAgentArea(queryClient, agentId, 'conversations'),
    invalidateAgentArea(queryClient, agentId, 'analytics'),
    ...extra.map((area) => invalidateAgentArea(queryClient, agentId, area)),
  ]);
}
