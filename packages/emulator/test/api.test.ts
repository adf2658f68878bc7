import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventStream } from '@livechatai/spec';
import type { Emulator } from '../src/index.js';
import { apiFor, createAgent, withEmulator, type Api } from './helpers.js';

let em: Emulator;
let api: Api;

beforeAll(async () => {
  // the URL-source tests serve their pages from a loopback server
  ({ em, api } = await withEmulator({ allowPrivateUrls: true }));
});
afterAll(async () => {
  await em.close();
});

describe('agents', () => {
  it('creates, lists, retrieves by id and slug, and deletes (also under /chatbots)', async () => {
    const agent = await createAgent(api, 'Acme Support');
    expect(agent.slug).toBe('acme-support');
    const second = await createAgent(api, 'Acme Support');
    expect(second.slug).toBe('acme-support-2');

    const list = await api('GET', '/agents?page=1&limit=1');
    expect(list.body.totalCount).toBeGreaterThanOrEqual(2);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.pages).toMatchObject({
      page: 1,
      perPage: 1,
      hasPrevious: false,
      hasNext: true,
      previous: null,
      next: 2,
    });

    expect((await api('GET', `/agents/${agent.id}`)).body.data.name).toBe('Acme Support');
    expect((await api('GET', '/agents/acme-support')).body.data.id).toBe(agent.id);
    expect((await api('GET', `/chatbots/${agent.id}?isEmbed=true`)).status).toBe(200);
    expect((await api('GET', '/chatbots')).body.data.length).toBeGreaterThanOrEqual(2);

    const del = await api('DELETE', `/chatbots/${second.id}`);
    expect(del.body).toEqual({ status: 'success', message: 'Agent deleted successfully' });
    expect((await api('DELETE', `/agents/${second.id}`)).status).toBe(404);
  });

  it('validates the create body and the paging query', async () => {
    const missing = await api('POST', '/agents', { body: { isLiveChatEnabled: true } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ status: 'error', code: 'validation_error' });
    expect(missing.body.message).toContain('name');
    const wrongType = await api('POST', '/agents', { body: { name: 'x', isLiveChatEnabled: 'yes' } });
    expect(wrongType.body.message).toContain('isLiveChatEnabled');
    expect((await api('GET', '/agents?limit=500')).body.message).toContain('limit');
    expect((await api('GET', '/agents?page=abc')).status).toBe(400);
    expect((await api('GET', '/agents/does-not-exist')).status).toBe(404);
  });

  it('deleting an agent removes its data sources, contacts and conversations', async () => {
    const agent = await createAgent(api, 'Short lived');
    await api('POST', '/data-sources/text', { body: { agentId: agent.id, title: 't', content: 'Lemons are yellow.' } });
    const sent = await api('POST', '/conversations', {
      body: { agentId: agent.id, question: 'What colour are lemons?' },
    });
    await api('DELETE', `/agents/${agent.id}`);
    expect((await api('GET', `/conversations/${sent.body.data.conversationId}`)).status).toBe(404);
    expect((await api('GET', `/contacts/${sent.body.data.contactId}`)).status).toBe(404);
    expect((await api('GET', `/data-sources?agentId=${agent.id}`)).status).toBe(404);
  });
});

describe('request handling', () => {
  it('answers 401 without or with a wrong key, 403 for read-only writes', async () => {
    const none = await api('GET', '/agents', { key: null });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthorized');
    expect((await api('GET', '/agents', { key: 'wrong-key-123' })).status).toBe(401);
    const ro = await em.mintKey({ readOnly: true });
    expect((await api('GET', '/agents', { key: ro })).status).toBe(200);
    const denied = await api('POST', '/agents', { key: ro, body: { name: 'x', isLiveChatEnabled: false } });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
  });

  it('rejects malformed JSON (400), non-JSON bodies (415), bodies over 1 MB (413) and unknown routes (404)', async () => {
    const bad = await api('POST', '/agents', { rawBody: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('bad_request');
    const form = await api('POST', '/agents', {
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('unsupported_media_type');
    const big = await api('POST', '/data-sources/text', {
      body: { agentId: 'x', title: 't', content: 'a'.repeat(1_100_000) },
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
    const array = await api('POST', '/agents', { body: [1, 2] });
    expect(array.status).toBe(400);
    const unknown = await api('GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 'error', code: 'not_found' });
  });

  it('answers CORS preflights without a key', async () => {
    const res = await fetch(`${em.url}/agents`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    const get = await api('GET', '/agents', { headers: { origin: 'http://localhost:5173' } });
    expect(get.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('echoes a caller request id and makes one otherwise', async () => {
    const own = await api('GET', '/agents', { headers: { 'x-request-id': 'my-trace-1' } });
    expect(own.headers.get('x-request-id')).toBe('my-trace-1');
    const made = await api('GET', '/agents');
    expect(made.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('replays an idempotent POST and rejects the key with another body (409)', async () => {
    const body = { name: 'Idempotent agent', isLiveChatEnabled: true };
    const first = await api('POST', '/agents', { body, headers: { 'idempotency-key': 'idem-agent-1' } });
    const again = await api('POST', '/agents', { body, headers: { 'idempotency-key': 'idem-agent-1' } });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await api('GET', '/agents?limit=100');
    expect(list.body.data.filter((a: { name: string }) => a.name === 'Idempotent agent')).toHaveLength(1);
    const conflict = await api('POST', '/agents', {
      body: { ...body, name: 'Other' },
      headers: { 'idempotency-key': 'idem-agent-1' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('conflict');
  });

  it('runs concurrent requests with one Idempotency-Key exactly once', async () => {
    const body = { name: 'Concurrent once', isLiveChatEnabled: true };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api('POST', '/agents', { body, headers: { 'idempotency-key': 'concurrent-1' } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(results.map((r) => r.body.data.id as string)).size).toBe(1);
    const list = await api('GET', '/agents?limit=100');
    expect(list.body.data.filter((a: { name: string }) => a.name === 'Concurrent once')).toHaveLength(1);
  });

  it('rejects a port that is already taken', async () => {
    await expect(withEmulator({ port: em.port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('serves the OpenAPI document and health', async () => {
    const doc = await api('GET', '/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/agents']).toBeDefined();
    const health = await api('GET', '/_emulator/health');
    expect(health.body.status).toBe('ok');
  });
});

describe('contacts', () => {
  it('upserts by distinctId and contactId, merges attributes, retrieves the bare object', async () => {
    const agent = await createAgent(api, 'Contacts agent');
    const created = await api('POST', '/contacts', {
      body: {
        agentId: agent.id,
        distinctId: 'user_1',
        name: 'Ann',
        email: 'ann@example.com',
        attributes: { planType: 'premium', seats: 3 },
      },
    });
    expect(created.body).toEqual({ status: 'success', contactId: expect.stringMatching(/^contact_/) });
    const id = created.body.contactId as string;
    const same = await api('POST', '/contacts', {
      body: { agentId: agent.id, distinctId: 'user_1', phone: '+100', attributes: { level: 'pro' } },
    });
    expect(same.body.contactId).toBe(id);
    const byId = await api('POST', '/contacts', {
      body: { agentId: agent.id, distinctId: 'user_1', contactId: id, name: 'Ann B' },
    });
    expect(byId.body.contactId).toBe(id);

    const got = await api('GET', `/contacts/${id}`);
    expect(got.body).toMatchObject({
      id,
      agentId: agent.id,
      distinctId: 'user_1',
      name: 'Ann B',
      email: 'ann@example.com',
      phone: '+100',
    });
    expect(got.body.status).toBeUndefined();
    // in the order the keys were first set
    expect(got.body.attributes).toEqual([
      { key: 'planType', value: 'premium' },
      { key: 'seats', value: '3' },
      { key: 'level', value: 'pro' },
    ]);

    const list = await api('GET', `/contacts?agentId=${agent.id}`);
    expect(list.body).toMatchObject({ status: 'success', agentId: agent.id, totalCount: 1 });
    expect(
      (await api('POST', '/contacts', { body: { agentId: agent.id, distinctId: 'u', contactId: 'contact_missing' } }))
        .status,
    ).toBe(404);
    expect((await api('POST', '/contacts', { body: { agentId: agent.id } })).body.message).toContain('distinctId');
    expect(
      (await api('POST', '/contacts', { body: { agentId: agent.id, distinctId: 'u', attributes: 'x' } })).status,
    ).toBe(400);
    expect((await api('GET', '/contacts')).status).toBe(400);
    expect((await api('GET', '/contacts/contact_missing')).status).toBe(404);

    await api('POST', '/conversations', { body: { agentId: agent.id, question: 'hello there', contactId: id } });
    const convs = await api('GET', `/contacts/${id}/conversations?perPage=5`);
    expect(convs.body.data.meta).toMatchObject({ total: 1, perPage: 5, currentPage: 1 });
    expect(convs.body.data.conversations[0].contact).toMatchObject({
      id,
      name: 'Ann B',
      attributes: { planType: 'premium' },
    });
  });
});

describe('conversations and the AI answer', () => {
  let agentId: string;
  beforeAll(async () => {
    agentId = (await createAgent(api, 'Answers')).id;
    await api('POST', '/data-sources/text', {
      body: {
        agentId,
        title: 'Project Zephyr',
        content:
          'Our office opens at 9am. The launch code for project Zephyr is ZX-4417-QUOKKA. We ship to 40 countries.',
      },
    });
    await api('POST', '/data-sources/qa', {
      body: { agentId, question: 'Do you offer refunds?', answer: 'Yes, within 30 days of purchase.' },
    });
  });

  it('answers from the best-matching source and records sources', async () => {
    const sent = await api('POST', '/conversations', {
      body: { agentId, question: 'What is the launch code for project Zephyr?', ip: '10.0.0.1', country: 'US' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.message).toBe('Message sent successfully');
    expect(sent.body.data.response).toContain('ZX-4417-QUOKKA');
    const conv = await api('GET', `/conversations/${sent.body.data.conversationId}`);
    const [user, ai] = conv.body.data.messages;
    expect(user).toMatchObject({
      id: sent.body.data.messageId,
      role: 'user',
      content: 'What is the launch code for project Zephyr?',
      source: [],
      agent: null,
    });
    expect(ai).toMatchObject({ id: sent.body.data.responseMessageId, role: 'assistant' });
    expect(ai.source[0]).toMatchObject({ type: 'TEXT', link: null });
    expect(typeof ai.source[0].distance).toBe('number');
    expect(conv.body.data).toMatchObject({
      agentId,
      contactId: sent.body.data.contactId,
      isResolved: false,
      integrationType: 'PREVIEW',
    });

    const plain = await api('POST', '/conversations', {
      body: { agentId, question: 'refunds?', responseFormat: 'PLAIN', conversationId: sent.body.data.conversationId },
    });
    expect(plain.body.data.response).toBe('Yes, within 30 days of purchase.');
    expect(plain.body.data.conversationId).toBe(sent.body.data.conversationId);
    const md = await api('POST', '/conversations', { body: { agentId, question: 'Do you offer refunds?' } });
    expect(md.body.data.response).toContain('**Do you offer refunds?**');
  });

  it('says so when nothing is relevant and records an OUT_OF_CONTEXT suggestion', async () => {
    const sent = await api('POST', '/conversations', {
      body: { agentId, question: 'Which dinosaurs lived in Antarctica?' },
    });
    expect(sent.body.data.response).toMatch(/don't have information/);
    const list = await api('GET', `/ai-suggestions?agentId=${agentId}`);
    const suggestion = list.body.data.suggestions.find(
      (s: { id: string }) => s.id === sent.body.data.responseMessageId,
    );
    expect(suggestion).toMatchObject({
      evaluationTag: 'OUT_OF_CONTEXT',
      chatId: sent.body.data.conversationId,
      userMessage: { id: sent.body.data.messageId },
    });
    const one = await api('GET', `/ai-suggestions/${suggestion.id}`);
    expect(one.body.data.agentId).toBe(agentId);
    const dismissed = await api('DELETE', `/ai-suggestions/${suggestion.id}`);
    expect(dismissed.body).toEqual({
      status: 'success',
      message: 'AI suggestion dismissed',
      data: { id: suggestion.id, dismissed: true },
    });
    expect((await api('GET', `/ai-suggestions/${suggestion.id}`)).status).toBe(404);
    const after = await api(
      'GET',
      `/ai-suggestions?agentId=${agentId}&startDate=2020-01-01T00:00:00Z&endDate=2999-01-01`,
    );
    expect(after.body.data.suggestions.some((s: { id: string }) => s.id === suggestion.id)).toBe(false);
    expect((await api('GET', `/ai-suggestions?agentId=${agentId}&startDate=yesterday`)).status).toBe(400);
  });

  it('streams per D5 with ids, deltas and a done event equal to the JSON answer', async () => {
    const res = await api('POST', '/conversations', {
      body: { agentId, question: 'When does the office open?', streaming: true },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseEventStream(res.text);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i + 1)));
    const done = JSON.parse(events.at(-1)!.data);
    expect(events.at(-1)!.event).toBe('done');
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
      .join('');
    expect(text).toBe(done.response);
    expect(done.response).toContain('9am');
    const conv = await api('GET', `/conversations/${done.conversationId}`);
    expect(conv.body.data.messages[1].content).toBe(done.response);
  });

  it('validates the send body and unknown ids', async () => {
    expect((await api('POST', '/conversations', { body: { agentId } })).body.message).toContain('question');
    expect(
      (await api('POST', '/conversations', { body: { agentId, question: 'x', responseFormat: 'HTML' } })).body.message,
    ).toContain('responseFormat');
    expect(
      (await api('POST', '/conversations', { body: { agentId, question: 'x', streaming: 'yes' } })).body.message,
    ).toContain('streaming');
    expect((await api('POST', '/conversations', { body: { agentId: 'nope', question: 'x' } })).status).toBe(404);
    expect(
      (await api('POST', '/conversations', { body: { agentId, question: 'x', conversationId: 'chat_nope' } })).status,
    ).toBe(404);
    expect((await api('GET', '/conversations/chat_nope')).status).toBe(404);
  });

  it('replies as a team member, ends, and filters the list', async () => {
    const sent = await api('POST', '/conversations', {
      body: { agentId, question: 'This is terrible, my refund failed!', integrationType: 'WHATSAPP' },
    });
    const id = sent.body.data.conversationId as string;
    const reply = await api('POST', `/conversations/${id}/reply`, { body: { message: 'Sorry! Fixing it now.' } });
    expect(reply.body).toMatchObject({
      status: 'success',
      message: 'User reply sent successfully',
      data: { conversationId: id, message: { sender: 'AGENT', text: 'Sorry! Fixing it now.', type: 'TEXT' } },
    });
    const ownerId = reply.body.data.message.agent.id as string;
    const conv = await api('GET', `/conversations/${id}`);
    expect(conv.body.data).toMatchObject({ isAgent: true, agent: { id: ownerId } });
    expect(conv.body.data.messages[2]).toMatchObject({ role: 'agent', agent: { id: ownerId } });
    expect(
      (await api('POST', `/conversations/${id}/reply`, { body: { message: 'x', userId: 'user_nope' } })).status,
    ).toBe(404);
    expect((await api('POST', `/conversations/${id}/reply`, { body: {} })).status).toBe(400);

    const q = (query: string) =>
      api('GET', `/conversations?agentId=${agentId}&${query}`).then((r) =>
        (r.body.data.conversations as { id: string }[]).map((c) => c.id),
      );
    expect(await q('sentiment=NEGATIVE')).toContain(id);
    expect(await q('channel=WHATSAPP')).toEqual([id]);
    expect(await q('resolution=TalkToAgent')).toEqual([id]);
    expect(await q(`assignee=${ownerId}`)).toEqual([id]);
    expect(await q('assignee=ai')).not.toContain(id);
    expect(await q('type=your-inbox')).toEqual([id]);
    expect(await q('type=unassigned')).not.toContain(id);
    expect(await q('topic=billing')).toContain(id);
    expect(await q('status=open')).toContain(id);

    const end = await api('POST', `/conversations/${id}/end`);
    expect(end.body).toEqual({
      status: 'success',
      message: 'Conversation resolved successfully',
      data: { conversationId: id, userId: ownerId, contactId: sent.body.data.contactId },
    });
    expect((await api('POST', `/conversations/${id}/end`, { body: {} })).status).toBe(200);
    expect(await q('status=close')).toEqual([id]);
    expect(await q('status=open')).not.toContain(id);

    const now = Math.floor(Date.now() / 1000);
    expect(await q(`startDate=${now - 3600}&endDate=${now + 3600}`)).toContain(id);
    expect(await q('startDate=2001-01-01&endDate=2001-01-02')).toEqual([]);
    const asc = await q('sort=asc');
    const desc = await q('sort=desc');
    expect(asc).toEqual([...desc].reverse());
    expect((await api('GET', `/conversations?agentId=${agentId}&sort=sideways`)).body.message).toContain('sort');
    expect((await api('GET', `/conversations?agentId=${agentId}&status=closed`)).status).toBe(400);
    expect((await api('GET', `/conversations?agentId=${agentId}&startDate=soon`)).status).toBe(400);
    expect((await api('GET', '/conversations')).status).toBe(400);

    const views = await api('GET', `/conversations/views?agentId=${agentId}`);
    expect(views.body.data.meta.total).toBeGreaterThan(0);
    const negative = views.body.data.views.find((v: { name: string }) => v.name === 'Negative sentiment');
    expect(await q(`viewId=${negative.id}`)).toContain(id);
    const needsHuman = views.body.data.views.find((v: { name: string }) => v.name === 'Needs a human');
    expect(await q(`viewId=${needsHuman.id}&channel=WHATSAPP`)).toEqual([id]);
    const searched = await api('GET', `/conversations/views?agentId=${agentId}&search=BILLING`);
    expect(searched.body.data.views.map((v: { name: string }) => v.name)).toEqual(['Billing questions']);
    expect((await api('GET', `/conversations?agentId=${agentId}&viewId=view_nope`)).status).toBe(404);
  });
});

describe('data sources', () => {
  let page: Server;
  let pageUrl: string;
  beforeAll(async () => {
    page = createServer((req, res) => {
      if (req.url === '/about') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<html><head><title>About Quokka Inc</title><script>var x = "hidden";</script></head><body><h1>About</h1><p>Quokka Inc was founded in Perth in 1999 &amp; makes kites.</p></body></html>',
        );
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<p>${'x'.repeat(3 * 1024 * 1024)}</p>`);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => page.close(r));
  });

  const waitFor = async (agentId: string, id: string): Promise<{ status: string; title: string; text: string }> => {
    for (let i = 0; i < 100; i++) {
      const list = await api('GET', `/data-sources?agentId=${agentId}&source=WEBSITE&limit=100`);
      const item = list.body.data.items.find((x: { id: string }) => x.id === id);
      if (item.status !== 'PENDING') return item as { status: string; title: string; text: string };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('still pending');
  };

  it('adds text, qa, file and url sources, lists with filters, and bulk deletes', async () => {
    const agent = await createAgent(api, 'Sources');
    const text = await api('POST', '/data-sources/text', {
      body: { agentId: agent.id, title: 'T', content: 'Some text' },
    });
    expect(text.body).toEqual({
      status: 'success',
      data: {
        message: 'Added successfully',
        item: { id: expect.stringMatching(/^ds_/), source: 'TEXT', isGeneratedByAI: false },
      },
    });
    const qa = await api('POST', '/data-sources/qa', {
      body: { agentId: agent.id, question: 'Q?', answer: 'A.', isGeneratedByAI: true, relatedMessageId: 'msg_1' },
    });
    expect(qa.body.data.item).toMatchObject({ source: 'QA', isGeneratedByAI: true });
    for (const [fileType, source] of [
      ['pdf', 'PDF'],
      ['docx', 'DOCX'],
      ['image', 'IMAGE'],
    ] as const) {
      const f = await api('POST', '/data-sources/file', {
        body: { agentId: agent.id, title: 'F', content: 'file text', fileType },
      });
      expect(f.body.data.item.source).toBe(source);
    }
    expect(
      (
        await api('POST', '/data-sources/file', {
          body: { agentId: agent.id, title: 'F', content: 'x', fileType: 'PDF' },
        })
      ).body.message,
    ).toContain('fileType');

    const url = await api('POST', '/data-sources/url', { body: { agentId: agent.id, url: `${pageUrl}/about` } });
    expect(url.body.data.item.source).toBe('WEBSITE');
    const done = await waitFor(agent.id, url.body.data.item.id);
    expect(done).toMatchObject({ status: 'COMPLETED', title: 'About Quokka Inc' });
    expect(done.text).toContain('founded in Perth in 1999 & makes kites');
    expect(done.text).not.toContain('hidden');
    const failed = await api('POST', '/data-sources/url', { body: { agentId: agent.id, url: `${pageUrl}/missing` } });
    expect((await waitFor(agent.id, failed.body.data.item.id)).status).toBe('FAILED');
    const big = await api('POST', '/data-sources/url', { body: { agentId: agent.id, url: `${pageUrl}/big` } });
    expect((await waitFor(agent.id, big.body.data.item.id)).status).toBe('FAILED');
    expect(
      (await api('POST', '/data-sources/url', { body: { agentId: agent.id, url: 'ftp://example.com' } })).status,
    ).toBe(400);

    const answer = await api('POST', '/conversations', {
      body: { agentId: agent.id, question: 'When was Quokka founded?' },
    });
    expect(answer.body.data.response).toContain('1999');
    expect(answer.body.data.links).toEqual([{ link: `${pageUrl}/about`, type: 'WEBSITE' }]);

    const all = await api('GET', `/data-sources?agentId=${agent.id}&source=ALL&limit=2&page=2`);
    expect(all.body.data).toMatchObject({
      agentId: agent.id,
      totalCount: 8,
      pages: { page: 2, perPage: 2, totalPages: 4, hasNext: true, hasPrevious: true },
    });
    const files = await api('GET', `/data-sources?agentId=${agent.id}&source=PDF`);
    expect(files.body.data.totalCount).toBe(1);
    expect((await api('GET', `/data-sources?agentId=${agent.id}&source=VIDEO`)).status).toBe(400);

    const del = await api('DELETE', '/data-sources', {
      body: {
        agentId: agent.id,
        source: 'TEXT',
        id: text.body.data.item.id,
        ids: [qa.body.data.item.id, 'ds_missing'],
      },
    });
    expect(del.body.data).toEqual({
      message: '1 item deleted successfully',
      agentId: agent.id,
      source: 'TEXT',
      deleted: [text.body.data.item.id],
      notFound: [qa.body.data.item.id, 'ds_missing'],
    });
    expect((await api('DELETE', '/data-sources', { body: { agentId: agent.id, source: 'TEXT' } })).status).toBe(400);
    expect(
      (await api('DELETE', '/data-sources', { body: { agentId: agent.id, source: 'TEXT', ids: 'x' } })).status,
    ).toBe(400);
  });
});

describe('analytics', () => {
  it('computes all six endpoints from stored data', async () => {
    const agent = await createAgent(api, 'Analytics');
    await api('POST', '/data-sources/text', {
      body: { agentId: agent.id, title: 'Pricing', content: 'The Pro plan price is $49 per month.' },
    });
    const a = await api('POST', '/conversations', {
      body: { agentId: agent.id, question: 'What is the Pro plan price? Thanks, great!' },
    });
    await api('POST', '/conversations', { body: { agentId: agent.id, question: 'Is the moon made of cheese?' } });
    await api('POST', `/conversations/${a.body.data.conversationId}/reply`, { body: { message: 'Anything else?' } });
    await api('POST', `/conversations/${a.body.data.conversationId}/end`);
    const admin = apiFor(em);
    const csat = await admin('POST', `/_emulator/workspaces/${em.workspaceId}/csat`, {
      body: { agentId: agent.id, score: 5, comment: 'Great' },
    });
    expect(csat.status).toBe(200);

    const today = new Date().toISOString().slice(0, 10);
    const range = `agentId=${agent.id}&startDate=${today}&endDate=${today}`;
    const main = await api('GET', `/analytics?${range}`);
    expect(main.body.data.currentPeriod).toMatchObject({
      totalConversationCount: 2,
      openConversationCount: 1,
      closedConversationCount: 1,
      totalGoodResponse: 1,
      totalBadResponse: 1,
      goodResponseRate: 50,
      agentJoinedConversationRate: 50,
      averageAIAgentCSATScore: 5,
      totalAIAgentCSATResponses: 1,
    });
    expect(main.body.data.currentPeriod.dailyData).toEqual([
      { date: today, total: 2, aiResolved: 0, humanInvolved: 1 },
    ]);
    expect(main.body.data.currentPeriod.changes.totalConversationCount).toBe(100);

    const human = await api('GET', `/analytics/agent?${range}`);
    expect(human.body.data.currentPeriod).toMatchObject({
      totalConversationCount: 1,
      closedConversationCount: 1,
      avarageMessagesPerConversation: 3,
    });
    const fns = await api('GET', `/analytics/ai-functions?${range}`);
    expect(fns.body.data).toMatchObject({
      currentPeriod: { total: 0, totalFailed: 0, functions: [] },
      changes: { total: 0 },
    });
    const sat = await api('GET', `/analytics/csat?${range}&pageSize=5`);
    expect(sat.body.data.currentPeriod).toMatchObject({ averageScore: 5, totalResponses: 1 });
    expect(sat.body.data.metadata).toEqual({
      totalItemCount: 1,
      totalPageCount: 1,
      currentPage: 1,
      prev: null,
      next: null,
      pageSize: 5,
    });
    const sentiments = await api('GET', `/analytics/sentiments?${range}&timezone=America/New_York`);
    expect(sentiments.body.keys).toEqual(['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED']);
    const topics = await api('GET', `/analytics/topics?${range}&showAllTopics=true`);
    expect(topics.body.allTopics).toContainEqual({ name: 'Pricing', count: 1 });
    expect(topics.body.areAllTopicsVisible).toBe(true);

    expect(
      (await api('GET', `/analytics?agentId=${agent.id}&startDate=2024-02-30&endDate=2024-03-01`)).body.message,
    ).toContain('startDate');
    expect((await api('GET', `/analytics?agentId=${agent.id}&startDate=2024-03-02&endDate=2024-03-01`)).status).toBe(
      400,
    );
    expect((await api('GET', `/analytics/topics?${range}&timezone=Mars/Base`)).body.message).toContain('timezone');
  });
});

describe('streaming idempotency and logging', () => {
  it('replays a stored stream for the same Idempotency-Key without a second exchange', async () => {
    const agent = await createAgent(api, 'Replay');
    const body = { agentId: agent.id, question: 'Hello there, is anyone around to help?', streaming: true };
    const first = await api('POST', '/conversations', { body, headers: { 'idempotency-key': 'stream-1' } });
    const again = await api('POST', '/conversations', { body, headers: { 'idempotency-key': 'stream-1' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const done = (text: string): unknown => JSON.parse(parseEventStream(text).at(-1)!.data);
    expect(done(again.text)).toEqual(done(first.text));
    const list = await api('GET', `/conversations?agentId=${agent.id}`);
    expect(list.body.data.meta.total).toBe(1);
  });

  it('never writes keys to the access log', async () => {
    const lines: string[] = [];
    const logged = await withEmulator({ logger: (line) => lines.push(line) });
    try {
      await logged.api('GET', '/agents');
      await logged.api('GET', '/agents', { key: 'some-wrong-key-456' });
      await logged.api('POST', '/agents', { body: { name: logged.em.apiKey, isLiveChatEnabled: 'x' } });
      expect(lines.length).toBeGreaterThanOrEqual(3);
      const all = lines.join('\n');
      expect(all).not.toContain(logged.em.apiKey);
      expect(all).not.toContain('some-wrong-key-456');
      expect(all).toContain('GET /api/v2/agents 401');
    } finally {
      await logged.em.close();
    }
  });
});
