import { AISuggestions } from '@livechatai/ai-suggestions';
import { Agents } from '@livechatai/agents';
import { Analytics } from '@livechatai/analytics';
import { Contacts } from '@livechatai/contacts';
import { Conversations } from '@livechatai/conversations';
import { DataSources } from '@livechatai/data-sources';
import { Messages } from '@livechatai/messages';
import type { LiveChatAIClient } from '@livechatai/core';

/** The resource objects of one client, built once per client. */
export interface Resources {
  agents: Agents;
  conversations: Conversations;
  messages: Messages;
  contacts: Contacts;
  dataSources: DataSources;
  aiSuggestions: AISuggestions;
  analytics: Analytics;
}

const cache = new WeakMap<LiveChatAIClient, Resources>();

export function resourcesOf(client: LiveChatAIClient): Resources {
  let resources = cache.get(client);
  if (!resources) {
    resources = {
      agents: new Agents(client),
      conversations: new Conversations(client),
      messages: new Messages(client),
      contacts: new Contacts(client),
      dataSources: new DataSources(client),
      aiSuggestions: new AISuggestions(client),
      analytics: new Analytics(client),
    };
    cache.set(client, resources);
  }
  return resources;
}
