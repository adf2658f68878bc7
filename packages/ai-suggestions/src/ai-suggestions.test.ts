import { NotFoundError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { AISuggestions } from './index.js';

const env = useEmulator();
let agentId: string;

// An agent without data sources answers every question "out of context", and each such exchange is recorded
// as an AI suggestion (decisions D9).
beforeAll(async () => {
  agentId = await env.createAgent();
  for (let i = 0; i < 5; i++) {
    await env.client.request({
      method: 'POST',
      path: '/conversations',
      body: { agentId, question: `Do you sell widget model ${i}?` },
    });
  }
});

describe('AISuggestions', () => {
  it('lists suggestions across more than two pages', async () => {
    const suggestions = new AISuggestions(env.client);
    const page = await suggestions.list({ agentId, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ page: 1, perPage: 2, totalItems: 5, totalPages: 3, hasNext: true });
    const all: string[] = [];
    for await (const s of suggestions.list({ agentId, limit: 2 })) all.push(s.userMessage.text);
    expect(all.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `Do you sell widget model ${i}?`));
    expect(page.items[0]).toMatchObject({
      id: expect.any(String),
      evaluationTag: 'OUT_OF_CONTEXT',
      chatId: expect.any(String),
      potentialGap: expect.any(String),
      suggestedImprovement: expect.any(String),
    });
    expect(page.items[0]!.aiMessage.id).toBe(page.items[0]!.id);
  });

  it('filters by creation date', async () => {
    const suggestions = new AISuggestions(env.client);
    expect(await suggestions.list({ agentId, startDate: '2999-01-01T00:00:00Z' }).toArray()).toEqual([]);
    expect(await suggestions.list({ agentId, endDate: '2999-01-01T00:00:00Z' }).toArray()).toHaveLength(5);
  });

  it('retrieves and dismisses a suggestion', async () => {
    const suggestions = new AISuggestions(env.client);
    const [first] = await suggestions.list({ agentId }).toArray({ limit: 1 });
    const detail = await suggestions.retrieve(first!.id);
    expect(detail).toEqual({ ...first, agentId });

    const dismissed = await suggestions.dismiss(first!.id);
    // `id` and `dismissed` the SDK always sets; the message is the server's (kept from the top level)
    expect(dismissed).toEqual({ id: first!.id, dismissed: true, message: 'AI suggestion dismissed' });
    const remaining = await suggestions.list({ agentId }).toArray();
    expect(remaining.map((s) => s.id)).not.toContain(first!.id);
    expect(remaining).toHaveLength(4);
    await expect(suggestions.retrieve(first!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<AISuggestions>[] = [
    ['list: no agentId', (s) => s.list({} as never), 'agentId'],
    ['list: limit 200', (s) => s.list({ agentId: 'a', limit: 200 }), 'limit'],
    ['list: a startDate that is no date', (s) => s.list({ agentId: 'a', startDate: 'soon' }), 'startDate'],
    [
      'list: a date-time without a time zone',
      (s) => s.list({ agentId: 'a', endDate: '2024-12-31T23:59:59' }),
      'endDate',
    ],
    ['retrieve: empty id', (s) => s.retrieve(''), 'suggestionId'],
    ['dismiss: blank id', (s) => s.dismiss(' '), 'suggestionId'],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(AISuggestions).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new AISuggestions(client)), param);
    expect(requests).toHaveLength(0);
  });
});
