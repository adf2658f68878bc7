// Property-based robustness: random and malformed requests (extreme dates, workspace imports, hostile HTML
// served to URL sources) never produce a 5xx, never crash or block the server, and leave the database
// consistent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { openapiDocument } from '@livechatai/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { apiFor, createAgent, withEmulator, type Api } from './helpers.js';

let em: Emulator;
let api: Api;
let pages: Server;
let pageOrigin: string;
const known: Record<string, string> = {};
let sentinel: { agent: string; apiKey: string };
let exported: { format: string; version: number; tables: Record<string, Record<string, unknown>[]> };

// Hostile pages for URL sources (the emulator is started with allowPrivateUrls so that it fetches them).
const MB = 1024 * 1024;
const HOSTILE: Record<
  string,
  () => { type: string; body: Buffer | string; encoding?: string; status?: number; location?: string }
> = {
  '/deep': () => ({ type: 'text/html', body: '<div>'.repeat((2 * MB) / 5 - 10) }),
  '/scripts': () => ({ type: 'text/html', body: '<script>'.repeat(MB / 8) }),
  '/comments': () => ({ type: 'text/html', body: `<p>penguin facts</p>${'<!--'.repeat(MB / 4)}` }),
  '/tags': () => ({ type: 'text/html', body: '<a href="x" '.repeat(MB / 12) }),
  '/brackets': () => ({ type: 'text/html', body: '<'.repeat(2 * MB - 1) }),
  '/title': () => ({ type: 'text/html', body: `<title>${'t '.repeat(MB / 2)}` }),
  '/entities': () => ({ type: 'text/html', body: '&amp;&#128512;&bogus;'.repeat(MB / 24) }),
  '/bomb': () => ({ type: 'text/html', encoding: 'gzip', body: gzipSync(Buffer.alloc(20 * MB, 'a')) }),
  '/too-big': () => ({ type: 'text/html', body: 'x'.repeat(3 * MB) }),
  '/binary': () => ({ type: 'application/octet-stream', body: Buffer.alloc(100) }),
  '/redirect-local': () => ({ type: 'text/html', body: '', status: 302, location: 'http://127.0.0.1:9/' }),
  '/redirect-loop': () => ({ type: 'text/html', body: '', status: 301, location: '/redirect-loop' }),
  '/ok': () => ({ type: 'text/html', body: '<title>Penguins</title><p>Penguins cannot fly.</p>' }),
};

let loop: IntervalHistogram;
/** How long one request (or one block of the event loop) may take before it counts as a hang. */
const HANG_MS = 15_000;

beforeAll(async () => {
  pages = createServer((req, res) => {
    const page = HOSTILE[req.url ?? '']?.();
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status ?? 200, {
      'content-type': page.type,
      ...(page.encoding ? { 'content-encoding': page.encoding } : {}),
      ...(page.location ? { location: page.location } : {}),
    });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

  ({ em, api } = await withEmulator({ urlFetchTimeoutMs: 300, allowPrivateUrls: true }));
  const agent = await createAgent(api, 'Fuzz target');
  known.agent = agent.id;
  await api('POST', '/data-sources/text', {
    body: { agentId: agent.id, title: 'Facts', content: 'Penguins live in the southern hemisphere.' },
  });
  const sent = await api('POST', '/conversations', {
    body: { agentId: agent.id, question: 'Where do penguins live?' },
  });
  known.conversation = sent.body.data.conversationId;
  known.contact = sent.body.data.contactId;
  known.deletable = (await createAgent(api, 'Fuzz deletable')).id;
  // A workspace the fuzzer never names: its data must come through unchanged.
  const ws = await em.createWorkspace({ name: 'Sentinel', seed: 'demo' });
  const sentinelApi = apiFor(em, ws.apiKey);
  const sentinelAgent = await createAgent(sentinelApi, 'Sentinel');
  await sentinelApi('POST', '/data-sources/text', {
    body: { agentId: sentinelAgent.id, title: 'Emperors', content: 'Emperor penguins breed in the Antarctic winter.' },
  });
  sentinel = { agent: sentinelAgent.id, apiKey: ws.apiKey };
  exported = (await sentinelApi('GET', `/_emulator/workspaces/${ws.workspaceId}/export`)).body;
  known.foreignAgent = exported.tables.agents?.[0]?.id as string;

  loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
});
afterAll(async () => {
  loop.disable();
  await em.close();
  await new Promise((resolve) => pages.close(resolve));
});

// the error codes the contract allows (decisions D6), from the OpenAPI document itself
const CODES = openapiDocument.components.schemas.ErrorCode?.enum as string[];

/** One of the ids made in beforeAll: read when a value is generated (the arbitraries are built before it runs). */
const knownId = (...names: string[]): fc.Arbitrary<string> =>
  fc.constantFrom(...names).map((name) => known[name] ?? 'x');

// Paths name a second agent ('deletable'): a random DELETE of the main agent would turn the rest of the run into 404s.
const id = (): fc.Arbitrary<string> =>
  fc.oneof(
    knownId('deletable', 'conversation', 'contact', 'foreignAgent'),
    fc.constantFrom('acme', 'views', '..', '%2F', '%00', 'a'.repeat(300)),
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

const PARAMS = [
  'agentId',
  'page',
  'limit',
  'perPage',
  'pageSize',
  'type',
  'sort',
  'status',
  'startDate',
  'endDate',
  'sentiment',
  'topic',
  'channel',
  'resolution',
  'assignee',
  'viewId',
  'source',
  'search',
  'timezone',
  'isEmbed',
  'showAllTopics',
  'userId',
];
// Dates at and past every edge: year 0 and 9999, the Unix epoch, JavaScript's last date, 12-digit seconds,
// impossible days, and ranges just under and far over the 10-year analytics limit.
const EXTREME_DATES = [
  '0000-01-01',
  '0001-01-01',
  '1970-01-01',
  '1969-12-31',
  '2016-02-29',
  '2023-02-29',
  '2024-13-45',
  '9999-12-31',
  '275760-09-13',
  '0',
  '1',
  '999999999999',
  '99999999999999',
  '-1',
  '1e9',
  '2024-01-01T00:00:00Z',
  '2024-01-01T25:00:00Z',
  '+002024-01-01',
];
const dateValue = fc.oneof(
  fc.constantFrom(...EXTREME_DATES),
  fc
    .date({ min: new Date(-62_135_596_800_000), max: new Date(253_402_300_799_000), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 200 }).map(String),
  knownId('agent'),
  fc.constantFrom(
    'ALL',
    'TEXT',
    'open',
    'close',
    'asc',
    'desc',
    'ai',
    'POSITIVE',
    'WHATSAPP',
    'AIHelped',
    '2024-01-01',
    '2024-13-45',
    '1700000000',
    'UTC',
    'Nowhere/City',
    'true',
    '',
    '1000000',
    '1000001',
  ),
);
const pair = fc.oneof(
  fc.tuple(fc.constantFrom(...PARAMS), value),
  fc.tuple(fc.constant('agentId'), knownId('agent')),
  fc.tuple(fc.constantFrom('startDate', 'endDate'), dateValue),
);
const query = fc.oneof(
  fc.array(pair, { maxLength: 5 }).map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '')),
  // a valid-looking analytics window with extreme dates
  fc
    .tuple(dateValue, dateValue, fc.constantFrom('UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Nowhere/City'))
    .map(
      ([startDate, endDate, timezone]) =>
        `?${new URLSearchParams({ agentId: known.agent ?? 'x', startDate, endDate, timezone }).toString()}`,
    ),
);

const FIELDS = [
  'agentId',
  'name',
  'isLiveChatEnabled',
  'question',
  'conversationId',
  'contactId',
  'streaming',
  'responseFormat',
  'messageType',
  'integrationType',
  'message',
  'userId',
  'distinctId',
  'attributes',
  'title',
  'content',
  'url',
  'answer',
  'fileType',
  'source',
  'id',
  'ids',
  'isGeneratedByAI',
];
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  knownId('agent', 'conversation', 'contact', 'foreignAgent'),
  fc.constantFrom(true, false, 'TEXT', 'pdf', 'PLAIN', 'http://127.0.0.1:9/none', 'Where do penguins live?', null),
  fc.constantFrom(...Object.keys(HOSTILE)).map((p) => `${pageOrigin}${p}`),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constant(undefined),
);

/** A workspace export, mutated: tables replaced by junk, rows pointing at another workspace, fields of the wrong type. */
const mutatedExport = fc
  .tuple(
    fc.constantFrom(
      'agents',
      'contacts',
      'conversations',
      'messages',
      'data_sources',
      'suggestions',
      'views',
      'csat',
      'workspaces',
      'tables',
      'none',
    ),
    fc.constantFrom('junk', 'null', 'foreign-agent', 'drop-field', 'wrong-type', 'duplicate', 'empty'),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(([table, how, junk]) => {
    const data = structuredClone(exported) as { format: string; version: number; tables: Record<string, unknown> };
    if (table === 'tables') {
      data.tables = how === 'null' ? (null as never) : (junk as never);
      return JSON.stringify(data);
    }
    const rows = data.tables[table] as Record<string, unknown>[] | undefined;
    const row = rows?.[0];
    if (table === 'none' || !rows) return JSON.stringify(data);
    if (how === 'junk') data.tables[table] = junk;
    else if (how === 'null') data.tables[table] = null;
    else if (how === 'empty') data.tables[table] = [];
    else if (how === 'duplicate' && row) rows.push({ ...row });
    else if (row && how === 'foreign-agent') row.agentId = known.agent;
    else if (row && how === 'drop-field') {
      const dropped = Object.keys(row)[1] ?? 'id';
      rows[0] = Object.fromEntries(Object.entries(row).filter(([k]) => k !== dropped));
    } else if (row && how === 'wrong-type') row[Object.keys(row)[2] ?? 'id'] = junk;
    return JSON.stringify(data);
  });

const importRequest = fc.record({
  admin: fc.constant(true as const),
  body: fc.oneof(
    { weight: 4, arbitrary: mutatedExport },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  ),
  auth: fc.constantFrom('good', 'good', 'good', 'bad', 'none'),
});

/** Well-formed requests with extreme values, so that the handlers themselves (not only validation) run. */
const ANALYTICS = [
  '/analytics',
  '/analytics/agent',
  '/analytics/ai-functions',
  '/analytics/csat',
  '/analytics/sentiments',
  '/analytics/topics',
];
const wellFormed = fc
  .oneof(
    fc.constantFrom(...Object.keys(HOSTILE)).map((p) => ({
      method: 'POST',
      path: '/data-sources/url',
      body: () => ({ agentId: known.agent, url: `${pageOrigin}${p}` }),
    })),
    fc.tuple(fc.constantFrom(...ANALYTICS), dateValue, dateValue).map(([p, startDate, endDate]) => ({
      method: 'GET',
      path: `${p}?${new URLSearchParams({ startDate, endDate }).toString()}`,
      body: () => undefined,
    })),
    fc
      .tuple(
        fc.string({ maxLength: 40 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 5 }),
      )
      .map(([distinctId, attributes]) => ({
        method: 'POST',
        path: '/contacts',
        body: () => ({ agentId: known.agent, distinctId: distinctId || 'v', attributes }),
      })),
    fc.string({ minLength: 1, maxLength: 200 }).map((question) => ({
      method: 'POST',
      path: '/conversations',
      body: () => ({ agentId: known.agent, question }),
    })),
    fc.tuple(dateValue, dateValue).map(([startDate, endDate]) => ({
      method: 'GET',
      path: `/conversations?${new URLSearchParams({ startDate, endDate }).toString()}`,
      body: () => undefined,
    })),
  )
  .map((r) => ({ wellFormed: true as const, ...r }));

const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'DELETE', 'PUT', 'PATCH'),
  path,
  query,
  body,
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    undefined,
  ),
  auth: fc.constantFrom('good', 'good', 'good', 'bad', 'none'),
  idempotencyKey: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
});

const RUNS = 1500;

describe('robustness', () => {
  it('answers random and malformed requests without a 5xx or a blocked loop, and keeps the database consistent', async () => {
    let runs = 0;
    let answered = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 7, arbitrary: request },
          { weight: 2, arbitrary: wellFormed },
          { weight: 1, arbitrary: importRequest },
        ),
        async (req) => {
          runs++;
          const headers: Record<string, string> = {};
          const auth = 'wellFormed' in req ? 'good' : req.auth;
          if (auth === 'good') headers.authorization = `Bearer ${em.apiKey}`;
          if (auth === 'bad') headers.authorization = 'Bearer not-a-key';
          let url: string;
          let init: RequestInit;
          let label: string;
          if ('wellFormed' in req) {
            const payload = req.body();
            const agent =
              req.method === 'GET' ? `${req.path.includes('?') ? '&' : '?'}agentId=${known.agent ?? 'x'}` : '';
            if (payload !== undefined) headers['content-type'] = 'application/json';
            url = `${em.url}${req.path}${agent}`;
            init = { method: req.method, headers, ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}) };
            label = `${req.method} ${req.path} ${JSON.stringify(payload)}`;
          } else if ('admin' in req) {
            headers['content-type'] = 'application/json';
            url = `${em.origin}/_emulator/workspaces/import`;
            init = { method: 'POST', headers, body: req.body };
            label = `POST /_emulator/workspaces/import ${req.body.slice(0, 200)}`;
          } else {
            if (req.contentType) headers['content-type'] = req.contentType;
            if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
            const payload = req.method === 'GET' ? undefined : req.body;
            url = `${em.url}${req.path}${req.query}`;
            init = { method: req.method, headers, ...(payload !== undefined ? { body: payload } : {}) };
            label = `${req.method} ${req.path}${req.query} ${String(req.body)}`;
          }
          // a request that hangs (a spinning handler, a stalled loop) fails here instead of stalling the run
          const res = await fetch(url, { ...init, signal: AbortSignal.timeout(HANG_MS) });
          const text = await res.text();
          answered++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, label).toBeLessThan(500);
          expect(res.headers.get('x-request-id')).toBeTruthy();
          if (res.status >= 400) {
            const err = JSON.parse(text) as { status: string; code: string; message: string };
            expect(err.status).toBe('error');
            expect(CODES).toContain(err.code);
            expect(err.message.length).toBeGreaterThan(0);
            expect(err.message, label).not.toMatch(/sqlite|constraint failed/i);
          }
        },
      ),
      { numRuns: RUNS, seed: 4242 },
    );
    // every request got an answer, and the mix reached the handlers (not only 400s and 404s)
    expect(runs).toBe(RUNS);
    expect(answered).toBe(RUNS);
    const mix = JSON.stringify([...statuses]);
    expect(statuses.get(200) ?? 0, mix).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0, mix).toBeGreaterThan(100);
    expect(statuses.get(405) ?? 0, mix).toBeGreaterThan(0);
    // The URL fetches started above finish in the background (300 ms timeout each): every hostile page ended
    // as COMPLETED or FAILED, none is stuck.
    const db = em.store.db;
    const websites = (): Record<string, number> =>
      Object.fromEntries(
        (
          db
            .prepare("SELECT status, COUNT(*) AS n FROM data_sources WHERE source = 'WEBSITE' GROUP BY status")
            .all() as { status: string; n: number }[]
        ).map((r) => [r.status, r.n]),
      );
    for (let i = 0; i < 200 && websites().PENDING; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(websites()).toMatchObject({ COMPLETED: expect.any(Number), FAILED: expect.any(Number) });
    expect(websites().PENDING).toBeUndefined();
    expect((await api('GET', '/_emulator/health')).status).toBe(200);
    // No request (nor a background fetch) held the event loop as long as a hang: the emulator runs in this
    // process, so a handler that spun would show as a late timer. A liveness bound, not a speed limit: the bugs
    // this guards against blocked for minutes (until out of memory); a loaded CI machine delays timers by up to
    // a second or so, and the per-request speed is measured by ratios where it matters (fetch-page.test.ts).
    expect(loop.max / 1e6, `longest event-loop block (ms); statuses ${mix}`).toBeLessThan(HANG_MS);
    // The workspace the fuzzer never named is untouched and still answers from its own data.
    const sentinelApi = apiFor(em, sentinel.apiKey);
    expect((await sentinelApi('GET', '/agents?limit=100')).body.totalCount).toBe(4);
    const answer = await sentinelApi('POST', '/conversations', {
      body: { agentId: sentinel.agent, question: 'When do emperor penguins breed?' },
    });
    expect(answer.body.data.response).toContain('Antarctic winter');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orphans = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(
      orphans(
        'SELECT COUNT(*) AS n FROM messages m WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = m.conversation_id)',
      ),
    ).toBe(0);
    expect(
      orphans(
        'SELECT COUNT(*) AS n FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM contacts t WHERE t.id = c.contact_id)',
      ),
    ).toBe(0);
    expect(
      orphans(
        'SELECT COUNT(*) AS n FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = c.agent_id)',
      ),
    ).toBe(0);
    expect(
      orphans(
        'SELECT COUNT(*) AS n FROM chunks k WHERE NOT EXISTS (SELECT 1 FROM data_sources d WHERE d.id = k.data_source_id)',
      ),
    ).toBe(0);
    // The full-text index agrees with the chunks it indexes (at least the sentinel's fact is in both).
    const indexed = orphans("SELECT COUNT(*) AS n FROM chunk_fts WHERE chunk_fts MATCH 'emperor'");
    expect(indexed).toBeGreaterThanOrEqual(1);
    expect(indexed).toBe(
      orphans("SELECT COUNT(*) AS n FROM chunks WHERE text LIKE '%emperor%' OR title LIKE '%emperor%'"),
    );
    db.exec("INSERT INTO chunk_fts(chunk_fts) VALUES('integrity-check')");
    // ~3 s alone, up to ~30 s while the rest of `pnpm check` shares the 2 cores: a test of behaviour, not of
    // time, so it gets room to finish
  }, 180_000);
});
