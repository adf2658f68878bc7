import { describe, expectTypeOf, it } from 'vitest';
import type {
  Agent,
  AISuggestions,
  Analytics,
  Agents,
  ClientOptions,
  Contacts,
  Conversations,
  DataSources,
  LiveChatAIClient,
  Messages,
  PagePromise,
} from './index.js';
import { LiveChatAI } from './index.js';

declare const client: LiveChatAI;

describe('LiveChatAI types', () => {
  it('takes the core client options and exposes every resource', () => {
    expectTypeOf(LiveChatAI).constructorParameters.toEqualTypeOf<[options?: ClientOptions]>();
    expectTypeOf(client.agents).toEqualTypeOf<Agents>();
    expectTypeOf(client.chatbots).toEqualTypeOf<Agents>();
    expectTypeOf(client.conversations).toEqualTypeOf<Conversations>();
    expectTypeOf(client.messages).toEqualTypeOf<Messages>();
    expectTypeOf(client.contacts).toEqualTypeOf<Contacts>();
    expectTypeOf(client.dataSources).toEqualTypeOf<DataSources>();
    expectTypeOf(client.aiSuggestions).toEqualTypeOf<AISuggestions>();
    expectTypeOf(client.analytics).toEqualTypeOf<Analytics>();
    expectTypeOf(client.transport).toEqualTypeOf<LiveChatAIClient>();
    expectTypeOf(client.agents.list()).toEqualTypeOf<PagePromise<Agent>>();
  });
});
