// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@livechatai/core';
import type * as ReactEntry from './index.js';
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
    await new (await import('@livechatai/agents')).Agents(client).create({
      name: 'Rendered on the server',
      isLiveChatEnabled: true,
    });

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

  it("keeps 'use client' at the top of the built hooks entry only, and the build renders on the server", async () => {
    const dist = join(import.meta.dirname, '..', 'dist');
    if (!existsSync(join(dist, 'index.js')))
      throw new Error('packages/react/dist is missing: run `pnpm build` first (turbo does).');
    for (const file of ['index.js', 'index.cjs']) {
      expect(readFileSync(join(dist, file), 'utf8').split('\n')[0]).toBe("'use client';");
    }
    for (const file of ['queries.js', 'queries.cjs']) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toContain('use client');
    }
    const built = (await import(join(dist, 'index.js'))) as typeof ReactEntry;
    const queryClient = new QueryClient();
    queryClient.setQueryData(built.livechataiKeys.agents.list({}), {
      items: [{ id: 'a1', name: 'From the build' }],
      pageInfo: { page: 1, perPage: 10, totalItems: 1, totalPages: 1, hasNext: false, scheme: 'pages' },
    });
    function Names() {
      const agents = built.useAgents();
      return <p>{agents.data?.items.map((a) => a.name).join(', ')}</p>;
    }
    const html = renderToString(
      <built.LiveChatAIProvider
        client={createClient({ apiKey: null, baseURL: emulator.url })}
        queryClient={queryClient}
      >
        <Names />
      </built.LiveChatAIProvider>,
    );
    expect(html).toBe('<p>From the build</p>');
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
