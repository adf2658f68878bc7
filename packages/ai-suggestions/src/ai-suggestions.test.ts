import { InvalidParameterError, NotFoundError } from '@livechatai/core';
import { useEmulator } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { AISuggestions } from './index.js';

const env = useEmulator();
let agentId: string;

// An agent without data sources answers every question "out of context", and each such exchange is recorded
// as an AI suggestion (decisions D9).
beforeAll(async () => {
  agentId = await env.createAgent();
  for (let i = 0; i < 5; i++) {
    await env.client.request({ method: 'POST', path: '/conversations', body: { agentId, question: `Do you sell widget model ${i}?` } });
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
    expect(dismissed).toMatchObject({ id: first!.id, dismissed: true, message: expect.any(String) });
    const remaining = await suggestions.list({ agentId }).toArray();
    expect(remaining.map((s) => s.id)).not.toContain(first!.id);
    expect(remaining).toHaveLength(4);
    await expect(suggestions.retrieve(first!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects missing or empty parameters before any request', () => {
    const { client, requests } = env.recordingClient();
    const suggestions = new AISuggestions(client);
    expect(() => suggestions.list({} as never)).toThrow(/agentId/);
    expect(() => suggestions.retrieve('')).toThrow(InvalidParameterError);
    expect(() => suggestions.dismiss(' ')).toThrow(/suggestionId/);
    expect(requests).toHaveLength(0);
  });
});
