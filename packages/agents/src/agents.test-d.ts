import type { Agent, AgentCreateParams, AgentDeleteResult, APIPromise, PagePromise } from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Agents, Chatbots } from './index.js';

declare const agents: Agents;

describe('Agents types', () => {
  it('types every method', () => {
    expectTypeOf<Parameters<Agents['create']>[0]>().toEqualTypeOf<AgentCreateParams>();
    expectTypeOf(agents.create({ name: 'x', isLiveChatEnabled: true })).toEqualTypeOf<APIPromise<Agent>>();
    expectTypeOf(agents.list()).toEqualTypeOf<PagePromise<Agent>>();
    expectTypeOf(agents.retrieve('slug', { isEmbed: true })).resolves.toEqualTypeOf<Agent>();
    expectTypeOf(agents.delete('id')).resolves.toEqualTypeOf<AgentDeleteResult>();
    expectTypeOf<Chatbots>().toEqualTypeOf<Agents>();
  });

  it('types the Agent model with ISO strings and booleans', () => {
    expectTypeOf<Agent['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<Agent['isLiveChatEnabled']>().toEqualTypeOf<boolean>();
    expectTypeOf<Agent['slug']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AgentDeleteResult['deleted']>().toEqualTypeOf<true>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error isLiveChatEnabled is required
    void agents.create({ name: 'x' });
    // @ts-expect-error limit is a number
    void agents.list({ limit: '10' });
  });
});
