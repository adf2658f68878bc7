import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp } from './app.js';
import { listen, type Listening } from './listen.js';

let emulator: Emulator;
let proxy: Listening;
let staticDir: string;

beforeAll(async () => {
  // 100 ms between streamed events, so a proxy that buffered the body would be caught delivering it whole.
  emulator = await startEmulator({ port: 0, db: ':memory:', streamDelayMs: 100 });
  staticDir = mkdtempSync(join(tmpdir(), 'livechatai-example-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  proxy = await listen(createProxyApp({ target: emulator.url, apiKey: emulator.apiKey, staticDir }), '127.0.0.1', 0);
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with exactly these headers (fetch would not let a test choose Host), as a browser could send it. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  const { hostname, port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const corsHeaders = (headers: IncomingHttpHeaders) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

async function agentNames(): Promise<string[]> {
  const list = (await (await fetch(`${proxy.url}/api/v2/agents?limit=100`)).json()) as { data: { name: string }[] };
  return list.data.map((a) => a.name);
}

function expectForbidden(res: RawResponse) {
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toContain('application/json');
  expect(JSON.parse(res.body)).toMatchObject({ status: 'error', code: 'forbidden' });
  expect(corsHeaders(res.headers)).toEqual([]);
}

describe('app server', () => {
  it('adds the key itself: keyless requests succeed, a key from the browser is replaced', async () => {
    const created = await fetch(`${proxy.url}/api/v2/agents`, {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer not-the-key' },
      body: JSON.stringify({ name: 'Through the proxy', isLiveChatEnabled: true }),
    });
    expect(created.status).toBe(200);
    const list = await fetch(`${proxy.url}/api/v2/agents?limit=5`);
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain('Through the proxy');
    expect(text).not.toContain(emulator.apiKey);
    expect(list.headers.get('x-request-id')).toBeTruthy();
  });

  it('streams answers through as they are written, not buffered', async () => {
    const agent = (await (
      await fetch(`${proxy.url}/api/v2/agents`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Streamer', isLiveChatEnabled: true }),
      })
    ).json()) as { data: { id: string } };
    const res = await fetch(`${proxy.url}/api/v2/conversations`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ agentId: agent.data.id, question: 'Hello there, who are you?', streaming: true }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value);
    expect(first).toContain('event: delta');
    expect(first).not.toContain('event: done');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toContain('event: done');
  });

  it('answers with an error envelope when the API cannot be reached, and 404 outside /api/v2', async () => {
    const dead = await listen(
      createProxyApp({ target: 'http://127.0.0.1:9/api/v2', apiKey: 'k'.repeat(20) }),
      '127.0.0.1',
      0,
    );
    try {
      const res = await fetch(`${dead.url}/api/v2/agents`);
      expect(res.status).toBe(502);
      const body = (await res.json()) as { status: string; code: string; message: string };
      expect(body).toMatchObject({ status: 'error', code: 'bad_gateway' });
      expect(body.message).toContain('could not be reached');
      expect(body.message).not.toContain('k'.repeat(20));
    } finally {
      await dead.close();
    }
    expect((await fetch(`${proxy.url}/api/v1/agents`)).status).toBe(404);
  });

  it('serves the built app, with the app for unknown paths and nothing outside its folder', async () => {
    const index = await fetch(`${proxy.url}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('<title>app</title>');
    const asset = await fetch(`${proxy.url}/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${proxy.url}/inbox`)).text()).toContain('<title>app</title>');
    const escaped = await fetch(`${proxy.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escaped.text()).not.toContain('root:');
  });
});

describe('app server: only for its own pages', () => {
  const own = () => new URL(proxy.url).host;
  const createAgent = (name: string) => JSON.stringify({ name, isLiveChatEnabled: true });

  it('refuses a Host that is not its own (DNS rebinding) before calling the API, and accepts localhost', async () => {
    const rebound = await raw(
      'POST',
      '/api/v2/agents',
      { ...json, host: `evil.example:${String(proxy.port)}` },
      createAgent('Rebound'),
    );
    expectForbidden(rebound);
    expect(JSON.parse(rebound.body).message).toContain('evil.example');
    expectForbidden(await raw('GET', '/', { host: `evil.example:${String(proxy.port)}` }));
    expect(await agentNames()).not.toContain('Rebound');

    const local = await raw(
      'POST',
      '/api/v2/agents',
      { ...json, host: `localhost:${String(proxy.port)}` },
      createAgent('Via localhost'),
    );
    expect(local.status).toBe(200);
    expect(await agentNames()).toContain('Via localhost');
  });

  it('refuses a cross-site Origin (and the opaque "null" one) before calling the API, and accepts its own', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null']) {
      const res = await raw('POST', '/api/v2/agents', { ...json, host: own(), origin }, createAgent(`From ${origin}`));
      expectForbidden(res);
    }
    expect((await agentNames()).filter((name) => name.startsWith('From '))).toEqual([]);

    const same = await raw(
      'POST',
      '/api/v2/agents',
      { ...json, host: own(), origin: proxy.url },
      createAgent('Same origin'),
    );
    expect(same.status).toBe(200);
    expect(await agentNames()).toContain('Same origin');
  });

  it('refuses API requests a browser marks as coming from another site, even without an Origin', async () => {
    expectForbidden(await raw('GET', '/api/v2/contacts', { host: own(), 'sec-fetch-site': 'cross-site' }));
    expectForbidden(await raw('GET', '/api/v2/contacts', { host: own(), 'sec-fetch-site': 'same-site' }));
    expect((await raw('GET', '/api/v2/agents', { host: own(), 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it("never passes the API's CORS headers on, preflights included", async () => {
    const direct = await fetch(`${emulator.url}/agents`, {
      headers: { authorization: `Bearer ${emulator.apiKey}`, origin: 'https://evil.example' },
    });
    expect(direct.headers.get('access-control-allow-origin')).toBe('*');

    const list = await raw('GET', '/api/v2/agents', { host: own() });
    expect(list.status).toBe(200);
    expect(corsHeaders(list.headers)).toEqual([]);

    const preflight = {
      host: own(),
      origin: proxy.url,
      'access-control-request-method': 'DELETE',
      'access-control-request-headers': 'content-type',
    };
    const ownPreflight = await raw('OPTIONS', '/api/v2/agents/agent_1', preflight);
    expect(corsHeaders(ownPreflight.headers)).toEqual([]);
    expectForbidden(await raw('OPTIONS', '/api/v2/agents/agent_1', { ...preflight, origin: 'https://evil.example' }));
  });
});
