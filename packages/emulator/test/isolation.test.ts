import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { apiFor, createAgent, withEmulator, type Api } from './helpers.js';

let em: Emulator;
let a: Api;
let b: Api;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ em, api: a } = await withEmulator());
  const other = await em.createWorkspace({ name: 'B' });
  b = apiFor(em, other.apiKey);
  ids.workspaceB = other.workspaceId;
  const agent = await createAgent(a, 'Secret agent');
  ids.agent = agent.id;
  ids.slug = agent.slug;
  ids.source = (
    await a('POST', '/data-sources/text', {
      body: { agentId: agent.id, title: 'Secret', content: 'The vault code is 1234.' },
    })
  ).body.data.item.id;
  ids.contact = (await a('POST', '/contacts', { body: { agentId: agent.id, distinctId: 'd1' } })).body.contactId;
  const sent = await a('POST', '/conversations', {
    body: { agentId: agent.id, question: 'Where is the unicorn stable?', contactId: ids.contact },
  });
  ids.conversation = sent.body.data.conversationId;
  ids.suggestion = sent.body.data.responseMessageId;
  ids.view = (await a('GET', `/conversations/views?agentId=${agent.id}`)).body.data.views[0].id;
});
afterAll(async () => {
  await em.close();
});

describe('workspace isolation', () => {
  it('B cannot read A', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const path of [
      `/agents/${ids.agent}`,
      `/agents/${ids.slug}`,
      `/chatbots/${ids.agent}`,
      `/contacts/${ids.contact}`,
      `/contacts/${ids.contact}/conversations`,
      `/contacts?agentId=${ids.agent}`,
      `/conversations/${ids.conversation}`,
      `/conversations?agentId=${ids.agent}`,
      `/conversations/views?agentId=${ids.agent}`,
      `/data-sources?agentId=${ids.agent}`,
      `/ai-suggestions?agentId=${ids.agent}`,
      `/ai-suggestions/${ids.suggestion}`,
      `/analytics?agentId=${ids.agent}&startDate=${today}&endDate=${today}`,
      `/analytics/csat?agentId=${ids.agent}&startDate=${today}&endDate=${today}`,
    ]) {
      const res = await b('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('vault');
    }
    const list = await b('GET', '/agents');
    expect(list.body.totalCount).toBe(0);
    expect((await b('GET', `/_emulator/workspaces/${em.workspaceId}/export`)).status).toBe(404);
  });

  it('B cannot change or delete A', async () => {
    const writes: [string, string, unknown][] = [
      ['POST', '/conversations', { agentId: ids.agent, question: 'hi' }],
      ['POST', '/conversations', { agentId: ids.agent, question: 'hi', conversationId: ids.conversation }],
      ['POST', `/conversations/${ids.conversation}/reply`, { message: 'hijack' }],
      ['POST', `/conversations/${ids.conversation}/end`, {}],
      ['POST', '/contacts', { agentId: ids.agent, distinctId: 'd1', name: 'Mallory' }],
      ['POST', '/data-sources/text', { agentId: ids.agent, title: 't', content: 'c' }],
      ['POST', '/data-sources/qa', { agentId: ids.agent, question: 'q', answer: 'a' }],
      ['DELETE', '/data-sources', { agentId: ids.agent, source: 'TEXT', id: ids.source }],
      ['DELETE', `/ai-suggestions/${ids.suggestion}`, undefined],
      ['DELETE', `/agents/${ids.agent}`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const res = await b(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Everything of A is untouched.
    const conv = await a('GET', `/conversations/${ids.conversation}`);
    expect(conv.body.data.isResolved).toBe(false);
    expect(conv.body.data.messages).toHaveLength(2);
    expect((await a('GET', `/contacts/${ids.contact}`)).body.name).toBeNull();
    expect((await a('GET', `/data-sources?agentId=${ids.agent}`)).body.data.totalCount).toBe(1);
    expect((await a('GET', `/ai-suggestions/${ids.suggestion}`)).status).toBe(200);
    expect((await a('GET', `/agents/${ids.agent}`)).status).toBe(200);
  });

  it('idempotency keys are scoped to the workspace', async () => {
    const body = { name: 'Same key', isLiveChatEnabled: true };
    const fromA = await a('POST', '/agents', { body, headers: { 'idempotency-key': 'shared-key' } });
    const fromB = await b('POST', '/agents', { body, headers: { 'idempotency-key': 'shared-key' } });
    expect(fromB.headers.get('idempotent-replayed')).toBeNull();
    expect(fromB.body.data.id).not.toBe(fromA.body.data.id);
  });
});
