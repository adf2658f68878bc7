import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, isAPIConnectionError, isInternalServerError, isRateLimitError } from '../src/index.js';
import { parseRetryAfter } from '../src/retry.js';
import type { RetryEvent } from '../src/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function setup(extra: Parameters<typeof createClient>[0] = {}) {
  const events: RetryEvent[] = [];
  const sleeps: number[] = [];
  const client = createClient({
    apiKey: 'k',
    baseURL: server.url,
    ...extra,
    retry: {
      onRetry: (e) => events.push(e),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...extra.retry,
    },
  });
  return { client, events, sleeps };
}

/** Answers with the given responses in order (then keeps repeating the last). */
function script(...steps: ((res: ServerResponse) => unknown)[]) {
  let i = 0;
  const before = server.requests.length;
  server.handle((_q, res) => steps[Math.min(i++, steps.length - 1)]!(res));
  return () => server.requests.slice(before);
}

describe('retries', () => {
  it('retries a 429 honouring Retry-After seconds, then succeeds', async () => {
    const reqs = script(
      (res) => json(res, 429, { status: 'error', message: 'slow down', code: 'rate_limited' }, { 'retry-after': '2' }),
      (res) => json(res, 200, { status: 'success', data: 'ok' }),
    );
    const { client, events, sleeps } = setup();
    const r = await client.request({ method: 'GET', path: '/agents' }).withResponse();
    expect(r.data).toBe('ok');
    expect(reqs()).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ attempt: 1, delayMs: 2000, method: 'GET', path: '/agents' });
    expect(isRateLimitError(events[0]!.error) && events[0]!.error.retryAfterMs).toBe(2000);
  });

  it('honours retry-after-ms and an HTTP-date Retry-After', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Mon, 01 Jan 2024 00:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });

  it('uses full-jitter exponential backoff on 5xx and gives up after maxRetries', async () => {
    const reqs = script((res) => json(res, 503, { status: 'error', message: 'down', code: 'internal_error' }));
    const { client, sleeps } = setup({ retry: { baseDelayMs: 100, maxDelayMs: 300 } });
    const err = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(isInternalServerError(err)).toBe(true);
    expect(err).toMatchObject({ status: 503, attempts: 3, retryable: true, code: 'internal_error' });
    expect(reqs()).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]); // random 0.5 × min(300, 100·2^(n-1))
  });

  it('does not retry 400, 501, or when maxRetries is 0', async () => {
    let reqs = script((res) => json(res, 400, { status: 'error', message: 'bad', code: 'validation_error' }));
    const { client } = setup();
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      status: 400,
      attempts: 1,
      retryable: false,
    });
    expect(reqs()).toHaveLength(1);
    reqs = script((res) => json(res, 501, { status: 'error', message: 'nope' }));
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 501, attempts: 1 });
    expect(reqs()).toHaveLength(1);
    reqs = script((res) => json(res, 500, {}));
    await expect(client.request({ method: 'GET', path: '/x' }, { maxRetries: 0 })).rejects.toMatchObject({
      status: 500,
      attempts: 1,
    });
    expect(reqs()).toHaveLength(1);
  });

  it('retries a connection reset (socket destroyed)', async () => {
    let n = 0;
    const before = server.requests.length;
    server.handle((_q, res) => (++n === 1 ? res.socket?.destroy() : json(res, 200, { status: 'success', data: n })));
    const { client, events } = setup();
    expect(await client.request({ method: 'GET', path: '/x' })).toBe(2);
    expect(server.requests.length - before).toBe(2);
    expect(isAPIConnectionError(events[0]!.error) && events[0]!.error.reason).toBe('reset');
  });

  it('never retries a POST without an idempotency key', async () => {
    const reqs = script((res) => json(res, 503, { status: 'error', message: 'down' }));
    const { client, events } = setup({ idempotencyKeys: false });
    await expect(client.request({ method: 'POST', path: '/x', body: {} })).rejects.toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(reqs()).toHaveLength(1);
    expect(events).toHaveLength(0);
  });

  it('sends the same idempotency key on every retry of a POST', async () => {
    const reqs = script(
      (res) => res.socket?.destroy(),
      (res) => json(res, 429, {}, { 'retry-after': '0' }),
      (res) => json(res, 200, { status: 'success', data: 'done' }),
    );
    const { client } = setup();
    expect(await client.request({ method: 'POST', path: '/contacts', body: { a: 1 } })).toBe('done');
    const keys = reqs().map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    for (const r of reqs()) expect(r.body).toBe('{"a":1}');
  });

  it('does not wait longer than maxRetryAfterMs: throws the rate-limit error instead', async () => {
    const reqs = script((res) => json(res, 429, { code: 'rate_limited', message: 'later' }, { 'retry-after': '120' }));
    const { client, sleeps } = setup();
    const err = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(isRateLimitError(err) && err.retryAfterMs).toBe(120_000);
    expect(reqs()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('spends a shared retry budget', async () => {
    script((res) => json(res, 500, {}));
    const { client, events } = setup({ retry: { budget: { max: 3, refill: 0.5 } } });
    expect(client.retry.budget).toEqual({ tokens: 3, max: 3, refill: 0.5 });
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ attempts: 3 });
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ attempts: 2 });
    expect(client.retry.budget?.tokens).toBe(0);
    await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ attempts: 1 });
    expect(events).toHaveLength(3);
    script((res) => json(res, 200, { status: 'success', data: 1 }));
    await client.request({ method: 'GET', path: '/x' });
    expect(client.retry.budget?.tokens).toBe(0.5);
  });

  it('exposes an inspectable policy', () => {
    const { client } = setup({ maxRetries: 5 });
    expect(client.retry.maxRetries).toBe(5);
    expect([408, 429, 500, 502, 503, 504].every(client.retry.isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 413, 422, 501].some(client.retry.isRetryableStatus)).toBe(false);
  });
});

describe('retry options are validated', () => {
  it('createClient refuses NaN, negative, fractional and meaningless infinite values, naming the option', () => {
    const unset = Number(process.env.LIVECHATAI_TEST_UNSET_RETRIES); // NaN, as from an unset variable
    const cases: [Parameters<typeof createClient>[0], string][] = [
      [{ maxRetries: unset }, 'maxRetries'],
      [{ maxRetries: -1 }, 'maxRetries'],
      [{ maxRetries: 1.5 }, 'maxRetries'],
      [{ maxRetries: Infinity }, 'maxRetries'],
      [{ maxRetries: '3' as unknown as number }, 'maxRetries'],
      [{ retry: { maxRetries: Number.NaN } }, 'retry.maxRetries'],
      [{ retry: { baseDelayMs: -5 } }, 'retry.baseDelayMs'],
      [{ retry: { baseDelayMs: Number.NaN } }, 'retry.baseDelayMs'],
      [{ retry: { maxDelayMs: Infinity } }, 'retry.maxDelayMs'],
      [{ retry: { maxRetryAfterMs: -1 } }, 'retry.maxRetryAfterMs'],
      [{ retry: { budget: { max: -1 } } }, 'retry.budget.max'],
      [{ retry: { budget: { max: Infinity } } }, 'retry.budget.max'],
      [{ retry: { budget: {} as { max: number } } }, 'retry.budget.max'],
      [{ retry: { budget: { max: 5, refill: Number.NaN } } }, 'retry.budget.refill'],
      [{ retry: { budget: 'none' as never } }, 'retry.budget'],
      [{ retry: { isRetryableStatus: 'yes' as never } }, 'retry.isRetryableStatus'],
      [{ retry: { retryTimeouts: 'no' as never } }, 'retry.retryTimeouts'],
      [{ retry: { sleep: 10 as never } }, 'retry.sleep'],
    ];
    for (const [options, param] of cases) {
      let err: unknown;
      try {
        createClient({ apiKey: 'k', baseURL: server.url, ...options });
      } catch (e) {
        err = e;
      }
      expect(err, param).toMatchObject({ name: 'InvalidParameterError', param });
    }
    // an infinite maxRetryAfterMs means "wait for any Retry-After": allowed
    expect(
      createClient({ apiKey: 'k', baseURL: server.url, retry: { maxRetryAfterMs: Infinity } }).retry.maxRetryAfterMs,
    ).toBe(Infinity);
  });

  it('a bad per-request maxRetries rejects the call before any request (never retries without bound)', async () => {
    const reqs = script((res) => json(res, 200, { status: 'success', data: 'sent' }));
    const { client } = setup();
    for (const maxRetries of [Number.NaN, -1, 0.5, Infinity]) {
      let call: Promise<unknown> | undefined;
      expect(() => {
        call = client.request({ method: 'GET', path: '/x' }, { maxRetries });
      }).not.toThrow();
      await expect(call, String(maxRetries)).rejects.toMatchObject({
        name: 'InvalidParameterError',
        param: 'maxRetries',
      });
    }
    expect(reqs()).toHaveLength(0);
  });
});

describe('the default retry budget', () => {
  it('100 concurrent calls in a 429 storm make well under 300 requests', async () => {
    const reqs = script((res) => json(res, 429, { status: 'error', message: 'slow down', code: 'rate_limited' }));
    const client = createClient({ apiKey: 'k', baseURL: server.url, retry: { sleep: async () => undefined } });
    expect(client.retry.budget).toEqual({ tokens: 10, max: 10, refill: 0.1 });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => client.request({ method: 'GET', path: '/storm' })),
    );
    expect(results.every((r) => r.status === 'rejected' && isRateLimitError(r.reason))).toBe(true);
    expect(reqs().length).toBeGreaterThanOrEqual(100);
    expect(reqs().length).toBeLessThanOrEqual(110);
  });

  it('is shared by every call of a client, and budget: false turns it off', async () => {
    const reqs = script((res) => json(res, 429, {}));
    const client = createClient({
      apiKey: 'k',
      baseURL: server.url,
      retry: { sleep: async () => undefined, budget: false },
    });
    expect(client.retry.budget).toBeUndefined();
    await Promise.allSettled(Array.from({ length: 20 }, () => client.request({ method: 'GET', path: '/storm' })));
    expect(reqs()).toHaveLength(60);
  });
});
