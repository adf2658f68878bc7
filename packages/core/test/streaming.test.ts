import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import {
  createClient,
  EventStream,
  isAPITimeoutError,
  isAPIUserAbortError,
  isBadRequestError,
  isRateLimitError,
  isUnexpectedResponseError,
} from '../src/index.js';
import { requestStream } from '../src/internal/index.js';
import type { StreamEvent } from '../src/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = (o: Parameters<typeof createClient>[0] = {}) =>
  createClient({ apiKey: 'k', baseURL: server.url, retry: { sleep: async () => undefined }, ...o });
const tick = () => new Promise((r) => setTimeout(r, 1));

const done = {
  conversationId: 'chat_1',
  contactId: 'c',
  response: 'Hello world',
  messageId: 'm1',
  responseMessageId: 'm2',
  links: [],
};
const SSE = [
  ': ping\n\n',
  'id: 1\nevent: delta\ndata: {"text":"Hello"}\n\n',
  'id: 2\r\nevent: delta\r\ndata: {"text":" world"}\r\n\r\n',
  `id: 3\nevent: done\ndata: ${JSON.stringify(done)}\n\n`,
].join('');

/** Writes `body` in pieces of `size` bytes, yielding to the event loop between pieces. */
async function writeSlowly(res: ServerResponse, body: string, size: number, type = 'text/event-stream') {
  res.writeHead(200, { 'content-type': type, 'x-request-id': 'req_s' });
  const buf = Buffer.from(body);
  for (let i = 0; i < buf.length; i += size) {
    res.write(buf.subarray(i, i + size));
    await tick();
  }
  res.end();
}

describe('requestStream', () => {
  it('parses SSE split byte by byte: deltas, done, ids, comments, CRLF', async () => {
    server.handle((_q, res) => writeSlowly(res, SSE, 1));
    const stream = await requestStream<typeof done>(client(), { path: '/conversations', body: { streaming: true } });
    expect(stream.requestId).toBe('req_s');
    const events: StreamEvent<typeof done>[] = [];
    for await (const e of stream) events.push(e);
    expect(events).toEqual([
      { event: 'delta', data: { text: 'Hello' }, id: '1' },
      { event: 'delta', data: { text: ' world' }, id: '2' },
      { event: 'done', data: done, id: '3' },
    ]);
    expect(await stream.finalMessage()).toEqual(done);
    expect(server.requests.at(-1)!.headers.accept).toContain('text/event-stream');
  });

  it('ends at the done event even if the server keeps the body open; breaking at done still settles', async () => {
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(SSE);
      await new Promise((r) => setTimeout(r, 3000));
      res.end();
    });
    const stream = await requestStream(client({ idleTimeout: 10_000 }), { path: '/c', body: {} });
    const events: string[] = [];
    for await (const e of stream) events.push(e.event);
    expect(events).toEqual(['delta', 'delta', 'done']);
    expect(await stream.finalMessage()).toEqual(done);
    server.handle((_q, res) => writeSlowly(res, SSE, 200));
    const s2 = await requestStream(client(), { path: '/c', body: {} });
    for await (const e of s2) if (e.event === 'done') break;
    expect(await s2.finalMessage()).toEqual(done);
  });

  it('breaking out early rejects finalMessage with APIUserAbortError and frees the connection', async () => {
    server.handle((_q, res) => writeSlowly(res, SSE, 3));
    const stream = await requestStream(client(), { path: '/c', body: {} });
    for await (const e of stream) if (e.event === 'delta') break;
    expect(isAPIUserAbortError(await stream.finalMessage().catch((e: unknown) => e))).toBe(true);
  });

  it('textStream yields the text deltas; finalMessage works alone', async () => {
    server.handle((_q, res) => writeSlowly(res, SSE, 7));
    const s1 = await requestStream(client(), { path: '/c', body: {} });
    let text = '';
    for await (const t of s1.textStream) text += t;
    expect(text).toBe('Hello world');
    server.handle((_q, res) => writeSlowly(res, SSE, 64));
    const s2 = await requestStream(client(), { path: '/c', body: {} });
    expect(await s2.finalMessage()).toEqual(done);
    expect(() => s2[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('throws the typed error of an `event: error`', async () => {
    server.handle((_q, res) =>
      writeSlowly(
        res,
        'event: delta\ndata: {"text":"a"}\n\nevent: error\ndata: {"status":"error","message":"Too many","code":"rate_limited"}\n\n',
        5,
      ),
    );
    const stream = await requestStream(client(), { path: '/c', body: {} });
    const seen: string[] = [];
    const err = await (async () => {
      for await (const e of stream) seen.push(e.event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['delta']);
    expect(isRateLimitError(err)).toBe(true);
    await expect(stream.finalMessage()).rejects.toBe(err);
  });

  it('falls back to plain text for other content types', async () => {
    server.handle((_q, res) => writeSlowly(res, 'The answer is 42.', 4, 'text/plain; charset=utf-8'));
    const stream = await requestStream(client(), { path: '/c', body: {} });
    const deltas: string[] = [];
    for await (const e of stream) if (e.event === 'delta') deltas.push(e.data.text);
    expect(deltas.join('')).toBe('The answer is 42.');
    expect(deltas.length).toBeGreaterThan(1);
    expect(await stream.finalMessage()).toEqual({ response: 'The answer is 42.' });
  });

  it('accepts a non-streaming JSON answer as one delta plus done', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', message: 'sent', data: done }));
    const stream = await requestStream(client(), { path: '/c', body: {} });
    const events: StreamEvent[] = [];
    for await (const e of stream) events.push(e);
    expect(events).toEqual([
      { event: 'delta', data: { text: 'Hello world' }, id: undefined },
      { event: 'done', data: done, id: undefined },
    ]);
  });

  it('retries the initial request, and throws HTTP errors before streaming', async () => {
    let n = 0;
    server.handle((_q, res) => (++n === 1 ? json(res, 503, {}) : writeSlowly(res, SSE, 100)));
    const stream = await requestStream(client(), { path: '/c', body: {} });
    expect(await stream.finalMessage()).toEqual(done);
    expect(n).toBe(2);
    server.handle((_q, res) =>
      json(res, 400, { status: 'error', message: 'question is required', code: 'validation_error' }),
    );
    const err = await requestStream(client(), { path: '/c', body: {} }).catch((e: unknown) => e);
    expect(isBadRequestError(err)).toBe(true);
  });

  it('idle timeout fires between chunks', async () => {
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: delta\ndata: {"text":"a"}\n\n');
      await new Promise((r) => setTimeout(r, 2000));
      res.end();
    });
    const stream = await requestStream(client({ idleTimeout: 50 }), { path: '/c', body: {} });
    const err = await stream.finalMessage().catch((e: unknown) => e);
    expect(isAPITimeoutError(err) && err.timeout).toBe('idleTimeout');
    expect(err).toMatchObject({ ms: 50, retryable: false, path: '/c' });
    // per request, overriding the client's
    const s2 = await requestStream(client({ idleTimeout: 60_000 }), { path: '/c', body: {} }, { idleTimeout: 40 });
    const e2 = await s2.finalMessage().catch((e: unknown) => e);
    expect(isAPITimeoutError(e2) && e2.ms).toBe(40);
  });

  it('abort() ends iteration quietly and rejects finalMessage', async () => {
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write(`event: delta\ndata: {"text":"${i}"}\n\n`);
        await new Promise((r) => setTimeout(r, 10));
      }
      res.end();
    });
    const stream = await requestStream(client(), { path: '/c', body: {} });
    let count = 0;
    for await (const e of stream) {
      expect(e.event).toBe('delta');
      if (++count === 2) stream.abort();
    }
    expect(count).toBe(2);
    expect(isAPIUserAbortError(await stream.finalMessage().catch((e: unknown) => e))).toBe(true);
  });

  it('hands out nothing after an abort, even the events already read in the same chunk', async () => {
    const fiveDeltas = Array.from({ length: 5 }, (_, i) => `event: delta\ndata: {"text":"${i}"}\n\n`).join('');
    server.handle((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(fiveDeltas); // one chunk, and the stream stays open
    });
    const stopped = await requestStream(client(), { path: '/c', body: {} });
    const seen: string[] = [];
    for await (const e of stopped) {
      if (e.event === 'delta') seen.push(e.data.text);
      stopped.abort();
    }
    expect(seen).toEqual(['0']);

    const controller = new AbortController();
    const signalled = await requestStream(client(), { path: '/c', body: {} }, { signal: controller.signal });
    seen.length = 0;
    const ended = await (async () => {
      for await (const e of signalled) {
        if (e.event === 'delta') seen.push(e.data.text);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['0']);
    expect(ended === undefined || isAPIUserAbortError(ended)).toBe(true);
    expect(isAPIUserAbortError(await signalled.finalMessage().catch((e: unknown) => e))).toBe(true);
  });

  it('toReadableStream re-encodes as SSE that another client can parse', async () => {
    server.handle((_q, res) => writeSlowly(res, SSE, 9));
    const upstream = await requestStream(client(), { path: '/c', body: {} });
    const proxy = await startServer(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const reader = upstream.toReadableStream().getReader();
      for (;;) {
        const r = await reader.read();
        if (r.done) break;
        res.write(r.value);
      }
      res.end();
    });
    try {
      const browserSide = createClient({ apiKey: null, baseURL: proxy.url });
      const stream = await requestStream(browserSide, { path: '/chat', body: {} });
      expect(await stream.finalMessage()).toEqual(done);
      expect(proxy.requests[0]!.headers.authorization).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });
});

describe('requestStream: bounds', () => {
  /** A server that keeps the stream open with `: ping` comments alone, every 10 ms, for up to 5 s. */
  const pingForever = () => {
    server.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < 500 && !res.destroyed; i++) {
        res.write(': ping\n\n');
        await new Promise((r) => setTimeout(r, 10));
      }
      res.end();
    });
  };

  it('keep-alive comments alone do not keep a stream open past streamTimeout', async () => {
    pingForever();
    const stream = await requestStream(client({ streamTimeout: 150, idleTimeout: 1000 }), { path: '/c', body: {} });
    const err = await stream.finalMessage().catch((e: unknown) => e);
    expect(isAPITimeoutError(err) && err.timeout).toBe('streamTimeout');
    expect(err).toMatchObject({ ms: 150, retryable: false, path: '/c' });
    // per request, overriding the client's
    const s2 = await requestStream(client({ streamTimeout: 60_000 }), { path: '/c', body: {} }, { streamTimeout: 100 });
    const e2 = await s2.finalMessage().catch((e: unknown) => e);
    expect(isAPITimeoutError(e2) && e2.ms).toBe(100);
  });

  it('streamTimeout defaults to 10 minutes; 0 means none', () => {
    expect(client().streamTimeout).toBe(600_000);
    expect(client({ streamTimeout: 0 }).streamTimeout).toBe(Infinity);
    expect(() => client({ streamTimeout: -1 })).toThrow(/streamTimeout/);
  });

  /** A fetch like React Native's: a 2xx answer whose Response has no streaming `body`, only `text()`. */
  const fetchWithoutBody = (contentType: string, text: string) => async () =>
    ({
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': contentType, 'x-request-id': 'req_rn' }),
      body: undefined,
      text: async () => text,
    }) as unknown as Response;

  it('a fetch without a streaming body gets a clear typed error, not a crash', async () => {
    for (const body of [undefined, null]) {
      const fetch = async () =>
        ({
          ok: true,
          status: 200,
          headers: new Headers({ 'content-type': 'text/event-stream' }),
          body,
          text: async () => SSE,
        }) as unknown as Response;
      const err = await requestStream(client({ fetch }), { path: '/conversations', body: {} }).catch((e: unknown) => e);
      expect(isUnexpectedResponseError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'streaming_unsupported', status: 200, method: 'POST', path: '/conversations' });
      expect((err as Error).message).toMatch(/No streaming body/);
      expect((err as Error).message).toMatch(/non-streaming/);
    }
    // the same from a Response rebuilt on the far side of a hop
    const rebuilt = EventStream.fromResponse(await fetchWithoutBody('text/event-stream', SSE)());
    await expect(rebuilt.finalMessage()).rejects.toMatchObject({ code: 'streaming_unsupported' });
  });

  it('a fetch without a streaming body still reads a whole JSON answer', async () => {
    const answer = JSON.stringify({ status: 'success', data: done });
    const stream = await requestStream(client({ fetch: fetchWithoutBody('application/json', answer) }), {
      path: '/c',
      body: {},
    });
    expect(await stream.finalMessage()).toEqual(done);
    expect(await stream.finalText()).toBe('Hello world');
  });
});

describe('requestStream: maxResponseBytes', () => {
  const tooLarge = async (o: Parameters<typeof client>[0], reply: (res: ServerResponse) => unknown) => {
    server.handle((_q, res) => reply(res));
    const stream = await requestStream(client(o), { path: '/c', body: {} });
    return stream.finalMessage().catch((e: unknown) => e);
  };

  it('one event over the limit: UnexpectedResponseError response_too_large, before the line ends', async () => {
    const err = await tooLarge({ maxResponseBytes: 1000 }, (res) =>
      // the line never ends: the limit, not the end of the body, stops the read
      writeSlowly(res, `event: delta\ndata: ${'x'.repeat(5000)}`, 256),
    );
    expect(isUnexpectedResponseError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'response_too_large', status: 200, retryable: false });
  });

  it('many small deltas adding up to more than the limit', async () => {
    const deltas = Array.from({ length: 50 }, () => `event: delta\ndata: {"text":"${'y'.repeat(40)}"}\n\n`).join('');
    const err = await tooLarge({ maxResponseBytes: 1000 }, (res) => writeSlowly(res, deltas, 300));
    expect(err).toMatchObject({ code: 'response_too_large' });
  });

  it('a whole JSON answer over the limit, per request too; events within it pass', async () => {
    const big = JSON.stringify({ status: 'success', data: { ...done, response: 'z'.repeat(5000) } });
    const err = await tooLarge({ maxResponseBytes: 1000 }, (res) => json(res, 200, JSON.parse(big)));
    expect(err).toMatchObject({ code: 'response_too_large' });
    server.handle((_q, res) => json(res, 200, JSON.parse(big)));
    const perRequest = await requestStream(client(), { path: '/c', body: {} }, { maxResponseBytes: 1000 });
    await expect(perRequest.finalMessage()).rejects.toMatchObject({ code: 'response_too_large' });
    server.handle((_q, res) => writeSlowly(res, SSE, 50));
    const fine = await requestStream(client({ maxResponseBytes: 1000 }), { path: '/c', body: {} });
    expect(await fine.finalMessage()).toEqual(done);
  });
});
