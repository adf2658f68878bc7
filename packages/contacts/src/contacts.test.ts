import { NotFoundError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { Contacts } from './index.js';

const env = useEmulator();
let agentId: string;

beforeAll(async () => {
  agentId = await env.createAgent();
});

describe('Contacts', () => {
  it('upserts a contact (create, then update by distinctId) and retrieves attributes as a map', async () => {
    const contacts = new Contacts(env.client);
    const { contactId } = await contacts.upsert({
      agentId,
      distinctId: 'user_1',
      name: 'Ada',
      email: 'ada@example.com',
      attributes: { planType: 'premium' },
    });
    expect(contactId).toEqual(expect.any(String));

    const again = await contacts.upsert({
      agentId,
      distinctId: 'user_1',
      phone: '+1234',
      attributes: { level: 'pro' },
    });
    expect(again.contactId).toBe(contactId);

    const contact = await contacts.retrieve(contactId);
    expect(contact).toMatchObject({
      id: contactId,
      agentId,
      distinctId: 'user_1',
      name: 'Ada',
      email: 'ada@example.com',
      phone: '+1234',
      attributes: { planType: 'premium', level: 'pro' },
    });
    expect(Array.isArray(contact.attributes)).toBe(false);

    // The raw body keeps the documented `{key, value}[]` form, in the order the attributes were first set.
    const { raw } = await contacts.retrieve(contactId).withResponse();
    expect((raw as { attributes: unknown }).attributes).toEqual([
      { key: 'planType', value: 'premium' },
      { key: 'level', value: 'pro' },
    ]);

    await expect(contacts.retrieve('contact_missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists contacts across more than two pages', async () => {
    const own = await env.createAgent();
    const contacts = new Contacts(env.client);
    for (let i = 0; i < 5; i++)
      await contacts.upsert({ agentId: own, distinctId: `d${i}`, email: `u${i}@example.com` });

    const first = await contacts.list({ agentId: own, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.pageInfo).toMatchObject({ page: 1, totalItems: 5, totalPages: 3, hasNext: true });

    const emails: (string | null)[] = [];
    for await (const c of contacts.list({ agentId: own, limit: 2 })) emails.push(c.email);
    expect(emails.sort()).toEqual([
      'u0@example.com',
      'u1@example.com',
      'u2@example.com',
      'u3@example.com',
      'u4@example.com',
    ]);
  });

  it("lists one contact's conversations with filters and paging", async () => {
    const contacts = new Contacts(env.client);
    const { contactId } = await contacts.upsert({ agentId, distinctId: 'talker', attributes: { tier: 'gold' } });
    const conversationIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sent = await env.client.request<{ conversationId: string }>({
        method: 'POST',
        path: '/conversations',
        body: { agentId, contactId, question: `Question number ${i}?` },
      });
      conversationIds.push(sent.conversationId);
    }

    const page = await contacts.listConversations(contactId, { perPage: 2, sort: 'asc' });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ page: 1, perPage: 2, totalItems: 5, totalPages: 3 });
    expect(page.items[0]!.contact?.attributes).toEqual({ tier: 'gold' });

    const all = await contacts.listConversations(contactId, { perPage: 2 }).toArray();
    expect(all.map((c) => c.id).sort()).toEqual([...conversationIds].sort());
    expect(await contacts.listConversations(contactId, { status: 'close' }).toArray()).toEqual([]);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<Contacts>[] = [
    ['upsert: empty distinctId', (c) => c.upsert({ agentId: 'a', distinctId: '' }), 'distinctId'],
    ['upsert: no agentId', (c) => c.upsert({ distinctId: 'x' } as never), 'agentId'],
    ['upsert: name not a string', (c) => c.upsert({ agentId: 'a', distinctId: 'x', name: 42 as never }), 'name'],
    ['upsert: email null', (c) => c.upsert({ agentId: 'a', distinctId: 'x', email: null as never }), 'email'],
    ['upsert: blank contactId', (c) => c.upsert({ agentId: 'a', distinctId: 'x', contactId: ' ' }), 'contactId'],
    [
      'upsert: attributes not an object',
      (c) => c.upsert({ agentId: 'a', distinctId: 'x', attributes: 'x' as never }),
      'attributes',
    ],
    [
      'upsert: an attribute not a string',
      (c) => c.upsert({ agentId: 'a', distinctId: 'x', attributes: { plan: 1 as never } }),
      'attributes.plan',
    ],
    ['list: no agentId', (c) => c.list({} as never), 'agentId'],
    ['list: no params', (c) => c.list(undefined as never), 'params'],
    ['list: page -1', (c) => c.list({ agentId: 'a', page: -1 }), 'page'],
    ['list: limit 0', (c) => c.list({ agentId: 'a', limit: 0 }), 'limit'],
    ['retrieve: blank id', (c) => c.retrieve(' '), 'contactId'],
    ['listConversations: empty id', (c) => c.listConversations(''), 'contactId'],
    ['listConversations: perPage 500', (c) => c.listConversations('c', { perPage: 500 }), 'perPage'],
    ['listConversations: unknown status', (c) => c.listConversations('c', { status: 'closed' as never }), 'status'],
    [
      'listConversations: unknown sentiment',
      (c) => c.listConversations('c', { sentiment: 'HAPPY' as never }),
      'sentiment',
    ],
    [
      'listConversations: a startDate that is no date',
      (c) => c.listConversations('c', { startDate: 'yesterday' }),
      'startDate',
    ],
    [
      'listConversations: an invalid Date',
      (c) => c.listConversations('c', { endDate: new Date('x') as never }),
      'endDate',
    ],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(Contacts).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new Contacts(client)), param);
    expect(requests).toHaveLength(0);
  });
});
