// Property-based robustness: random and malformed requests never produce a 5xx, never crash the server,
// and leave the database consistent.
import { openapiDocument } from '@livechatai/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { createAgent, withEmulator, type Api } from './helpers.js';

let em: Emulator;
let api: Api;
const known: Record<string, string> = {};

beforeAll(async () => {
  ({ em, api } = await withEmulator({ urlFetchTimeoutMs: 300 }));
  const agent = await createAgent(api, 'Fuzz target');
  known.agent = agent.id;
  await api('POST', '/data-sources/text', { body: { agentId: agent.id, title: 'Facts', content: 'Penguins live in the southern hemisphere.' } });
  const sent = await api('POST', '/conversations', { body: { agentId: agent.id, question: 'Where do penguins live?' } });
  known.conversation = sent.body.data.conversationId;
  known.contact = sent.body.data.contactId;
});
afterAll(async () => {
  await em.close();
});

// the error codes the contract allows (decisions D6), from the OpenAPI document itself
const CODES = openapiDocument.components.schemas.ErrorCode?.enum as string[];

const id = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(known.agent ?? 'x', known.conversation ?? 'x', known.contact ?? 'x', 'acme', 'views', '..', '%2F', '%00', 'a'.repeat(300)),
    fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s)),
  );

const path = fc.oneof(
  fc.constantFrom(
    '/agents',
    '/chatbots',
    '/contacts',
    '/conversations',
    '/conversations/views',
    '/data-sources',
    '/data-sources/text',
    '/data-sources/url',
    '/data-sources/qa',
    '/data-sources/file',
    '/ai-suggestions',
    '/analytics',
    '/analytics/agent',
    '/analytics/ai-functions',
    '/analytics/csat',
    '/analytics/sentiments',
    '/analytics/topics',
  ),
  id().map((x) => `/agents/${x}`),
  id().map((x) => `/contacts/${x}`),
  id().map((x) => `/contacts/${x}/conversations`),
  id().map((x) => `/conversations/${x}`),
  id().map((x) => `/conversations/${x}/reply`),
  id().map((x) => `/conversations/${x}/end`),
  id().map((x) => `/ai-suggestions/${x}`),
  fc.webPath(),
);

const PARAMS = ['agentId', 'page', 'limit', 'perPage', 'pageSize', 'type', 'sort', 'status', 'startDate', 'endDate', 'sentiment', 'topic', 'channel', 'resolution', 'assignee', 'viewId', 'source', 'search', 'timezone', 'isEmbed', 'showAllTopics', 'userId'];
const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.constantFrom(known.agent ?? 'x', 'ALL', 'TEXT', 'open', 'close', 'asc', 'desc', 'ai', 'POSITIVE', 'WHATSAPP', 'AIHelped', '2024-01-01', '2024-13-45', '1700000000', 'UTC', 'Nowhere/City', 'true'),
);
const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 5 }).map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));

const FIELDS = ['agentId', 'name', 'isLiveChatEnabled', 'question', 'conversationId', 'contactId', 'streaming', 'responseFormat', 'messageType', 'integrationType', 'message', 'userId', 'distinctId', 'attributes', 'title', 'content', 'url', 'answer', 'fileType', 'source', 'id', 'ids', 'isGeneratedByAI'];
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(known.agent ?? 'x', known.conversation ?? 'x', known.contact ?? 'x', true, false, 'TEXT', 'pdf', 'PLAIN', 'http://127.0.0.1:9/none', 'Where do penguins live?'),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constant(undefined),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'DELETE', 'PUT', 'PATCH'),
  path,
  query,
  body,
  contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', undefined),
  auth: fc.constantFrom('good', 'good', 'good', 'bad', 'none'),
  idempotencyKey: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
});

describe('robustness', () => {
  it('answers random and malformed requests without a 5xx and keeps the database consistent', async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        count++;
        const headers: Record<string, string> = {};
        if (req.auth === 'good') headers.authorization = `Bearer ${em.apiKey}`;
        if (req.auth === 'bad') headers.authorization = 'Bearer not-a-key';
        if (req.contentType) headers['content-type'] = req.contentType;
        if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
        const payload = req.method === 'GET' ? undefined : req.body;
        const res = await fetch(`${em.url}${req.path}${req.query}`, { method: req.method, headers, ...(payload !== undefined ? { body: payload } : {}) });
        const text = await res.text();
        expect(res.status, `${req.method} ${req.path}${req.query} ${String(req.body)}`).toBeLessThan(500);
        expect(res.headers.get('x-request-id')).toBeTruthy();
        if (res.status >= 400) {
          const err = JSON.parse(text) as { status: string; code: string; message: string };
          expect(err.status).toBe('error');
          expect(CODES).toContain(err.code);
          expect(err.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500, seed: 4242 },
    );
    expect(count).toBe(1500);
    expect((await api('GET', '/_emulator/health')).status).toBe(200);
    const db = em.store.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orphans = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(orphans('SELECT COUNT(*) AS n FROM messages m WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = m.conversation_id)')).toBe(0);
    expect(orphans('SELECT COUNT(*) AS n FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM contacts t WHERE t.id = c.contact_id)')).toBe(0);
    expect(orphans('SELECT COUNT(*) AS n FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = c.agent_id)')).toBe(0);
    expect(orphans('SELECT COUNT(*) AS n FROM chunks k WHERE NOT EXISTS (SELECT 1 FROM data_sources d WHERE d.id = k.data_source_id)')).toBe(0);
    expect(orphans("SELECT COUNT(*) AS n FROM chunk_fts WHERE chunk_fts MATCH 'penguins'")).toBeGreaterThanOrEqual(0);
    db.exec("INSERT INTO chunk_fts(chunk_fts) VALUES('integrity-check')");
    // 1500 requests take ~20 s alone and ~30 s while the rest of `pnpm check` shares the 2 cores: a test of
    // behaviour, not of time, so it gets room to finish
  }, 180_000);
});
