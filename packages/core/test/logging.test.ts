import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, redact } from '../src/index.js';
import type { Logger } from '../src/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

const KEY = 'sk_live_LOGSECRET_0987654321';
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function capture() {
  const lines: { level: string; text: string }[] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push({ level, text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { lines, logger };
}

describe('logging', () => {
  it('debug logs requests with the Authorization header and secret-named body fields redacted', async () => {
    let n = 0;
    server.handle((_q, res) => (++n === 1 ? json(res, 500, { status: 'error', message: 'oops' }) : json(res, 200, { status: 'success', data: {} })));
    const { lines, logger } = capture();
    await createClient({ apiKey: KEY, baseURL: server.url, logger, logLevel: 'debug', retry: { sleep: async () => undefined } }).request({
      method: 'POST',
      path: '/contacts',
      body: { name: 'Ann', userHash: 'h-secret', nested: { apiKey: KEY, password: 'pw', token: 't' }, note: `key is ${KEY}` },
    });
    const all = lines.map((l) => l.text).join('\n');
    expect(lines.filter((l) => l.level === 'debug').length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => l.level === 'info' && l.text.includes('retrying POST /contacts'))).toBe(true);
    expect(all).toContain('"authorization":"[redacted]"');
    expect(all).toContain('"name":"Ann"');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('h-secret');
    expect(all).not.toContain('"pw"');
  });

  it('respects the level and LIVECHATAI_LOG; off is silent', async () => {
    server.handle((_q, res) => json(res, 503, {}));
    const quiet = capture();
    await createClient({ apiKey: KEY, baseURL: server.url, logger: quiet.logger, logLevel: 'off', retry: { sleep: async () => undefined } })
      .request({ method: 'GET', path: '/x' })
      .catch(() => undefined);
    expect(quiet.lines).toEqual([]);
    const prev = process.env.LIVECHATAI_LOG;
    process.env.LIVECHATAI_LOG = 'INFO';
    try {
      const info = capture();
      await createClient({ apiKey: KEY, baseURL: server.url, logger: info.logger, retry: { sleep: async () => undefined } })
        .request({ method: 'GET', path: '/x' })
        .catch(() => undefined);
      expect(info.lines.map((l) => l.level)).toEqual(['info', 'info']);
      expect(info.lines.map((l) => l.text).join('')).not.toContain(KEY);
    } finally {
      if (prev === undefined) delete process.env.LIVECHATAI_LOG;
      else process.env.LIVECHATAI_LOG = prev;
    }
  });

  it('redact masks secret-looking keys at any depth without touching the input', () => {
    const input = { agentId: 'a', items: [{ secret: 's', ok: 1 }], Authorization: 'Bearer x', refresh_token: 'r' };
    expect(redact(input)).toEqual({ agentId: 'a', items: [{ secret: '[redacted]', ok: 1 }], Authorization: '[redacted]', refresh_token: '[redacted]' });
    expect(input.items[0]!.secret).toBe('s');
    expect(redact('plain')).toBe('plain');
  });
});
