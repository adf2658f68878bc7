import { InvalidParameterError, NotFoundError } from '@livechatai/core';
import { useEmulator } from '@livechatai/test-utils';
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

    const again = await contacts.upsert({ agentId, distinctId: 'user_1', phone: '+1234', attributes: { level: 'pro' } });
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

    // The raw body keeps the documented `{key, value}[]` form.
    const { raw } = await contacts.retrieve(contactId).withResponse();
    expect((raw as { attributes: unknown }).attributes).toEqual([
      { key: 'level', value: 'pro' },
      { key: 'planType', value: 'premium' },
    ]);

    await expect(contacts.retrieve('contact_missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists contacts across more than two pages', async () => {
    const own = await env.createAgent();
    const contacts = new Contacts(env.client);
    for (let i = 0; i < 5; i++) await contacts.upsert({ agentId: own, distinctId: `d${i}`, email: `u${i}@example.com` });

    const first = await contacts.list({ agentId: own, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.pageInfo).toMatchObject({ page: 1, totalItems: 5, totalPages: 3, hasNext: true });

    const emails: (string | null)[] = [];
    for await (const c of contacts.list({ agentId: own, limit: 2 })) emails.push(c.email);
    expect(emails.sort()).toEqual(['u0@example.com', 'u1@example.com', 'u2@example.com', 'u3@example.com', 'u4@example.com']);
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

  it('rejects missing or empty parameters before any request', () => {
    const { client, requests } = env.recordingClient();
    const contacts = new Contacts(client);
    expect(() => contacts.upsert({ agentId, distinctId: '' })).toThrow(/distinctId/);
    expect(() => contacts.upsert({ distinctId: 'x' } as never)).toThrow(/agentId/);
    expect(() => contacts.list({} as never)).toThrow(InvalidParameterError);
    expect(() => contacts.list(undefined as never)).toThrow(/params: expected an object/);
    expect(() => contacts.retrieve(' ')).toThrow(/contactId/);
    expect(() => contacts.listConversations('')).toThrow(/contactId/);
    expect(requests).toHaveLength(0);
  });
});
