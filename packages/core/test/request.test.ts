import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  DEFAULT_BASE_URL,
  isInvalidParameterError,
  isNotFoundError,
  InvalidParameterError,
  logRequests,
  path,
  VERSION,
} from '../src/index.js';
import type { FetchLike } from '../src/index.js';
import { requestPage } from '../src/internal/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const KEY = 'sk_test_SECRET_1234567890';
const client = (o: Parameters<typeof createClient>[0] = {}) => createClient({ apiKey: KEY, baseURL: server.url, ...o });

describe('createClient', () => {
  it('defaults the base URL and reads the key and URL from the environment', () => {
    const env = { ...process.env };
    try {
      process.env.LIVECHATAI_API_KEY = 'env_key';
      delete process.env.LIVECHATAI_BASE_URL;
      expect(createClient().baseURL).toBe(DEFAULT_BASE_URL);
      process.env.LIVECHATAI_BASE_URL = 'http://localhost:9/api/v2/';
      expect(createClient().baseURL).toBe('http://localhost:9/api/v2');
    } finally {
      process.env = env;
    }
  });

  it('throws a clear error for a missing key, before any request', () => {
    const env = { ...process.env };
    try {
      delete process.env.LIVECHATAI_API_KEY;
      expect(() => createClient({ baseURL: server.url })).toThrow(/apiKey.*LIVECHATAI_API_KEY/);
      expect(() => createClient({ apiKey: '  ' })).toThrow(InvalidParameterError);
      expect(server.requests).toHaveLength(0);
    } finally {
      process.env = env;
    }
  });

  it('refuses plain http:// except on loopback, and non-http schemes', () => {
    for (const bad of ['http://example.com/api/v2', 'http://10.0.0.1', 'ftp://localhost/x', 'not a url']) {
      expect(() => createClient({ apiKey: 'k', baseURL: bad }), bad).toThrow(InvalidParameterError);
    }
    for (const ok of [
      'http://localhost:1/api',
      'http://127.0.0.2:8080',
      'http://[::1]:3000/v2',
      'https://example.com/api/v2',
    ]) {
      expect(createClient({ apiKey: 'k', baseURL: ok }).baseURL).toBe(ok.replace(/\/$/, ''));
    }
    try {
      createClient({ apiKey: 'k', baseURL: 'http://example.com' });
    } catch (e) {
      expect(isInvalidParameterError(e) && e.param).toBe('baseURL');
    }
  });

  it('rejects invalid header names or values up front', async () => {
    expect(() => client({ defaultHeaders: { 'x-bad': 'a\nb' } })).toThrow(/defaultHeaders/);
    let err: unknown;
    try {
      createClient({ apiKey: 'sk_€uro_secret', baseURL: server.url });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ param: 'apiKey' });
    expect(String(err)).not.toContain('secret');
    expect(() => createClient({ apiKey: 'sk_line\nbreak_secret', baseURL: server.url })).toThrow(
      /apiKey: invalid header "authorization"$/,
    );
    await expect(
      client().request({ method: 'GET', path: '/x' }, { headers: { 'bad header': 'v' } }),
    ).rejects.toMatchObject({ param: 'headers', attempts: 0 });
  });

  it('per-request headers change only their own call: null removes a default, undefined is ignored', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: 1 }));
    const c = client({ defaultHeaders: { 'x-team': 'blue' } });
    const last = () => server.requests.at(-1)!.headers;
    await c.request({ method: 'GET', path: '/h' }, { headers: { 'x-team': undefined, 'x-extra': '1' } });
    expect(last()).toMatchObject({ 'x-team': 'blue', 'x-extra': '1' });
    await c.request({ method: 'GET', path: '/h' }, { headers: { 'x-team': null } });
    expect(last()['x-team']).toBeUndefined();
    await c.request(
      { method: 'POST', path: '/h', body: { a: 1 } },
      { headers: { 'Content-Type': 'application/vnd.test+json' } },
    );
    expect(last()).toMatchObject({
      'x-team': 'blue',
      'content-type': 'application/vnd.test+json',
      'idempotency-key': expect.any(String) as string,
    });
    // nothing of the calls above stays behind in the client's defaults
    await c.request({ method: 'GET', path: '/h' });
    expect(last()).toMatchObject({ 'x-team': 'blue' });
    expect(last()['x-extra']).toBeUndefined();
    expect(last()['content-type']).toBeUndefined();
    expect(last()['idempotency-key']).toBeUndefined();
  });

  it('rejects bad timeout values', () => {
    expect(() => client({ timeout: -1 })).toThrow(/timeout/);
  });
});

describe('request', () => {
  it('sends auth, sdk and accept headers and unwraps {status, data}', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: { id: 'a1' } }));
    const data = await client().request<{ id: string }>({ method: 'GET', path: '/agents/a1' });
    expect(data).toEqual({ id: 'a1' });
    const req = server.requests.at(-1)!;
    expect(req.url).toBe('/api/v2/agents/a1');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.headers['x-livechatai-sdk']).toBeUndefined();
    expect(req.headers['user-agent']).toBe(`livechatai-sdk-js/${VERSION}`);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['idempotency-key']).toBeUndefined();
  });

  it('sends JSON bodies and an idempotency key on POST/DELETE', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', contactId: 'c1' }));
    const out = await client().request({ method: 'POST', path: '/contacts', body: { agentId: 'x', distinctId: 'u' } });
    expect(out).toEqual({ contactId: 'c1' });
    const req = server.requests.at(-1)!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({ agentId: 'x', distinctId: 'u' });
    expect(req.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await client().request({ method: 'DELETE', path: '/agents/x' }, { idempotencyKey: 'mine' });
    expect(server.requests.at(-1)!.headers['idempotency-key']).toBe('mine');
    await client({ idempotencyKeys: false }).request({ method: 'POST', path: '/x', body: {} });
    expect(server.requests.at(-1)!.headers['idempotency-key']).toBeUndefined();
  });

  it('merges default and per-request headers; null removes one', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: 1 }));
    await client({ defaultHeaders: { 'X-Team': 'a', 'X-Drop': 'b' } }).request(
      { method: 'GET', path: '/x' },
      { headers: { 'x-extra': '1', 'X-Drop': null } },
    );
    const h = server.requests.at(-1)!.headers;
    expect(h['x-team']).toBe('a');
    expect(h['x-extra']).toBe('1');
    expect(h['x-drop']).toBeUndefined();
  });

  it('serialises query values predictably', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: [] }));
    await client().request({
      method: 'GET',
      path: '/conversations',
      query: {
        agentId: 'a b&c',
        page: 2,
        isEmbed: false,
        startDate: new Date('2024-01-02T03:04:05.000Z'),
        ids: ['x', 'y'],
        skipped: undefined,
        nothing: null,
      },
    });
    expect(server.requests.at(-1)!.url).toBe(
      '/api/v2/conversations?agentId=a%20b%26c&page=2&isEmbed=false&startDate=2024-01-02T03%3A04%3A05.000Z&ids=x&ids=y',
    );
  });

  it('encodes path parameters so they cannot escape their segment', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: null }));
    const id = '../admin?x=1#y/z';
    await client().request({ method: 'GET', path: path`/agents/${id}/conversations` });
    expect(server.requests.at(-1)!.url).toBe('/api/v2/agents/..%2Fadmin%3Fx%3D1%23y%2Fz/conversations');
    for (const bad of ['..', '.', '', undefined, {}]) expect(() => path`/agents/${bad}`).toThrow(InvalidParameterError);
    expect(path`/a/${7}/b`).toBe('/a/7/b');
  });

  it('unwraps every documented envelope variant', async () => {
    const cases: [unknown, unknown][] = [
      [{ status: 'success', data: { id: 1 } }, { id: 1 }],
      [{ status: 'success', message: 'Message sent', data: { conversationId: 'c' } }, { conversationId: 'c' }],
      [{ status: 'success', contactId: 'contact_1' }, { contactId: 'contact_1' }],
      [{ status: 'success', message: 'Agent deleted' }, { message: 'Agent deleted' }],
      [
        { id: 'contact_1', chatSource: null },
        { id: 'contact_1', chatSource: null },
      ],
      [
        { id: 'ds_1', status: 'COMPLETED' },
        { id: 'ds_1', status: 'COMPLETED' },
      ],
      [{ status: 'success', data: [{ date: 'd' }], keys: ['POSITIVE'] }, [{ date: 'd' }]],
      [
        [1, 2],
        [1, 2],
      ],
    ];
    for (const [body, expected] of cases) {
      server.handle((_req, res) => json(res, 200, body));
      expect(await client().request({ method: 'GET', path: '/x' })).toEqual(expected);
    }
    server.handle((_req, res) => json(res, 200, { status: 'success', data: [{ date: 'd' }], keys: ['POSITIVE'] }));
    const custom = await client().request({
      method: 'GET',
      path: '/x',
      unwrap: (j: { data: unknown[]; keys: string[] }) => ({ daily: j.data, keys: j.keys }),
    });
    expect(custom).toEqual({ daily: [{ date: 'd' }], keys: ['POSITIVE'] });
    // 204 No Content has no body to unwrap; a 200 with an empty body is not what the API sends.
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    expect(await client().request({ method: 'DELETE', path: '/x' })).toBeUndefined();
    server.handle((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    await expect(client().request({ method: 'DELETE', path: '/x' })).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: expect.stringContaining('an empty body') as unknown,
    });
  });

  it('treats an error envelope on a 200 as an error', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'error', message: 'Agent not found', code: 'not_found' }));
    const err = await client()
      .request({ method: 'GET', path: '/agents/x' })
      .catch((e: unknown) => e);
    expect(isNotFoundError(err)).toBe(true);
  });

  it('withResponse gives data, response, request id and the raw envelope; asResponse the response', async () => {
    server.handle((_req, res) =>
      json(res, 200, { status: 'success', data: { id: 'a' } }, { 'x-request-id': 'req_abc' }),
    );
    const p = client().request({ method: 'GET', path: '/agents/a' });
    const r = await p.withResponse();
    expect(r.data).toEqual({ id: 'a' });
    expect(r.requestId).toBe('req_abc');
    expect(r.response.status).toBe(200);
    expect(r.raw).toEqual({ status: 'success', data: { id: 'a' } });
    expect(await p).toEqual({ id: 'a' });
    const resp = await client().request({ method: 'GET', path: '/agents/a' }).asResponse();
    expect(resp).toBeInstanceOf(Response);
    expect(resp.headers.get('x-request-id')).toBe('req_abc');
    expect(await resp.json()).toEqual({ status: 'success', data: { id: 'a' } });
    expect(Object.prototype.toString.call(p)).toBe('[object Promise]');
    await expect(p.finally(() => undefined)).resolves.toEqual({ id: 'a' });
  });

  it('a failed call read only through withResponse or asResponse rejects there, with no unhandled rejection', async () => {
    server.handle((_req, res) => json(res, 404, { status: 'error', message: 'nope', code: 'not_found' }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(client().request({ method: 'GET', path: '/gone' }).withResponse()).rejects.toMatchObject({
        status: 404,
      });
      await expect(client().request({ method: 'GET', path: '/gone' }).asResponse()).rejects.toMatchObject({
        status: 404,
      });
      await new Promise((resolve) => setTimeout(resolve, 20)); // unhandled rejections are reported after a turn
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('rejects a path without a leading slash and a body that is not JSON, before any request', async () => {
    const before = server.requests.length;
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(client().request({ method: 'GET', path: 'agents' })).rejects.toMatchObject({ param: 'path' });
    await expect(client().request({ method: 'POST', path: '/x', body: circular })).rejects.toMatchObject({
      name: 'InvalidParameterError',
      param: 'body',
    });
    expect(server.requests.length).toBe(before);
  });

  it('a throwing logger never breaks a request', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: 'fine' }));
    const boom = () => {
      throw new Error('logger down');
    };
    const c = client({
      middleware: [logRequests({ level: 'debug', logger: { debug: boom, info: boom, warn: boom, error: boom } })],
    });
    expect(await c.request({ method: 'POST', path: '/x', body: { n: 1n.toString() } })).toBe('fine');
  });

  it('refuses a 2xx body that is not JSON, naming its content type (a captive portal, a misrouted proxy)', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello');
    });
    await expect(client().request({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: expect.stringContaining('content-type: text/plain') as unknown,
    });
  });

  it('runs middleware once per attempt, with retries beneath it', async () => {
    let n = 0;
    server.handle((_req, res) =>
      ++n === 1 ? json(res, 503, { status: 'error', message: 'busy' }) : json(res, 200, { status: 'success', data: n }),
    );
    const seen: string[] = [];
    const c = client({
      retry: { sleep: async () => undefined },
      middleware: [
        async ({ request, attempt }, next) => {
          seen.push(`${attempt}:${request.method} ${new URL(request.url).pathname}`);
          const h = new Headers(request.headers);
          h.set('x-mw', String(attempt));
          const res = await next(new Request(request, { headers: h }));
          seen.push(`${attempt}:${res.status}`);
          return res;
        },
      ],
    });
    expect(await c.request({ method: 'GET', path: '/x' })).toBe(2);
    expect(seen).toEqual(['1:GET /api/v2/x', '1:503', '2:GET /api/v2/x', '2:200']);
    expect(server.requests.at(-1)!.headers['x-mw']).toBe('2');
    const short = client({
      middleware: [async () => new Response(JSON.stringify({ status: 'success', data: 'local' }))],
    });
    expect(await short.request({ method: 'GET', path: '/x' })).toBe('local');
    // a middleware may call next more than once; each call runs the rest of the chain
    const order: string[] = [];
    const twice = client({
      middleware: [
        async ({ request }, next) => {
          await next(request.clone());
          return next(request);
        },
        async ({ request }, next) => {
          order.push('inner');
          return next(request);
        },
      ],
    });
    await twice.request({ method: 'GET', path: '/x' });
    expect(order).toEqual(['inner', 'inner']);
  });
});

describe('successful bodies the transport refuses', () => {
  it('an HTML page, an empty body, null or a bare JSON value on a 200 is an UnexpectedResponseError, never the result', async () => {
    const cases: [string, string, RegExp][] = [
      ['text/html; charset=utf-8', '<!doctype html><title>Log in to the Wi-Fi</title>', /not JSON.*text\/html/],
      ['application/json', '', /an empty body/],
      ['application/json', 'null', /JSON null/],
      ['application/json', '"ok"', /JSON string/],
      ['application/json', '{"status":"success"', /not JSON/],
    ];
    for (const [type, body, message] of cases) {
      server.handle((_req, res) => {
        res.writeHead(200, { 'content-type': type, 'x-request-id': 'req_portal' });
        res.end(body);
      });
      const err = await client()
        .request({ method: 'GET', path: '/agents' })
        .catch((e: unknown) => e);
      expect(err, body).toMatchObject({
        name: 'UnexpectedResponseError',
        code: 'unexpected_response',
        status: 200,
        requestId: 'req_portal',
        retryable: false,
        attempts: 1,
      });
      expect((err as Error).message, body).toMatch(message);
      expect((err as { headers: Headers }).headers.get('content-type')).toBe(type);
    }
  });

  it('withResponse, asResponse and pages reject the same way', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html></html>');
    });
    const p = client().request({ method: 'GET', path: '/x' });
    await expect(p.withResponse()).rejects.toMatchObject({ code: 'unexpected_response' });
    await expect(p.asResponse()).rejects.toMatchObject({ code: 'unexpected_response' });
    await expect(requestPage(client(), { path: '/agents', items: 'agents' })).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });
});

describe('a custom fetch', () => {
  it('may modify the headers it is given: the next call is clean', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: 1 }));
    const seen: Record<string, string>[] = [];
    const meddling: FetchLike = (input, init) => {
      const headers = init!.headers as Headers;
      seen.push(Object.fromEntries(headers));
      headers.set('x-meddled', 'yes');
      headers.delete('accept');
      headers.set('authorization', 'Bearer someone-else');
      return fetch(input, init);
    };
    const c = client({ fetch: meddling, defaultHeaders: { 'x-team': 'blue' } });
    await c.request({ method: 'GET', path: '/a' });
    await c.request({ method: 'GET', path: '/b' });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[1]).toMatchObject({ accept: 'application/json', authorization: `Bearer ${KEY}`, 'x-team': 'blue' });
    expect(seen[1]!['x-meddled']).toBeUndefined();
  });
});

describe('withOptions', () => {
  it('derives a client with other options, sharing the key, fetch, middleware and retry budget', async () => {
    server.handle(async (req, res) => {
      if (req.url.includes('slow')) await new Promise((r) => setTimeout(r, 200));
      json(res, 200, { status: 'success', data: req.url });
    });
    let fetches = 0;
    const attempts: number[] = [];
    const base = client({
      fetch: (input, init) => {
        fetches++;
        return fetch(input, init);
      },
      middleware: [
        async ({ request, attempt }, next) => {
          attempts.push(attempt);
          return next(request);
        },
      ],
      defaultHeaders: { 'x-team': 'blue', 'x-keep': 'yes' },
      defaultQuery: { tenant: 't1' },
    });
    const derived = base.withOptions({ timeout: 50, maxRetries: 0, defaultHeaders: { 'x-team': 'red' } });
    expect(derived.timeout).toBe(50);
    expect(derived.retry.maxRetries).toBe(0);
    expect(derived.baseURL).toBe(base.baseURL);
    expect(derived.retry.budget).toBe(base.retry.budget);
    expect(base.timeout).toBe(60_000);
    expect(base.retry.maxRetries).toBe(2);

    expect(await derived.request({ method: 'GET', path: '/d' })).toBe('/api/v2/d?tenant=t1');
    expect(server.requests.at(-1)!.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'x-team': 'red',
      'x-keep': 'yes',
    });
    await expect(derived.request({ method: 'GET', path: '/slow' })).rejects.toMatchObject({
      name: 'APITimeoutError',
      ms: 50,
    });
    expect(fetches).toBe(2);
    expect(attempts).toEqual([1, 1]);
    // the parent is unchanged
    await base.request({ method: 'GET', path: '/b' });
    expect(server.requests.at(-1)!.headers['x-team']).toBe('blue');
    // and a derived client of a derived client keeps both layers; null removes an inherited header
    const third = derived.withOptions({ defaultHeaders: { 'x-keep': null }, baseURL: `${server.origin}/other` });
    await third.request({ method: 'GET', path: '/t' });
    expect(server.requests.at(-1)!.url).toBe('/other/t?tenant=t1');
    expect(server.requests.at(-1)!.headers['x-keep']).toBeUndefined();
    expect(server.requests.at(-1)!.headers['x-team']).toBe('red');
  });

  it('works wherever a client does (requestPage, resource classes) and validates like createClient', async () => {
    server.handle((_q, res) =>
      json(res, 200, { status: 'success', data: [{ id: 'a' }], pages: { page: 1, hasNext: false } }),
    );
    const derived = client().withOptions({ timeout: 5000 });
    const page = await requestPage(derived, { path: '/agents', items: (j: { data: { id: string }[] }) => j.data });
    expect(page.items).toEqual([{ id: 'a' }]);
    expect(() => client().withOptions({ maxRetries: Number.NaN })).toThrow(InvalidParameterError);
    // a budget of its own when asked for one
    expect(client().withOptions({ retry: { budget: { max: 1 } } }).retry.budget).toEqual({
      tokens: 1,
      max: 1,
      refill: 0.1,
    });
  });
});

describe('defaultQuery and query', () => {
  it("layer defaultQuery, the query option and the call's own query (the call wins; null removes, undefined is ignored)", async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: 1 }));
    const c = client({ defaultQuery: { tenant: 't1', debug: true, page: 9 } });
    await c.request(
      { method: 'GET', path: '/q', query: { page: 2, agentId: undefined } },
      { query: { debug: null, trace: 'x', tenant: undefined } },
    );
    expect(server.requests.at(-1)!.url).toBe('/api/v2/q?tenant=t1&page=2&trace=x');
    await c.request({ method: 'GET', path: '/q' });
    expect(server.requests.at(-1)!.url).toBe('/api/v2/q?tenant=t1&debug=true&page=9');
  });

  it('bad values are an InvalidParameterError: at createClient for defaultQuery, a rejection for query', async () => {
    expect(() => client({ defaultQuery: { when: {} as unknown as string } })).toThrow(/Invalid parameter when/);
    expect(() => client({ defaultQuery: 'a=1' as never })).toThrow(/defaultQuery/);
    const before = server.requests.length;
    const call = client().request({ method: 'GET', path: '/q' }, { query: 'a=1' as never });
    await expect(call).rejects.toMatchObject({ name: 'InvalidParameterError', param: 'query' });
    expect(server.requests.length).toBe(before);
  });
});

describe('per-request options are checked before any request, as a rejection', () => {
  it('a signal that is not an AbortSignal', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: 1 }));
    const before = server.requests.length;
    for (const signal of [{ aborted: false }, 'abort', 1, true]) {
      let call: Promise<unknown> | undefined;
      expect(() => {
        call = client().request({ method: 'GET', path: '/s' }, { signal: signal as unknown as AbortSignal });
      }).not.toThrow();
      await expect(call).rejects.toMatchObject({ name: 'InvalidParameterError', param: 'signal', attempts: 0 });
    }
    expect(server.requests.length).toBe(before);
    // null is "none", as fetch takes it
    expect(await client().request({ method: 'GET', path: '/s' }, { signal: null as unknown as AbortSignal })).toBe(1);
  });
});
