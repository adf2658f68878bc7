import { NotFoundError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { Conversations } from './index.js';

const env = useEmulator();
let agentId: string;
let ownerId: string;
const started: string[] = [];

async function startConversation(
  agent: string,
  question: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const sent = await env.client.request<{ conversationId: string }>({
    method: 'POST',
    path: '/conversations',
    body: { agentId: agent, question, ...extra },
  });
  return sent.conversationId;
}

beforeAll(async () => {
  agentId = await env.createAgent();
  const members = await env.emulator.store.listTeamMembers(env.emulator.workspaceId);
  ownerId = members.find((m) => m.isOwner)!.id;
  for (let i = 0; i < 4; i++) started.push(await startConversation(agentId, `Where is my order ${i}?`));
  started.push(await startConversation(agentId, 'Hello from WhatsApp', { integrationType: 'WHATSAPP' }));
});

describe('Conversations', () => {
  it('lists an agent’s conversations across more than two pages', async () => {
    const conversations = new Conversations(env.client);
    const page = await conversations.list({ agentId, perPage: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ page: 1, perPage: 2, totalItems: 5, totalPages: 3, hasNext: true });
    const ids: string[] = [];
    for await (const c of conversations.list({ agentId, perPage: 2, sort: 'asc' })) ids.push(c.id);
    expect(ids).toEqual(started);
    const summary = page.items[0]!;
    expect(summary).toMatchObject({ isResolved: false, isStarred: false, isMuted: false, agent: null });
    expect(summary.contact?.attributes).toEqual({});
  });

  it('applies the documented filters', async () => {
    const conversations = new Conversations(env.client);
    const whatsapp = await conversations.list({ agentId, channel: 'WHATSAPP' }).toArray();
    expect(whatsapp.map((c) => c.id)).toEqual([started[4]]);
    expect(whatsapp[0]!.integrationType).toBe('WHATSAPP');
    const desc = await conversations.list({ agentId, sort: 'desc', type: 'all' }).toArray();
    expect(desc.map((c) => c.id)).toEqual([...started].reverse());
    expect(await conversations.list({ agentId, startDate: '2999-01-01' }).toArray()).toEqual([]);
    expect(await conversations.list({ agentId, startDate: new Date('2999-01-01T00:00:00Z') }).toArray()).toEqual([]);
    expect(await conversations.list({ agentId, endDate: Math.floor(Date.now() / 1000) + 60 }).toArray()).toHaveLength(
      5,
    );
    const unassigned = await conversations.list({ agentId, assignee: 'ai' }).toArray();
    // no one has replied yet: every conversation is the AI's alone
    expect(unassigned.map((c) => c.id).sort()).toEqual([...started].sort());
  });

  it('retrieves a conversation with its messages', async () => {
    const conversation = await new Conversations(env.client).retrieve(started[0]!);
    expect(conversation).toMatchObject({ id: started[0], agentId, isResolved: false, contactId: expect.any(String) });
    expect(conversation.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(conversation.messages[0]!.content).toBe('Where is my order 0?');
    await expect(new Conversations(env.client).retrieve('chat_missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('replies as a team member, then ends the conversation', async () => {
    const conversations = new Conversations(env.client);
    const id = started[1]!;
    const reply = await conversations.reply(id, {
      message: 'A human here, let me check.',
      userId: ownerId,
      messageType: 'TEXT',
    });
    expect(reply).toMatchObject({
      conversationId: id,
      messageId: expect.any(String),
      message: { text: 'A human here, let me check.', sender: 'AGENT', type: 'TEXT', agent: { id: ownerId } },
    });

    const ended = await conversations.end(id);
    expect(ended).toMatchObject({ conversationId: id, userId: ownerId, contactId: expect.any(String) });
    const after = await conversations.retrieve(id);
    expect(after).toMatchObject({ isResolved: true, isAgent: true });
    expect(after.messages.at(-1)).toMatchObject({
      role: 'agent',
      content: 'A human here, let me check.',
      agent: { id: ownerId },
    });

    const closed = await conversations.list({ agentId, status: 'close' }).toArray();
    expect(closed.map((c) => c.id)).toEqual([id]);
    const mine = await conversations.list({ agentId, assignee: ownerId }).toArray();
    expect(mine.map((c) => c.id)).toEqual([id]);
  });

  it('lists saved views across more than two pages and searches them by name', async () => {
    const conversations = new Conversations(env.client);
    const page = await conversations.listViews({ agentId, perPage: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo.totalPages).toBeGreaterThanOrEqual(3);
    const all = await conversations.listViews({ agentId, perPage: 2 }).toArray();
    expect(all.length).toBe(page.pageInfo.totalItems);
    expect(all[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      query: { combinator: expect.any(String) },
    });

    const billing = await conversations.listViews({ agentId, search: 'billing' }).toArray();
    expect(billing.map((v) => v.name)).toEqual(['Billing questions']);
    const view = all.find((v) => v.name === 'WhatsApp')!;
    const viaView = await conversations.list({ agentId, viewId: view.id }).toArray();
    expect(viaView.map((c) => c.id)).toEqual([started[4]]);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<Conversations>[] = [
    ['list: no agentId', (c) => c.list({} as never), 'agentId'],
    ['list: unknown type', (c) => c.list({ agentId: 'a', type: 'mine' as never }), 'type'],
    ['list: unknown sort', (c) => c.list({ agentId: 'a', sort: 'up' as never }), 'sort'],
    ['list: unknown channel', (c) => c.list({ agentId: 'a', channel: 'EMAIL' as never }), 'channel'],
    ['list: unknown resolution', (c) => c.list({ agentId: 'a', resolution: 'Solved' as never }), 'resolution'],
    ['list: February 30th', (c) => c.list({ agentId: 'a', startDate: '2024-02-30' }), 'startDate'],
    ['list: negative Unix seconds', (c) => c.list({ agentId: 'a', endDate: -5 }), 'endDate'],
    ['list: page as a string', (c) => c.list({ agentId: 'a', page: '2' as never }), 'page'],
    ['list: blank viewId', (c) => c.list({ agentId: 'a', viewId: '' }), 'viewId'],
    ['retrieve: empty id', (c) => c.retrieve(''), 'conversationId'],
    ['reply: empty message', (c) => c.reply('chat_1', { message: '' }), 'message'],
    ['reply: empty id', (c) => c.reply('', { message: 'hi' }), 'conversationId'],
    [
      'reply: unknown messageType',
      (c) => c.reply('chat_1', { message: 'hi', messageType: 'VIDEO' as never }),
      'messageType',
    ],
    ['reply: blank userId', (c) => c.reply('chat_1', { message: 'hi', userId: ' ' }), 'userId'],
    ['end: blank id', (c) => c.end(' '), 'conversationId'],
    ['end: userId not a string', (c) => c.end('chat_1', { userId: 7 as never }), 'userId'],
    ['listViews: empty agentId', (c) => c.listViews({ agentId: '' }), 'agentId'],
    ['listViews: perPage 0', (c) => c.listViews({ agentId: 'a', perPage: 0 }), 'perPage'],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(Conversations).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new Conversations(client)), param);
    expect(requests).toHaveLength(0);
  });
});
