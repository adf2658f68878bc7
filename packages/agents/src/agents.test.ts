import { InvalidParameterError, NotFoundError } from '@livechatai/core';
import { useEmulator } from '@livechatai/test-utils';
import { describe, expect, it } from 'vitest';
import { Agents, Chatbots } from './index.js';

const env = useEmulator();

describe('Agents', () => {
  it('creates, retrieves by id and by slug, and deletes an agent', async () => {
    const agents = new Agents(env.client);
    const agent = await agents.create({ name: 'Support Bot', isLiveChatEnabled: true, isImageSharingEnabled: true });
    expect(agent).toMatchObject({ name: 'Support Bot', isLiveChatEnabled: true, isArchived: false });
    expect(agent.id).toEqual(expect.any(String));
    expect(agent.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect(await agents.retrieve(agent.id)).toEqual(agent);
    expect(agent.slug).toBeTruthy();
    expect((await agents.retrieve(agent.slug!, { isEmbed: true })).id).toBe(agent.id);

    const deleted = await agents.delete(agent.id);
    expect(deleted).toMatchObject({ id: agent.id, deleted: true, message: expect.any(String) });
    await expect(agents.retrieve(agent.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists every agent across more than two pages', async () => {
    const { client } = env.recordingClient();
    const agents = new Agents(client);
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await agents.create({ name: `Paged ${i}`, isLiveChatEnabled: false })).id);

    const page = await agents.list({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ page: 1, perPage: 2, hasNext: true });
    expect(page.pageInfo.totalItems).toBeGreaterThanOrEqual(7);

    const seen: string[] = [];
    for await (const agent of agents.list({ limit: 2 })) seen.push(agent.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);

    const second = await page.getNextPage();
    expect(second.pageInfo.page).toBe(2);
    expect(await agents.list({ limit: 2 }).toArray({ limit: 5 })).toHaveLength(5);
  });

  it('is also exported as Chatbots', () => {
    expect(Chatbots).toBe(Agents);
  });

  it('rejects missing or empty parameters before any request', () => {
    const { client, requests } = env.recordingClient();
    const agents = new Agents(client);
    expect(() => agents.create({ name: '  ', isLiveChatEnabled: true })).toThrow(InvalidParameterError);
    expect(() => agents.create({ name: 'x' } as never)).toThrow(/isLiveChatEnabled/);
    expect(() => agents.retrieve('')).toThrow(/agentId/);
    expect(() => agents.delete(undefined as never)).toThrow(InvalidParameterError);
    expect(requests).toHaveLength(0);
  });
});
