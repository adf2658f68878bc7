import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APITimeoutError,
  APIUserAbortError,
  createClient,
  isAPITimeoutError,
  isAPIUserAbortError,
} from '../src/index.js';
import { requestStream } from '../src/internal/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = (o: Parameters<typeof createClient>[0] = {}) => createClient({ apiKey: 'k', baseURL: server.url, ...o });
/** Requests that reached the server for this path: a request an earlier test gave up on may still arrive late. */
const seen = (path: string) => server.requests.filter((r) => r.url.endsWith(path)).length;
/** Never answers (until the test server closes). */
const hang = () => {
  server.handle(() => undefined);
};

describe('timeouts', () => {
  it('timeout: no response headers in time → APITimeoutError("timeout"), retried', async () => {
    hang();
    const before = server.requests.length;
    const retries: number[] = [];
    const err = await client({
      timeout: 30,
      maxRetries: 1,
      retry: { sleep: async () => undefined, onRetry: (e) => retries.push(e.attempt) },
    })
      .request({ method: 'GET', path: '/slow' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(err).toMatchObject({
      timeout: 'timeout',
      ms: 30,
      attempts: 2,
      retryable: true,
      method: 'GET',
      path: '/slow',
    });
    expect(retries).toEqual([1]);
    // under heavy load an attempt can time out before it even reaches the server, so at most 2 arrive
    expect(server.requests.length - before).toBeLessThanOrEqual(2);
  });

  it('per-request timeout overrides the client one', async () => {
    hang();
    const err = await client({ timeout: 60_000, maxRetries: 0 })
      .request({ method: 'GET', path: '/slow' }, { timeout: 20 })
      .catch((e: unknown) => e);
    expect(isAPITimeoutError(err) && err.ms).toBe(20);
  });

  it('timeout also bounds reading a non-streaming body', async () => {
    server.handle((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success",');
    });
    const err = await client({ timeout: 40, maxRetries: 0 })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(isAPITimeoutError(err) && err.timeout).toBe('timeout');
  });

  it('deadline bounds the whole call, retries and waits included, and is not retried', async () => {
    // count only this test's path: under load, a request an earlier test already gave up on can still reach the
    // server now, and must not be counted as one of this call's attempts
    let n = 0;
    server.handle((q, res) => {
      if (q.url.endsWith('/deadline-call')) n++;
      json(res, 503, {});
    });
    const retries: { at: number; delayMs: number }[] = [];
    const onRetry = ({ delayMs }: { delayMs: number }) => retries.push({ at: Date.now(), delayMs });
    const call = client({
      maxRetries: 10,
      retry: { baseDelayMs: 20, maxDelayMs: 20, random: () => 1, onRetry },
    }).request({ method: 'GET', path: '/deadline-call' }, { deadline: 100 });
    // the call computed its deadline synchronously, so it ends no later than 100 ms from here
    const endsBy = Date.now() + 100;
    const err = await call.catch((e: unknown) => e);
    // No assertion on timing: under load the deadline can fire during an attempt (a timeout) or the next wait
    // would cross it (the last 503 is thrown). Only the last attempt can have been cut short before the server
    // saw it, and the server never sees more requests than the client made.
    const attempts = (err as { attempts: number }).attempts;
    expect(isAPITimeoutError(err) ? err.timeout : (err as { status?: number }).status).toBeOneOf(['deadline', 503]);
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThan(11); // the deadline, not maxRetries, stopped it
    expect(n).toBeGreaterThanOrEqual(attempts - 1);
    expect(n).toBeLessThanOrEqual(attempts);
    expect(retries).toHaveLength(attempts - 1);
    // no retry was scheduled to start after the deadline
    for (const r of retries) expect(r.at + r.delayMs).toBeLessThan(endsBy);
    hang();
    const t = await client({ deadline: 30 })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(t).toMatchObject({ name: 'APITimeoutError', timeout: 'deadline', ms: 30, retryable: false, attempts: 1 });
  });

  it('0 disables a timeout; with nothing that can cancel, fetch gets no AbortSignal (its fastest path)', async () => {
    expect(client({ timeout: 0 }).timeout).toBe(Infinity);
    server.handle((_q, res) => json(res, 200, { status: 'success', data: 1 }));
    const signals: unknown[] = [];
    const spy = (input: string | Request, init?: RequestInit) => {
      signals.push(init?.signal);
      return fetch(input, init);
    };
    await client({ timeout: 0, fetch: spy }).request({ method: 'GET', path: '/x' });
    await client({ fetch: spy }).request({ method: 'GET', path: '/x' });
    await client({ timeout: 0, fetch: spy }).request(
      { method: 'GET', path: '/x' },
      { signal: new AbortController().signal },
    );
    expect(signals[0]).toBeNull();
    expect(signals[1]).toBeInstanceOf(AbortSignal);
    expect(signals[2]).toBeInstanceOf(AbortSignal);
  });
});

describe('abort', () => {
  it('an already-aborted signal throws before any request', async () => {
    const err = await client()
      .request({ method: 'GET', path: '/pre-aborted' }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIUserAbortError);
    expect(err).toMatchObject({ attempts: 0, retryable: false });
    expect(seen('/pre-aborted')).toBe(0);
  });

  it('aborting during the request cancels it and is never retried', async () => {
    const ctrl = new AbortController();
    // abort once the server holds the request (not on a timer, which a loaded machine could outrun)
    server.handle((q) => {
      if (q.url.endsWith('/abort-me')) ctrl.abort();
    });
    const p = client({ maxRetries: 5 }).request({ method: 'GET', path: '/abort-me' }, { signal: ctrl.signal });
    const err = await p.catch((e: unknown) => e);
    expect(isAPIUserAbortError(err)).toBe(true);
    expect(err).toMatchObject({ attempts: 1, method: 'GET', path: '/abort-me' });
    expect(seen('/abort-me')).toBe(1);
  });

  it('aborting during a retry wait stops the retries', async () => {
    server.handle((_q, res) => json(res, 503, {}));
    const ctrl = new AbortController();
    const err = await client({
      retry: {
        sleep: async () => {
          ctrl.abort();
        },
      },
    })
      .request({ method: 'GET', path: '/x' }, { signal: ctrl.signal })
      .catch((e: unknown) => e);
    expect(isAPIUserAbortError(err)).toBe(true);
    expect(err).toMatchObject({ attempts: 1 });
  });

  it('the signal aborts a stream while it is being read', async () => {
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: delta\ndata: {"text":"a"}\n\n');
      await new Promise((r) => setTimeout(r, 3000));
      res.end();
    });
    const ctrl = new AbortController();
    const stream = await requestStream(client(), { path: '/c', body: {} }, { signal: ctrl.signal });
    const texts: string[] = [];
    const err = await (async () => {
      for await (const t of stream.textStream) {
        texts.push(t);
        ctrl.abort();
      }
    })().catch((e: unknown) => e);
    expect(texts).toEqual(['a']);
    expect(isAPIUserAbortError(err)).toBe(true);
  });

  it('a stream deadline fires between chunks as APITimeoutError("deadline")', async () => {
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < 50 && !res.destroyed; i++) {
        res.write(`event: delta\ndata: {"text":"${i}"}\n\n`);
        await new Promise((r) => setTimeout(r, 10));
      }
      res.end();
    });
    const stream = await requestStream(client(), { path: '/c', body: {} }, { deadline: 80 });
    const err = await stream.finalMessage().catch((e: unknown) => e);
    expect(isAPITimeoutError(err) && err.timeout).toBe('deadline');
  });
});
