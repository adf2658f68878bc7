// The transport against real servers on loopback: HTTPS with a self-signed certificate (made by openssl in a
// temporary folder), an HTTP proxy (the `proxy` package) reached through undici's ProxyAgent, redirects, and
// response-size limits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createProxy } from 'proxy';
import { Agent, ProxyAgent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, isUnexpectedResponseError } from '../src/index.js';
import type { FetchLike } from '../src/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

const KEY = 'sk_test_TRANSPORT_secret';
const noWait = { sleep: async () => undefined };

let server: TestServer;
let dir: string;
let cert: Buffer;
let key: Buffer;
beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'lcai-tls-'));
  // a throwaway self-signed certificate for 127.0.0.1 (node:crypto cannot make certificates)
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'));
  key = readFileSync(join(dir, 'key.pem'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function listen<T extends HttpServer | HttpsServer>(
  s: T,
): Promise<{ server: T; port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => {
        resolve();
      });
    });
  return { server: s, port, close };
}

/** An HTTPS server with the self-signed certificate, counting TCP connections and requests. */
async function httpsServer() {
  const counts = { connections: 0, requests: 0 };
  const s = createHttpsServer({ key, cert }, (_req, res) => {
    counts.requests++;
    json(res, 200, { status: 'success', data: { secure: true } });
  });
  s.on('connection', () => counts.connections++);
  return { ...(await listen(s)), counts };
}

describe('TLS failures', () => {
  it('an untrusted certificate fails once, as a tls connection error, and is not retried', async () => {
    const tls = await httpsServer();
    try {
      const client = createClient({ apiKey: KEY, baseURL: `https://127.0.0.1:${tls.port}/api/v2`, retry: noWait });
      expect(client.retry.maxRetries).toBe(2);
      const err = await client.request({ method: 'GET', path: '/agents' }).catch((e: unknown) => e);
      expect(err).toMatchObject({
        name: 'APIConnectionError',
        reason: 'tls',
        retryable: false,
        attempts: 1,
        code: 'connection_error',
      });
      expect(tls.counts.connections).toBe(1);
      expect(tls.counts.requests).toBe(0);
    } finally {
      await tls.close();
    }
  });

  it('certificate error codes are tls and never retried', async () => {
    for (const code of [
      'CERT_HAS_EXPIRED',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'SELF_SIGNED_CERT_IN_CHAIN',
    ]) {
      let calls = 0;
      const failing: FetchLike = () => {
        calls++;
        return Promise.reject(
          Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) }),
        );
      };
      const err = await createClient({ apiKey: KEY, baseURL: server.url, fetch: failing, retry: noWait })
        .request({ method: 'GET', path: '/x' })
        .catch((e: unknown) => e);
      expect(err, code).toMatchObject({ reason: 'tls', retryable: false, attempts: 1 });
      expect(calls, code).toBe(1);
    }
  });

  it('trusting the certificate through fetchOptions.dispatcher (undici Agent with its CA) succeeds', async () => {
    const tls = await httpsServer();
    const dispatcher = new Agent({ connect: { ca: cert } });
    try {
      const client = createClient({
        apiKey: KEY,
        baseURL: `https://127.0.0.1:${tls.port}/api/v2`,
        fetch: undiciFetch as unknown as FetchLike,
        fetchOptions: { dispatcher },
      });
      expect(await client.request({ method: 'GET', path: '/agents' })).toEqual({ secure: true });
    } finally {
      await dispatcher.close();
      await tls.close();
    }
  });
});

describe('fetchOptions', () => {
  it('reach fetch merged (client, then request), never overriding method, headers, body, signal or redirect', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: 'ok' }));
    const inits: RequestInit[] = [];
    const spy: FetchLike = (input, init) => {
      inits.push(init!);
      return fetch(input, init);
    };
    const hostile = { method: 'DELETE', headers: { authorization: 'Bearer other' }, body: 'x', redirect: 'follow' };
    const client = createClient({
      apiKey: KEY,
      baseURL: server.url,
      fetch: spy,
      fetchOptions: { keepalive: true, priority: 'low', ...hostile },
    });
    await client.request({ method: 'GET', path: '/fo' }, { fetchOptions: { priority: 'high', custom: 1 } });
    const init = inits[0]!;
    expect(init).toMatchObject({
      keepalive: true,
      priority: 'high',
      custom: 1,
      method: 'GET',
      body: null,
      redirect: 'manual',
    });
    expect(new Headers(init.headers).get('authorization')).toBe(`Bearer ${KEY}`);
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', url: '/api/v2/fo', body: '' });
  });

  it('reach fetch through middleware too (a Request cannot carry a dispatcher)', async () => {
    const seen: unknown[] = [];
    const spy: FetchLike = async (input, init) => {
      seen.push(init);
      return new Response(JSON.stringify({ status: 'success', data: 'ok' }));
    };
    const marker = { marker: true };
    const client = createClient({
      apiKey: KEY,
      baseURL: server.url,
      fetch: spy,
      fetchOptions: { dispatcher: marker },
      middleware: [async ({ request }, next) => next(request)],
    });
    expect(await client.request({ method: 'GET', path: '/mw' })).toBe('ok');
    expect(seen[0]).toMatchObject({ dispatcher: marker });
  });

  describe('through a real HTTP proxy (undici ProxyAgent as the dispatcher)', () => {
    let proxy: Awaited<ReturnType<typeof listen<HttpServer>>>;
    const proxied: string[] = [];
    beforeAll(async () => {
      const http = createHttpServer();
      // `proxy` answers absolute-URI requests and CONNECT tunnels; record both
      http.on('request', (req) => proxied.push(`${req.method} ${req.url}`));
      http.on('connect', (req) => proxied.push(`CONNECT ${req.url}`));
      proxy = await listen(createProxy(http) as HttpServer);
    });
    afterAll(() => proxy.close());

    for (const [name, fetchFn] of [
      ['undici fetch', undiciFetch as unknown as FetchLike],
      ['global fetch (Node bundled undici)', undefined],
    ] as const) {
      it(`with ${name}`, async () => {
        server.handle((_q, res) => json(res, 200, { status: 'success', data: { via: 'proxy' } }));
        proxied.length = 0;
        const before = server.requests.length;
        const dispatcher = new ProxyAgent(`http://127.0.0.1:${proxy.port}`);
        try {
          const client = createClient({
            apiKey: KEY,
            baseURL: server.url,
            fetch: fetchFn,
            fetchOptions: { dispatcher },
          });
          expect(await client.request({ method: 'GET', path: '/agents' })).toEqual({ via: 'proxy' });
          const target = new URL(server.url).host;
          expect(proxied.some((line) => line.includes(target))).toBe(true);
          expect(server.requests.length - before).toBe(1);
          expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
        } finally {
          await dispatcher.close();
        }
      });
    }
  });
});

describe('redirects', () => {
  it('follows 307/308 on the same origin, sending the body again; 301/302/303 for a GET', async () => {
    server.handle((req, res) => {
      const moved: Record<string, [number, string]> = {
        '/api/v2/old-post': [307, '/api/v2/new-post'],
        '/api/v2/new-post': [308, `${server.origin}/api/v2/final-post`],
        '/api/v2/old-get': [301, 'new-get'],
        '/api/v2/new-get': [302, '/api/v2/newer-get'],
        '/api/v2/newer-get': [303, '/api/v2/final-get'],
      };
      const to = moved[req.url];
      if (to) {
        res.writeHead(to[0], { location: to[1] });
        return res.end();
      }
      return json(res, 200, { status: 'success', data: { at: req.url, body: req.body } });
    });
    const client = createClient({ apiKey: KEY, baseURL: server.url });
    const before = server.requests.length;
    expect(await client.request({ method: 'POST', path: '/old-post', body: { n: 1 } })).toEqual({
      at: '/api/v2/final-post',
      body: '{"n":1}',
    });
    const posts = server.requests.slice(before);
    expect(posts.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /api/v2/old-post {"n":1}',
      'POST /api/v2/new-post {"n":1}',
      'POST /api/v2/final-post {"n":1}',
    ]);
    expect(new Set(posts.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(posts.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await client.request({ method: 'GET', path: '/old-get' })).toMatchObject({ at: '/api/v2/final-get' });
  });

  it('never follows to another origin (https → http included): the other host sees nothing', async () => {
    const other = await startServer((_q, res) => json(res, 200, { status: 'success', data: 'stolen' }));
    const tls = await listen(
      createHttpsServer({ key, cert }, (_req, res) => {
        res.writeHead(308, { location: `${other.url}/agents` });
        res.end();
      }),
    );
    const dispatcher = new Agent({ connect: { ca: cert } });
    try {
      server.handle((_q, res) => {
        res.writeHead(307, { location: `${other.url}/agents` });
        res.end();
      });
      const err = await createClient({ apiKey: KEY, baseURL: server.url })
        .request({ method: 'POST', path: '/agents', body: { secret: 1 } })
        .catch((e: unknown) => e);
      expect(isUnexpectedResponseError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'redirect_refused', status: 307, retryable: false, attempts: 1 });
      expect((err as Error).message).toContain(new URL(other.url).origin);

      const downgrade = await createClient({
        apiKey: KEY,
        baseURL: `https://127.0.0.1:${tls.port}/api/v2`,
        fetch: undiciFetch as unknown as FetchLike,
        fetchOptions: { dispatcher },
      })
        .request({ method: 'GET', path: '/agents' })
        .catch((e: unknown) => e);
      expect(downgrade).toMatchObject({ name: 'UnexpectedResponseError', code: 'redirect_refused', status: 308 });
      expect((downgrade as Error).message).toContain('another origin (http://');
      expect(other.requests).toHaveLength(0);
    } finally {
      await dispatcher.close();
      await tls.close();
      await other.close();
    }
  });

  it('refuses a 303 of a POST, a redirect without Location, and more than 5 hops', async () => {
    const client = createClient({ apiKey: KEY, baseURL: server.url });
    server.handle((_q, res) => {
      res.writeHead(303, { location: '/api/v2/result' });
      res.end();
    });
    await expect(client.request({ method: 'POST', path: '/x', body: {} })).rejects.toMatchObject({
      code: 'redirect_refused',
      status: 303,
    });
    server.handle((_q, res) => {
      res.writeHead(302);
      res.end();
    });
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ code: 'redirect_refused' });
    server.handle((req, res) => {
      res.writeHead(307, { location: `${req.url}x` });
      res.end();
    });
    const before = server.requests.length;
    await expect(client.request({ method: 'GET', path: '/loop' })).rejects.toMatchObject({
      code: 'redirect_refused',
      message: expect.stringContaining('more than 5 redirects') as unknown,
    });
    expect(server.requests.length - before).toBe(6);
  });

  it('a browser hides a manual redirect (opaqueredirect): refused with a typed error', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as Response;
    const err = await createClient({ apiKey: null, baseURL: server.url, fetch: async () => opaque })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'UnexpectedResponseError', code: 'redirect_refused', status: 0 });
  });
});

describe('maxResponseBytes', () => {
  it('defaults to 10 MiB and is validated', () => {
    expect(createClient({ apiKey: KEY, baseURL: server.url }).maxResponseBytes).toBe(10 * 1024 * 1024);
    expect(createClient({ apiKey: KEY, baseURL: server.url, maxResponseBytes: 0 }).maxResponseBytes).toBe(Infinity);
    for (const bad of [-1, 1.5, NaN, '10' as unknown as number]) {
      expect(() => createClient({ apiKey: KEY, baseURL: server.url, maxResponseBytes: bad })).toThrow(
        /maxResponseBytes/,
      );
    }
  });

  it('refuses a Content-Length over the limit before reading the body', async () => {
    server.handle((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000000' });
      res.write('{"status":"success","data":"'); // and never the rest
    });
    // the body never completes: waiting for it would end in a timeout error, not this one
    const err = await createClient({ apiKey: KEY, baseURL: server.url, maxResponseBytes: 1000, timeout: 5000 })
      .request({ method: 'GET', path: '/big' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'UnexpectedResponseError',
      code: 'response_too_large',
      status: 200,
      attempts: 1,
    });
    expect((err as Error).message).toContain('maxResponseBytes (1000)');
  });

  it('stops reading a body that grows past the limit: the server is cut off long before it finishes', async () => {
    const total = 20 * 1024 * 1024;
    let written = 0;
    let closed!: Promise<boolean>;
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
      // resolves with whether the client hung up before the server wrote everything
      closed = new Promise((resolve) => {
        res.on('close', () => {
          resolve(written < total);
        });
      });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      while (written < total && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) await new Promise((r) => res.once('drain', r).once('close', r));
      }
      res.end();
    });
    const err = await createClient({ apiKey: KEY, baseURL: server.url, maxResponseBytes: 64 * 1024 })
      .request({ method: 'GET', path: '/stream-big' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'response_too_large' });
    expect(await closed).toBe(true);
    expect(written).toBeLessThan(8 * 1024 * 1024);
  });

  it('counts the decoded bytes: a small gzip body that inflates past the limit is refused', async () => {
    const inflated = JSON.stringify({ status: 'success', data: 'x'.repeat(2 * 1024 * 1024) });
    const gz = gzipSync(inflated);
    expect(gz.length).toBeLessThan(64 * 1024);
    server.handle((_q, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': gz.length,
      });
      res.end(gz);
    });
    const small = createClient({ apiKey: KEY, baseURL: server.url, maxResponseBytes: 64 * 1024 });
    await expect(small.request({ method: 'GET', path: '/bomb' })).rejects.toMatchObject({ code: 'response_too_large' });
    // per request, a larger limit reads it
    expect(await small.request({ method: 'GET', path: '/bomb' }, { maxResponseBytes: 0 })).toHaveLength(
      2 * 1024 * 1024,
    );
  });

  it('applies to error bodies too', async () => {
    server.handle((_q, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<p>'.repeat(10_000));
    });
    await expect(
      createClient({ apiKey: KEY, baseURL: server.url, maxResponseBytes: 1000, maxRetries: 0 }).request({
        method: 'GET',
        path: '/err',
      }),
    ).rejects.toMatchObject({ code: 'response_too_large', status: 500 });
  });
});
