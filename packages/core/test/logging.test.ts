import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, logRequests, redact } from '../src/index.js';
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

const noWait = { sleep: async () => undefined };

describe('logRequests', () => {
  it('debug logs each attempt with the Authorization header and secret-named body fields redacted', async () => {
    let n = 0;
    server.handle((_q, res) =>
      ++n === 1
        ? json(res, 500, { status: 'error', message: `oops ${KEY}` })
        : json(res, 200, { status: 'success', data: {} }),
    );
    const { lines, logger } = capture();
    await createClient({
      apiKey: KEY,
      baseURL: server.url,
      middleware: [logRequests({ level: 'debug', logger })],
      retry: noWait,
    }).request({
      method: 'POST',
      path: '/contacts',
      query: { userHash: 'q-secret' },
      body: {
        name: 'Ann',
        userHash: 'h-secret',
        nested: { apiKey: KEY, password: 'pw', token: 't' },
        note: `key is ${KEY}`,
      },
    });
    const all = lines.map((l) => l.text).join('\n');
    expect(lines.map((l) => l.level)).toEqual(['debug', 'info', 'info', 'debug', 'debug']);
    expect(lines[1]!.text).toMatch(/500 POST \/api\/v2\/contacts #1/);
    expect(lines[2]!.text).toMatch(/retrying POST \/api\/v2\/contacts #2/);
    expect(lines[4]!.text).toMatch(/200 POST \/api\/v2\/contacts #2 .*req_200/);
    expect(all).toContain('"authorization":"[redacted]"');
    expect(all).toContain('"idempotency-key"');
    expect(all).toContain('"name":"Ann"');
    expect(all).toContain('key is [redacted]');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('h-secret');
    expect(all).not.toContain('q-secret');
    expect(all).not.toContain('"pw"');
  });

  it('info logs retries and failed attempts, including connection failures', async () => {
    server.handle((_q, res) => json(res, 503, {}));
    const info = capture();
    await createClient({
      apiKey: KEY,
      baseURL: server.url,
      middleware: [logRequests({ level: 'info', logger: info.logger })],
      retry: noWait,
    })
      .request({ method: 'GET', path: '/x' })
      .catch(() => undefined);
    expect(info.lines.map((l) => l.level)).toEqual(['info', 'info', 'info', 'info', 'info']);
    expect(info.lines.map((l) => l.text).join('\n')).toMatch(
      /503 GET \/api\/v2\/x #1[^]*retrying GET \/api\/v2\/x #2[^]*503 GET \/api\/v2\/x #3/,
    );

    const down = capture();
    const refused = createClient({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 0,
      middleware: [logRequests({ logger: down.logger })],
    });
    await expect(refused.request({ method: 'GET', path: '/y' })).rejects.toMatchObject({ name: 'APIConnectionError' });
    expect(down.lines).toEqual([{ level: 'info', text: expect.stringMatching(/✗ GET \/y #1: TypeError/) as string }]);
  });

  it('reads LIVECHATAI_LOG; off is silent', async () => {
    server.handle((_q, res) => json(res, 503, {}));
    const prev = process.env.LIVECHATAI_LOG;
    try {
      process.env.LIVECHATAI_LOG = 'OFF';
      const quiet = capture();
      await createClient({
        apiKey: KEY,
        baseURL: server.url,
        middleware: [logRequests({ logger: quiet.logger })],
        retry: noWait,
      })
        .request({ method: 'GET', path: '/x' })
        .catch(() => undefined);
      expect(quiet.lines).toEqual([]);
      process.env.LIVECHATAI_LOG = 'debug';
      const loud = capture();
      await createClient({
        apiKey: KEY,
        baseURL: server.url,
        maxRetries: 0,
        middleware: [logRequests({ logger: loud.logger })],
      })
        .request({ method: 'GET', path: '/x' })
        .catch(() => undefined);
      expect(loud.lines.map((l) => l.level)).toEqual(['debug', 'info']);
    } finally {
      if (prev === undefined) delete process.env.LIVECHATAI_LOG;
      else process.env.LIVECHATAI_LOG = prev;
    }
  });

  it('is opt-in: a client without it logs nothing', async () => {
    server.handle((_q, res) => json(res, 503, {}));
    const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    try {
      await createClient({ apiKey: KEY, baseURL: server.url, retry: noWait })
        .request({ method: 'GET', path: '/x' })
        .catch(() => undefined);
      expect(spies.flatMap((s) => s.mock.calls)).toEqual([]);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('redact masks secret-looking keys at any depth without touching the input', () => {
    const input = { agentId: 'a', items: [{ secret: 's', ok: 1 }], Authorization: 'Bearer x', refresh_token: 'r' };
    expect(redact(input)).toEqual({
      agentId: 'a',
      items: [{ secret: '[redacted]', ok: 1 }],
      Authorization: '[redacted]',
      refresh_token: '[redacted]',
    });
    expect(input.items[0]!.secret).toBe('s');
    expect(redact('plain')).toBe('plain');
  });
});

describe('LIVECHATAI_LOG alone', () => {
  async function withLogEnv<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
    const prev = process.env.LIVECHATAI_LOG;
    if (value === undefined) delete process.env.LIVECHATAI_LOG;
    else process.env.LIVECHATAI_LOG = value;
    try {
      return await run();
    } finally {
      if (prev === undefined) delete process.env.LIVECHATAI_LOG;
      else process.env.LIVECHATAI_LOG = prev;
    }
  }
  const consoleLines = () => {
    const lines: { level: string; text: string }[] = [];
    const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push({ level, text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') });
      }),
    );
    const restore = (): void => {
      for (const spy of spies) spy.mockRestore();
    };
    return { lines, restore };
  };

  it('turns logging on with the default logger (console), redacted, without adding the middleware', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: {} }));
    const out = consoleLines();
    try {
      await withLogEnv('debug', () =>
        createClient({ apiKey: KEY, baseURL: server.url }).request({
          method: 'POST',
          path: '/contacts',
          body: { name: 'Ann', password: 'pw-secret', note: `key ${KEY}` },
        }),
      );
    } finally {
      out.restore();
    }
    const all = out.lines.map((l) => l.text).join('\n');
    expect(out.lines.map((l) => l.level)).toEqual(['debug', 'debug']);
    expect(all).toMatch(/\[livechatai\] → POST \/api\/v2\/contacts #1/);
    expect(all).toMatch(/← 200 POST \/api\/v2\/contacts #1/);
    expect(all).toContain('"authorization":"[redacted]"');
    expect(all).toContain('"name":"Ann"');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('pw-secret');
  });

  it('info: retries only; off or unset: nothing; a logRequests() already in the middleware logs once', async () => {
    server.handle((_q, res) => json(res, 503, {}));
    const out = consoleLines();
    try {
      await withLogEnv('info', () =>
        createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 1, retry: noWait })
          .request({ method: 'GET', path: '/x' })
          .catch(() => undefined),
      );
      expect(out.lines.map((l) => l.level)).toEqual(['info', 'info', 'info']);
      out.lines.length = 0;
      for (const value of ['off', undefined, '']) {
        await withLogEnv(value, () =>
          createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 0 })
            .request({ method: 'GET', path: '/x' })
            .catch(() => undefined),
        );
      }
      expect(out.lines).toEqual([]);
      const mine = capture();
      await withLogEnv('info', () =>
        createClient({
          apiKey: KEY,
          baseURL: server.url,
          maxRetries: 0,
          middleware: [logRequests({ logger: mine.logger })],
        })
          .request({ method: 'GET', path: '/x' })
          .catch(() => undefined),
      );
      expect(mine.lines).toHaveLength(1);
      expect(out.lines).toEqual([]);
    } finally {
      out.restore();
    }
  });
});
