import { AISuggestions } from '@livechatai/ai-suggestions';
import { Agents } from '@livechatai/agents';
import { Analytics } from '@livechatai/analytics';
import { Contacts } from '@livechatai/contacts';
import { Conversations } from '@livechatai/conversations';
import { DataSources } from '@livechatai/data-sources';
import { Messages } from '@livechatai/messages';
import type { LiveChatAIClient } from '@livechatai/core';

// One accessor per resource, each naming only its own class: a bundle that uses only `messagesOf` (useChat)
// keeps only the messages package, and tree-shaking drops the other resource classes. Each resource object is
// built on first use and then reused for that client.

interface Resources {
  agents: Agents;
  conversations: Conversations;
  messages: Messages;
  contacts: Contacts;
  dataSources: DataSources;
  aiSuggestions: AISuggestions;
  analytics: Analytics;
}

const cache = new WeakMap<LiveChatAIClient, Partial<Resources>>();

function resource<K extends keyof Resources>(
  client: LiveChatAIClient,
  key: K,
  create: (client: LiveChatAIClient) => Resources[K],
): Resources[K] {
  let built = cache.get(client);
  if (!built) {
    built = {};
    cache.set(client, built);
  }
  return (built[key] ??= create(client));
}

export const agentsOf = (client: LiveChatAIClient): Agents => resource(client, 'agents', (c) => new Agents(c));
export const conversationsOf = (client: LiveChatAIClient): Conversations =>
  resource(client, 'conversations', (c) => new Conversations(c));
export const messagesOf = (client: LiveChatAIClient): Messages => resource(client, 'messages', (c) => new Messages(c));
export const contactsOf = (client: LiveChatAIClient): Contacts => resource(client, 'contacts', (c) => new Contacts(c));
export const dataSourcesOf = (client: LiveChatAIClient): DataSources =>
  resource(client, 'dataSources', (c) => new DataSources(c));
export const aiSuggestionsOf = (client: LiveChatAIClient): AISuggestions =>
  resource(client, 'aiSuggestions', (c) => new AISuggestions(c));
export const analyticsOf = (client: LiveChatAIClient): Analytics =>
  resource(client, 'analytics', (c) => new Analytics(c));
