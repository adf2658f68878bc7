// The browser guard, checked in a fresh V8 context that looks like a browser page: window, document and
// location exist; process and Deno do not. The CJS bundle of core (no imports) runs there unchanged.
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Core from '../src/index.js';
import { json, startServer } from './server.js';

let code: string;
beforeAll(async () => {
  const out = await build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    write: false,
    define: { __PACKAGE_VERSION__: '"0.0.0-browser"' },
  });
  code = out.outputFiles[0]!.text;
});

function loadInBrowser(origin = 'https://shop.example', extra: Record<string, unknown> = {}) {
  const module = { exports: {} as typeof Core };
  const window = {};
  runInNewContext(code, {
    module,
    exports: module.exports,
    window,
    document: {},
    location: { origin },
    URL,
    fetch,
    Request,
    Response,
    Headers,
    AbortController,
    TextDecoder,
    TextEncoder,
    crypto,
    console,
    setTimeout,
    clearTimeout,
    ...extra,
  });
  return module.exports;
}

describe('browser guard', () => {
  it('a keyless client on an insecure page (no crypto.randomUUID) posts to its same-origin proxy', async () => {
    const server = await startServer((_q, res) => json(res, 200, { status: 'success', data: { ok: true } }));
    try {
      const core = loadInBrowser(server.origin, {
        crypto: { getRandomValues: (a: Uint8Array) => crypto.getRandomValues(a) },
      });
      const c = core.createClient({ apiKey: null, baseURL: '/api/v2' });
      expect(await c.request({ method: 'POST', path: '/conversations', body: { q: 1 } })).toEqual({ ok: true });
      const req = server.requests[0]!;
      expect(req.url).toBe('/api/v2/conversations');
      expect(req.headers.authorization).toBeUndefined();
      expect(req.headers['user-agent']).not.toContain('livechatai');
      expect(req.headers['x-livechatai-sdk']).toBeUndefined();
      expect(req.headers['idempotency-key']).toMatch(/^[0-9a-z]{6,}-[0-9a-z]{6,}-[0-9a-z]{6,}$/);
    } finally {
      await server.close();
    }
  });

  it('refuses a secret key in a browser, pointing to the server-proxy pattern', () => {
    const core = loadInBrowser();
    let err: unknown;
    try {
      core.createClient({ apiKey: 'sk_live_browser_secret', baseURL: 'https://app.livechatai.com/api/v2' });
    } catch (e) {
      err = e;
    }
    expect(core.isInvalidParameterError(err)).toBe(true);
    const message = (err as Error).message;
    expect(message).toMatch(/browser/);
    expect(message).toMatch(/your own server/);
    expect(message).toMatch(/dangerouslyAllowBrowser/);
    expect(message).not.toContain('sk_live_browser_secret');
  });

  it('allows it with dangerouslyAllowBrowser, and allows a keyless proxy client', () => {
    const core = loadInBrowser();
    const c = core.createClient({ apiKey: 'k', dangerouslyAllowBrowser: true });
    expect(c.baseURL).toBe('https://app.livechatai.com/api/v2');
    const proxy = core.createClient({ apiKey: null, baseURL: '/api/livechat' });
    expect(proxy.baseURL).toBe('https://shop.example/api/livechat');
  });

  it('adds no SDK header in a browser (no CORS surprise) and never sets User-Agent', async () => {
    const server = await startServer((_q, res) => json(res, 200, { status: 'success', data: 1 }));
    try {
      const core = loadInBrowser('https://shop.example');
      await core
        .createClient({ apiKey: 'k', dangerouslyAllowBrowser: true, baseURL: server.url })
        .request({ method: 'GET', path: '/x' });
      expect(server.requests[0]!.headers['x-livechatai-sdk']).toBeUndefined();
      expect(server.requests[0]!.headers['user-agent']).not.toContain('livechatai');
      expect(server.requests[0]!.headers.authorization).toBe('Bearer k');
    } finally {
      await server.close();
    }
  });

  it('resolves a relative baseURL against the page, even on a plain-http dev host', () => {
    const core = loadInBrowser('http://devbox.local:5173');
    expect(core.createClient({ apiKey: null, baseURL: '/api/v2' }).baseURL).toBe('http://devbox.local:5173/api/v2');
  });

  it('is not triggered under Node, even with jsdom-like globals (process.versions.node exists)', async () => {
    const core = await import('../src/index.js');
    const g = globalThis as Record<string, unknown>;
    g.window = {};
    g.document = {};
    try {
      expect(core.createClient({ apiKey: 'k', baseURL: 'https://x.example' }).baseURL).toBe('https://x.example');
    } finally {
      delete g.window;
      delete g.document;
    }
  });

  it('a relative baseURL outside a browser is a clear error', async () => {
    const core = await import('../src/index.js');
    expect(() => core.createClient({ apiKey: 'k', baseURL: '/api/v2' })).toThrow(/not an absolute URL/);
  });
});

describe('browser guard in workers (see browser-workers.test.ts for real Chromium workers)', () => {
  /** Globals of a worker scope: no document; `importScripts` in a browser's Web and Service Workers. */
  function loadInScope(globals: Record<string, unknown>) {
    const module = { exports: {} as typeof Core };
    const scope: Record<string, unknown> = {
      module,
      exports: module.exports,
      URL,
      fetch,
      Request,
      Response,
      Headers,
      AbortController,
      TextDecoder,
      TextEncoder,
      crypto,
      console,
      setTimeout,
      clearTimeout,
      ...globals,
    };
    scope.self = scope;
    runInNewContext(code, scope);
    return module.exports;
  }
  // stand-ins for the constructors a worker scope (and workerd) exposes; only their presence matters
  function WorkerGlobalScope(): void {}
  function ServiceWorkerGlobalScope(): void {}

  it('refuses a secret key in a Web Worker or Service Worker (importScripts)', () => {
    for (const globals of [
      { importScripts: () => undefined, WorkerGlobalScope, location: { origin: 'https://shop.example' } },
      {
        importScripts: () => undefined,
        WorkerGlobalScope,
        ServiceWorkerGlobalScope,
        location: { origin: 'https://shop.example' },
      },
    ]) {
      const core = loadInScope(globals);
      expect(() =>
        core.createClient({ apiKey: 'sk_live_worker', baseURL: 'https://app.livechatai.com/api/v2' }),
      ).toThrow(/exposed in a browser/);
      expect(core.createClient({ apiKey: null, baseURL: '/api/livechat' }).baseURL).toBe(
        'https://shop.example/api/livechat',
      );
    }
  });

  it('accepts it in Cloudflare workerd (a ServiceWorkerGlobalScope without importScripts) and edge runtimes', () => {
    for (const globals of [
      { WorkerGlobalScope, ServiceWorkerGlobalScope, navigator: { userAgent: 'Cloudflare-Workers' } },
      { EdgeRuntime: 'edge-runtime' },
    ]) {
      const core = loadInScope(globals);
      expect(
        core.createClient({ apiKey: 'sk_live_server', baseURL: 'https://app.livechatai.com/api/v2' }).baseURL,
      ).toBe('https://app.livechatai.com/api/v2');
    }
  });
});
