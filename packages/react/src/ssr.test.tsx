// @vitest-environment node
import { createClient } from '@livechatai/core';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@livechatai/emulator';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db: ':memory:' });
});
afterAll(async () => {
  await emulator.close();
});

describe('server-side rendering', () => {
  it('imports without a window and renders prefetched data with renderToString', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const react = await import('./index.js');
    const queries = await import('./queries.js');
    expect(typeof react.useChat).toBe('function');
    // The server-safe entry exports the same factories.
    expect(queries.agentsQueryOptions).toBe(react.agentsQueryOptions);

    const client = createClient({ apiKey: emulator.apiKey, baseURL: emulator.url });
    await new (await import('@livechatai/agents')).Agents(client).create({ name: 'Rendered on the server', isLiveChatEnabled: true });

    // Prefetch on the server, dehydrate, and render with a fresh QueryClient as the browser would.
    const serverQueries = new QueryClient();
    await serverQueries.query(queries.agentsQueryOptions(client, { limit: 5 }));
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueries))) as ReturnType<typeof dehydrate>;

    function AgentNames() {
      const agents = react.useAgents({ limit: 5 });
      const chat = react.useChat({ agentId: 'agent_x' });
      return (
        <ul data-status={chat.status}>
          {agents.data?.items.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
      );
    }
    const html = renderToString(
      <react.LiveChatAIProvider client={createClient({ apiKey: null, baseURL: emulator.url })}>
        <HydrationBoundary state={state}>
          <AgentNames />
        </HydrationBoundary>
      </react.LiveChatAIProvider>,
    );
    expect(html).toContain('<li>Rendered on the server</li>');
    expect(html).toContain('data-status="idle"');
    expect(html).not.toContain(emulator.apiKey);
  });

  it('without a provider, hooks say what is missing', async () => {
    const react = await import('./index.js');
    function Bare() {
      react.useAgents();
      return null;
    }
    expect(() => renderToString(<Bare />)).toThrow(/LiveChatAIProvider/);
  });
});
