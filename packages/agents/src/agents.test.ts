import { NotFoundError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
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
    // `id` and `deleted` the SDK always sets; the message is the server's, and the 404 below shows the deletion
    expect(deleted).toEqual({ id: agent.id, deleted: true, message: 'Agent deleted successfully' });
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

    const seen: string[] = [];
    for await (const agent of agents.list({ limit: 2 })) seen.push(agent.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(page.pageInfo.totalItems).toBe(seen.length); // the walk gave every agent the server counts, once
    for (const id of ids) expect(seen).toContain(id);

    const second = await page.getNextPage();
    expect(second.pageInfo.page).toBe(2);
    expect(await agents.list({ limit: 2 }).toArray({ limit: 5 })).toHaveLength(5);
  });

  it('is also exported as Chatbots', () => {
    expect(Chatbots).toBe(Agents);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<Agents>[] = [
    ['create: blank name', (agents) => agents.create({ name: '  ', isLiveChatEnabled: true }), 'name'],
    ['create: no isLiveChatEnabled', (agents) => agents.create({ name: 'x' } as never), 'isLiveChatEnabled'],
    [
      'create: isImageSharingEnabled not a boolean',
      (agents) => agents.create({ name: 'x', isLiveChatEnabled: true, isImageSharingEnabled: 'yes' as never }),
      'isImageSharingEnabled',
    ],
    ['create: no params', (agents) => agents.create(undefined as never), 'params'],
    ['list: page 0', (agents) => agents.list({ page: 0 }), 'page'],
    ['list: fractional page', (agents) => agents.list({ page: 1.5 }), 'page'],
    ['list: limit over 100', (agents) => agents.list({ limit: 101 }), 'limit'],
    ['list: limit as a string', (agents) => agents.list({ limit: '10' as never }), 'limit'],
    ['list: params not an object', (agents) => agents.list('x' as never), 'params'],
    ['retrieve: empty id', (agents) => agents.retrieve(''), 'agentId'],
    ['retrieve: isEmbed not a boolean', (agents) => agents.retrieve('a', { isEmbed: 1 as never }), 'isEmbed'],
    ['delete: no id', (agents) => agents.delete(undefined as never), 'agentId'],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(Agents).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new Agents(client)), param);
    expect(requests).toHaveLength(0);
  });
});
