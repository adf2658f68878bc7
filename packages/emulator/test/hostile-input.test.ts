// Hostile input (issue 13): no request blocks the server, URL sources never reach local-only addresses unless
// the emulator was started to allow it, the import route needs a key and keeps to the caller's workspace,
// wrong methods answer 405, and malformed query/body values answer 400.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { apiFor, createAgent, withEmulator, type Api } from './helpers.js';
import { maxLoopBlockMs } from './loop-delay.js';

let em: Emulator;
let api: Api;

beforeAll(async () => {
  ({ em, api } = await withEmulator({ urlFetchTimeoutMs: 2000 }));
});
afterAll(async () => {
  await em.close();
});

// How long one request may hold the event loop before it counts as blocking it: a liveness bound, not a speed
// limit. The failures this guards against held it for minutes (until out of memory); a loaded CI machine, with
// the whole of `pnpm check` sharing its cores, has delayed a timer by over a second without any blocking.
const BLOCK_LIMIT_MS = 5000;

describe('analytics date ranges', () => {
  const ANALYTICS = [
    '/analytics',
    '/analytics/agent',
    '/analytics/ai-functions',
    '/analytics/csat',
    '/analytics/sentiments',
    '/analytics/topics',
  ];

  it('refuses a range over 10 years before listing its days, and other requests are answered meanwhile', async () => {
    const agent = await createAgent(api, 'Range');
    for (const path of ANALYTICS) {
      const { result, maxBlockMs } = await maxLoopBlockMs(() =>
        Promise.all([
          api('GET', `${path}?agentId=${agent.id}&startDate=2020-01-01&endDate=9999-12-31`),
          api('GET', '/_emulator/health'),
          api('GET', `/agents/${agent.id}`),
        ]),
      );
      const [range, health, retrieve] = result;
      expect(range.status, path).toBe(400);
      expect(range.body).toMatchObject({ status: 'error', code: 'validation_error' });
      expect(range.body.message).toContain('10 years');
      expect(health.status).toBe(200);
      expect(retrieve.status).toBe(200);
      expect(maxBlockMs, `${path} blocked the event loop`).toBeLessThan(BLOCK_LIMIT_MS);
    }
    const justOver = await api('GET', `/analytics?agentId=${agent.id}&startDate=2015-01-01&endDate=2025-01-31`);
    expect(justOver.status).toBe(400);
  });

  it('answers a full 10-year range over stored conversations without holding the loop', async () => {
    const agent = await createAgent(api, 'Decade');
    await api('POST', '/data-sources/text', {
      body: { agentId: agent.id, title: 'Hours', content: 'We open at nine.' },
    });
    for (let i = 0; i < 30; i++)
      await api('POST', '/conversations', { body: { agentId: agent.id, question: `When do you open? (${i})` } });
    const end = new Date().toISOString().slice(0, 10);
    const start = new Date(Date.now() - 3659 * 86_400_000).toISOString().slice(0, 10);
    for (const path of ANALYTICS) {
      const { result, maxBlockMs } = await maxLoopBlockMs(() =>
        api('GET', `${path}?agentId=${agent.id}&startDate=${start}&endDate=${end}`),
      );
      expect(result.status, path).toBe(200);
      expect(maxBlockMs, `${path} blocked the event loop`).toBeLessThan(BLOCK_LIMIT_MS);
    }
    const overview = await api('GET', `/analytics?agentId=${agent.id}&startDate=${start}&endDate=${end}`);
    expect(overview.body.data.currentPeriod.dailyData).toHaveLength(3660);
    expect(overview.body.data.currentPeriod.dailyData.at(-1)).toMatchObject({ date: end, total: 30 });
    expect(overview.body.data.currentPeriod.totalConversationCount).toBe(30);
    const sentiments = await api('GET', `/analytics/sentiments?agentId=${agent.id}&startDate=${start}&endDate=${end}`);
    expect(sentiments.body.data).toHaveLength(3660);
  });
});

describe('URL data sources and local-only addresses', () => {
  let page: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    page = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<title>Internal</title><p>The admin password is hunter2.</p>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    port = (page.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => page.close(resolve));
  });

  const settle = async (
    target: Emulator,
    agentId: string,
    id: string,
  ): Promise<{ status: string; text: string; title: string }> => {
    const call = apiFor(target);
    for (let i = 0; i < 200; i++) {
      const list = await call('GET', `/data-sources?agentId=${agentId}&source=WEBSITE&limit=100`);
      const item = (list.body.data.items as { id: string; status: string; text: string; title: string }[]).find(
        (x) => x.id === id,
      );
      if (item && item.status !== 'PENDING') return item;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('still pending');
  };

  it('refuses loopback, unspecified and private addresses in every spelling, without connecting', async () => {
    const agent = await createAgent(api, 'No SSRF');
    const urls = [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://LocalHost:${port}/`,
      `http://2130706433:${port}/`, // decimal 127.0.0.1
      `http://0x7f.0.0.1:${port}/`, // hex
      `http://0177.0.0.1:${port}/`, // octal
      `http://127.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`, // IPv4-mapped IPv6
      `http://[::1]:${port}/`,
      `http://0.0.0.0:${port}/`,
      `http://0:${port}/`,
      `http://[::]:${port}/`,
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://169.254.169.254/latest/meta-data/', // link-local (cloud metadata)
      'http://100.64.0.1/', // carrier-grade NAT
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
      'http://224.0.0.1/',
    ];
    const ids: string[] = [];
    for (const url of urls) {
      const added = await api('POST', '/data-sources/url', { body: { agentId: agent.id, url } });
      expect(added.status, url).toBe(200);
      ids.push(added.body.data.item.id as string);
    }
    for (const [i, id] of ids.entries()) {
      const done = await settle(em, agent.id, id);
      expect(done.status, urls[i]).toBe('FAILED');
      expect(done.text).toBe('');
      const row = await em.store.getDataSource(em.workspaceId, id);
      expect(row?.error, urls[i]).toMatch(/refused/);
    }
    expect(hits).toBe(0);
    const answer = await api('POST', '/conversations', {
      body: { agentId: agent.id, question: 'What is the admin password?' },
    });
    expect(answer.body.data.response).not.toContain('hunter2');
  });

  it('fetches local pages only when started with allowPrivateUrls (or the environment variable)', async () => {
    const before = hits;
    const local = await withEmulator({ allowPrivateUrls: true });
    process.env.LIVECHATAI_EMULATOR_ALLOW_PRIVATE_URLS = '1';
    const fromEnv = await withEmulator().finally(() => {
      delete process.env.LIVECHATAI_EMULATOR_ALLOW_PRIVATE_URLS;
    });
    try {
      for (const target of [local.em, fromEnv.em]) {
        const agent = await createAgent(apiFor(target), 'Local pages');
        const added = await apiFor(target)('POST', '/data-sources/url', {
          body: { agentId: agent.id, url: `http://localhost:${port}/` },
        });
        const done = await settle(target, agent.id, added.body.data.item.id as string);
        expect(done).toMatchObject({ status: 'COMPLETED', title: 'Internal' });
      }
      expect(hits).toBe(before + 2);
    } finally {
      await local.em.close();
      await fromEnv.em.close();
    }
  });
});

describe('the import route', () => {
  let victim: { workspaceId: string; apiKey: string };
  let victimAgent: string;
  let exported: { format: string; tables: Record<string, Record<string, unknown>[]> };

  beforeAll(async () => {
    victim = await em.createWorkspace({ name: 'Victim' });
    victimAgent = (await createAgent(apiFor(em, victim.apiKey), 'Victim agent')).id;
    const source = await em.createWorkspace({ name: 'Source', seed: 'demo' });
    exported = (await apiFor(em, source.apiKey)('GET', `/_emulator/workspaces/${source.workspaceId}/export`)).body;
  });

  const importAs = (key: string | null, body: unknown, headers: Record<string, string> = {}) =>
    api('POST', '/_emulator/workspaces/import', {
      key,
      ...(typeof body === 'string'
        ? { rawBody: body, headers: { 'content-type': 'application/json', ...headers } }
        : { body, headers }),
    });

  it('needs a key that may write', async () => {
    expect((await importAs(null, exported)).status).toBe(401);
    expect((await importAs('lcai_not-a-key', exported)).status).toBe(401);
    const readOnly = await em.mintKey({ readOnly: true, workspaceId: victim.workspaceId });
    expect((await importAs(readOnly, exported)).status).toBe(403);
  });

  it('validates the payload with 400 envelopes', async () => {
    const target = await em.createWorkspace({ name: 'Target' });
    const bad: unknown[] = [
      { format: 'livechatai-emulator-workspace', tables: null },
      { format: 'livechatai-emulator-workspace', tables: [] },
      { format: 'livechatai-emulator-workspace', tables: { agents: 'x' } },
      { format: 'livechatai-emulator-workspace', tables: { agents: [null] } },
      { format: 'livechatai-emulator-workspace', tables: { agents: [{ id: 7 }] } },
      { format: 'livechatai-emulator-workspace', tables: { nonsense: [] } },
      { format: 'nope', tables: {} },
      [],
      null,
    ];
    for (const body of bad) {
      const res = await importAs(target.apiKey, JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ status: 'error', code: 'validation_error' });
    }
  });

  it('keeps every row in the caller workspace: references to other workspaces are refused without a 500 or a leak', async () => {
    const attacker = await em.createWorkspace({ name: 'Attacker' });
    const ws = exported.tables.workspaces![0]!.id as string;
    const contactOnVictim = {
      format: 'livechatai-emulator-workspace',
      version: 1,
      tables: {
        workspaces: [{ id: ws, name: 'x', createdAt: 0 }],
        contacts: [
          {
            id: 'contact_poison',
            workspaceId: ws,
            agentId: victimAgent,
            distinctId: 'visitor-1',
            name: null,
            email: null,
            phone: null,
            country: null,
            ip: null,
            chatSource: 'api',
            threadId: null,
            attributes: {},
            createdAt: 0,
            updatedAt: 0,
          },
        ],
      },
    };
    const refused = await importAs(attacker.apiKey, contactOnVictim);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/contacts/);
    // the same answer for an agent id that exists nowhere: nothing tells which ids exist
    const unknown = structuredClone(contactOnVictim);
    unknown.tables.contacts[0]!.agentId = 'clnotanagentanywhere0';
    const other = await importAs(attacker.apiKey, unknown);
    expect(other.status).toBe(400);
    expect(other.body.message.replace('clnotanagentanywhere0', victimAgent)).toBe(refused.body.message);
    for (const res of [refused, other]) expect(res.text).not.toMatch(/sqlite|constraint|UNIQUE|FOREIGN/i);
    // the victim's own upsert of the same visitor still works
    const upsert = await apiFor(em, victim.apiKey)('POST', '/contacts', {
      body: { agentId: victimAgent, distinctId: 'visitor-1' },
    });
    expect(upsert.status).toBe(200);
  });

  it('imports into the caller workspace with fresh ids, so a second import never collides', async () => {
    const target = await em.createWorkspace({ name: 'Copies' });
    const call = apiFor(em, target.apiKey);
    const first = await importAs(target.apiKey, exported);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ workspaceId: target.workspaceId, imported: { agents: 3 } });
    const second = await importAs(target.apiKey, exported);
    expect(second.status).toBe(200);
    const agents = (await call('GET', '/agents?limit=100')).body.data as { id: string; slug: string; name: string }[];
    expect(agents).toHaveLength(6);
    const originalIds = new Set((exported.tables.agents ?? []).map((a) => a.id));
    expect(agents.some((a) => originalIds.has(a.id))).toBe(false);
    expect(agents.map((a) => a.slug).sort()).toEqual(expect.arrayContaining(['acme-support', 'acme-support-2']));
    // the copy is usable: conversations, contacts and answers from the imported sources
    const support = agents.find((a) => a.slug === 'acme-support')!;
    const conversations = await call('GET', `/conversations?agentId=${support.id}&perPage=100`);
    expect(conversations.body.data.meta.total).toBeGreaterThanOrEqual(24);
    const one = await call('GET', `/conversations/${conversations.body.data.conversations[0].id as string}`);
    expect(one.body.data.messages.length).toBeGreaterThan(0);
    const answer = await call('POST', '/conversations', {
      body: { agentId: support.id, question: 'What are your business hours?' },
    });
    expect(answer.body.data.response).toContain('Monday to Friday');
    // a row of the export's own workspace can't point at anything outside it: the original is untouched
    expect((await apiFor(em, victim.apiKey)('GET', '/agents')).body.totalCount).toBe(1);
  });
});

describe('methods, empty query values, null fields, attribute order', () => {
  it('answers 405 with Allow for a wrong method on a real path', async () => {
    const agent = await createAgent(api, 'Methods');
    const cases: [string, string, string][] = [
      ['PUT', '/agents', 'GET, HEAD, POST'],
      ['PATCH', `/agents/${agent.id}`, 'DELETE, GET, HEAD'],
      ['DELETE', '/agents', 'GET, HEAD, POST'],
      ['GET', '/data-sources/text', 'POST'],
      ['POST', '/data-sources', 'DELETE, GET, HEAD'],
      ['POST', '/conversations/views', 'GET, HEAD'],
      ['DELETE', '/conversations/chat_x/reply', 'POST'],
      ['PUT', '/chatbots', 'GET, HEAD, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api(method, path, method === 'GET' ? {} : { body: {} });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(res.body).toMatchObject({ status: 'error', code: 'bad_request' });
      expect(res.body.message).toContain(method);
    }
    const admin = await api('GET', '/_emulator/faults', { key: null });
    expect(admin.status).toBe(405);
    expect(admin.headers.get('allow')).toBe('DELETE');
    expect((await api('PUT', '/nowhere')).status).toBe(404);
    expect((await api('GET', '/agents/a/b/c')).status).toBe(404);
  });

  it('rejects empty query values like a missing agentId', async () => {
    const agent = await createAgent(api, 'Empty values');
    const base = `/conversations?agentId=${agent.id}`;
    for (const param of [
      'viewId',
      'sentiment',
      'topic',
      'assignee',
      'channel',
      'resolution',
      'status',
      'sort',
      'type',
      'startDate',
      'endDate',
      'page',
      'perPage',
    ]) {
      const res = await api('GET', `${base}&${param}=`);
      expect(res.status, param).toBe(400);
      expect(res.body.message, param).toContain(`'${param}'`);
    }
    expect((await api('GET', '/conversations?agentId=')).status).toBe(400);
    expect((await api('GET', '/agents?limit=')).status).toBe(400);
    expect((await api('GET', `/conversations/views?agentId=${agent.id}&search=`)).status).toBe(400);
    expect((await api('GET', `/data-sources?agentId=${agent.id}&source=`)).status).toBe(400);
    expect((await api('GET', `/agents/${agent.id}?isEmbed=`)).status).toBe(400);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await api('GET', `/analytics?agentId=${agent.id}&startDate=${today}&endDate=${today}&timezone=`)).status,
    ).toBe(400);
    expect((await api('GET', base)).status).toBe(200);
  });

  it('refuses null for optional fields, naming the field', async () => {
    const agent = await createAgent(api, 'Nulls');
    const cases: [string, Record<string, unknown>, string][] = [
      ['/contacts', { agentId: agent.id, distinctId: 'v1', name: null }, 'name'],
      ['/contacts', { agentId: agent.id, distinctId: 'v1', email: null }, 'email'],
      ['/contacts', { agentId: agent.id, distinctId: 'v1', attributes: null }, 'attributes'],
      ['/conversations', { agentId: agent.id, question: 'Hi', conversationId: null }, 'conversationId'],
      ['/conversations', { agentId: agent.id, question: 'Hi', streaming: null }, 'streaming'],
      ['/conversations', { agentId: agent.id, question: 'Hi', responseFormat: null }, 'responseFormat'],
      ['/agents', { name: 'x', isLiveChatEnabled: true, isImageSharingEnabled: null }, 'isImageSharingEnabled'],
      [
        '/data-sources/qa',
        { agentId: agent.id, question: 'q', answer: 'a', relatedMessageId: null },
        'relatedMessageId',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await api('POST', path, { body });
      expect(res.status, `${path} ${field}`).toBe(400);
      expect(res.body.message).toContain(`'${field}'`);
    }
    const del = await api('DELETE', '/data-sources', {
      body: { agentId: agent.id, source: 'TEXT', id: null, ids: ['x'] },
    });
    expect(del.status).toBe(400);
    // a null attribute value still removes that attribute (documented)
    const set = await api('POST', '/contacts', {
      body: { agentId: agent.id, distinctId: 'v2', attributes: { plan: 'pro', gone: 'x' } },
    });
    await api('POST', '/contacts', { body: { agentId: agent.id, distinctId: 'v2', attributes: { gone: null } } });
    expect((await api('GET', `/contacts/${set.body.contactId as string}`)).body.attributes).toEqual([
      { key: 'plan', value: 'pro' },
    ]);
  });

  it('returns contact attributes in the order they were first set', async () => {
    const agent = await createAgent(api, 'Attribute order');
    const first = await api('POST', '/contacts', {
      body: { agentId: agent.id, distinctId: 'o1', attributes: { zeta: '1', alpha: '2', mid: '3' } },
    });
    await api('POST', '/contacts', {
      body: { agentId: agent.id, distinctId: 'o1', attributes: { beta: '4', zeta: '9' } },
    });
    const got = await api('GET', `/contacts/${first.body.contactId as string}`);
    expect(got.body.attributes).toEqual([
      { key: 'zeta', value: '9' },
      { key: 'alpha', value: '2' },
      { key: 'mid', value: '3' },
      { key: 'beta', value: '4' },
    ]);
  });
});
