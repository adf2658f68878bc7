import { newId, type RandomSource } from '../internal/ids.js';
import type { AgentRow, Store, ViewQuery } from '../store/types.js';

/** The saved inbox views every new agent starts with (views are made in the dashboard; there is no API to create them). */
export const DEFAULT_VIEWS: { name: string; query: ViewQuery }[] = [
  {
    name: 'Negative sentiment',
    query: { combinator: 'AND', rules: [{ field: 'sentiment', operator: 'EQUALS', value: 'NEGATIVE' }] },
  },
  {
    name: 'Open conversations',
    query: { combinator: 'AND', rules: [{ field: 'status', operator: 'EQUALS', value: 'open' }] },
  },
  {
    name: 'Billing questions',
    query: { combinator: 'AND', rules: [{ field: 'topic', operator: 'EQUALS', value: 'Billing' }] },
  },
  {
    name: 'Needs a human',
    query: {
      combinator: 'OR',
      rules: [
        { field: 'resolution', operator: 'EQUALS', value: 'AIDidNotHelp' },
        { field: 'resolution', operator: 'EQUALS', value: 'TalkToAgent' },
      ],
    },
  },
  {
    name: 'WhatsApp',
    query: { combinator: 'AND', rules: [{ field: 'channel', operator: 'EQUALS', value: 'WHATSAPP' }] },
  },
];

export async function seedViews(store: Store, agent: AgentRow, now: number, rand?: RandomSource): Promise<void> {
  for (const [i, v] of DEFAULT_VIEWS.entries()) {
    await store.insertView({
      id: newId('view', rand),
      workspaceId: agent.workspaceId,
      agentId: agent.id,
      name: v.name,
      query: v.query,
      createdAt: now + i,
    });
  }
}
