// Decisions D3: the SDK must give the same clean values whether the service answers with the documented (quirky)
// shapes or with the generic `{status, data}` envelope. The emulator answers the documented shapes; a middleware
// rewrites each of its answers into the generic form, and every method must return the same value both ways.
import { useEmulator } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Middleware } from './index.js';
import { LiveChatAI } from './index.js';

const env = useEmulator({ seed: 'demo' });

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The generic form of a documented body: everything but `status` inside `data` (a lone `data` object stays). */
function toGeneric(json: unknown): unknown {
  if (!isObj(json)) return json;
  if (typeof json.status !== 'string') return { status: 'success', data: json };
  const rest: Obj = { ...json };
  delete rest.status;
  const keys = Object.keys(rest).filter((k) => k !== 'message');
  if (keys.length === 1 && keys[0] === 'data' && isObj(rest.data)) return { status: json.status, data: rest.data };
  return { status: json.status, data: rest };
}

let rewritten = 0;
const genericEnvelope: Middleware = async ({ request }, next) => {
  const response = await next(request);
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) return response;
  const body = toGeneric(await response.json());
  rewritten++;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
};

let documented: LiveChatAI;
let generic: LiveChatAI;
let agentId: string;
let contactId: string;
let conversationId: string;

beforeAll(async () => {
  const options = { apiKey: env.emulator.apiKey, baseURL: env.emulator.url } as const;
  documented = new LiveChatAI(options);
  generic = new LiveChatAI({ ...options, middleware: [genericEnvelope] });
  agentId = (await documented.agents.list().toArray({ limit: 1 }))[0]!.id;
  ({ contactId } = await documented.contacts.upsert({
    agentId,
    distinctId: 'envelope-user',
    attributes: { plan: 'pro' },
  }));
  ({ conversationId } = await documented.messages.send({
    agentId,
    contactId,
    question: 'What are your business hours?',
  }));
});

describe('the documented envelope and the generic one give the same values', () => {
  const DAY = 86_400_000;
  const range = (): { agentId: string; startDate: string; endDate: string } => ({
    agentId,
    startDate: new Date(Date.now() - 13 * DAY).toISOString().slice(0, 10),
    endDate: new Date().toISOString().slice(0, 10),
  });

  const reads: [string, (c: LiveChatAI) => Promise<unknown>][] = [
    ['agents.list', (c) => c.agents.list({ limit: 2 }).toArray()],
    ['agents.retrieve', (c) => c.agents.retrieve(agentId)],
    ['contacts.list', (c) => c.contacts.list({ agentId, limit: 3 }).toArray({ limit: 7 })],
    ['contacts.retrieve', (c) => c.contacts.retrieve(contactId)],
    ['contacts.listConversations', (c) => c.contacts.listConversations(contactId).toArray()],
    ['conversations.list', (c) => c.conversations.list({ agentId, perPage: 5 }).toArray({ limit: 12 })],
    ['conversations.retrieve', (c) => c.conversations.retrieve(conversationId)],
    ['conversations.listViews', (c) => c.conversations.listViews({ agentId, perPage: 2 }).toArray()],
    ['messages.list', (c) => c.messages.list(conversationId)],
    ['dataSources.list', (c) => c.dataSources.list({ agentId, limit: 3 }).toArray()],
    ['aiSuggestions.list', (c) => c.aiSuggestions.list({ agentId, limit: 2 }).toArray({ limit: 5 })],
    ['analytics.overview', (c) => c.analytics.overview(range())],
    ['analytics.agent', (c) => c.analytics.agent(range())],
    ['analytics.aiFunctions', (c) => c.analytics.aiFunctions(range())],
    ['analytics.csat', (c) => c.analytics.csat({ ...range(), pageSize: 3 })],
    ['analytics.sentiments', (c) => c.analytics.sentiments(range())],
    ['analytics.topics', (c) => c.analytics.topics(range())],
  ];

  it.each(reads)('%s', async (_name, call) => {
    const before = rewritten;
    const [a, b] = await Promise.all([call(documented), call(generic)]);
    expect(rewritten).toBeGreaterThan(before);
    expect(b).toEqual(a);
  });

  it('pages walk the same way in both envelopes', async () => {
    const [a, b] = await Promise.all([
      documented.contacts.list({ agentId, limit: 2 }),
      generic.contacts.list({ agentId, limit: 2 }),
    ]);
    expect(b.pageInfo).toEqual(a.pageInfo);
    expect(b.items).toEqual(a.items);
  });

  it('writes: upsert, send, reply, end, data sources, suggestions, agents', async () => {
    const upserted = await generic.contacts.upsert({ agentId, distinctId: 'envelope-user' });
    expect(upserted).toEqual({ contactId });

    const sent = await generic.messages.send({ agentId, contactId, question: 'Do you ship abroad?' });
    expect(sent).toMatchObject({
      conversationId: expect.any(String),
      response: expect.any(String),
      links: expect.any(Array),
    });

    const reply = await generic.conversations.reply(sent.conversationId, { message: 'Human here.' });
    expect(reply).toMatchObject({
      conversationId: sent.conversationId,
      message: { text: 'Human here.', sender: 'AGENT' },
    });
    const ended = await generic.conversations.end(sent.conversationId);
    expect(ended).toMatchObject({ conversationId: sent.conversationId, contactId });

    const created = await generic.dataSources.addText({ agentId, title: 'Generic', content: 'generic envelope text' });
    expect(created).toEqual({ id: expect.any(String), source: 'TEXT', isGeneratedByAI: false });
    const removed = await generic.dataSources.delete({ agentId, source: 'TEXT', id: created.id });
    expect(removed).toMatchObject({ deleted: [created.id], notFound: [] });

    const [suggestion] = await documented.aiSuggestions.list({ agentId }).toArray({ limit: 1 });
    expect(await generic.aiSuggestions.retrieve(suggestion!.id)).toEqual(
      await documented.aiSuggestions.retrieve(suggestion!.id),
    );
    expect(await generic.aiSuggestions.dismiss(suggestion!.id)).toMatchObject({ id: suggestion!.id, dismissed: true });

    const agent = await generic.agents.create({ name: 'Generic agent', isLiveChatEnabled: false });
    expect(agent).toEqual(await documented.agents.retrieve(agent.id));
    expect(await generic.agents.delete(agent.id)).toMatchObject({
      id: agent.id,
      deleted: true,
      message: expect.any(String),
    });
  });
});
