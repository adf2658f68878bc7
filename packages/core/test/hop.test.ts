// Streams across the hop: a server re-emits an upstream stream with toReadableStream(), a browser rebuilds it
// with EventStream.fromResponse(). Real HTTP on loopback for both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import {
  createClient,
  EventStream,
  InternalServerError,
  isAPIUserAbortError,
  isNotFoundError,
  isRateLimitError,
  NotFoundError,
  RateLimitError,
  toErrorEnvelope,
  APIConnectionError,
  APITimeoutError,
} from '../src/index.js';
import type { StreamEvent } from '../src/index.js';
import { requestStream } from '../src/internal/index.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

let upstream: TestServer;
let hop: TestServer;
beforeAll(async () => {
  upstream = await startServer();
  hop = await startServer();
});
afterAll(async () => {
  await upstream.close();
  await hop.close();
});

const client = () =>
  createClient({ apiKey: 'k', baseURL: upstream.url, retry: { sleep: async () => undefined }, maxRetries: 0 });
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
  'id: 1\nevent: delta\ndata: {"text":"Hello"}\n\n',
  'id: 2\nevent: delta\ndata: {"text":" world"}\n\n',
  `id: 3\nevent: done\ndata: ${JSON.stringify(done)}\n\n`,
].join('');

async function writeSlowly(res: ServerResponse, body: string, size: number, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_up', ...headers });
  const buf = Buffer.from(body);
  for (let i = 0; i < buf.length && !res.destroyed; i += size) {
    res.write(buf.subarray(i, i + size));
    await tick();
  }
  res.end();
}

/** The hop: streams the upstream answer to its caller as SSE, the way a chat handler does. */
function relay() {
  hop.handle(async (_q, res) => {
    const stream = await requestStream(client(), { path: '/conversations', body: { streaming: true } });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': stream.requestId ?? '' });
    const reader = stream.toReadableStream().getReader();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      res.write(r.value);
    }
    res.end();
  });
}

const browserFetch = () => fetch(`${hop.url}/chat`, { method: 'POST', headers: { accept: 'text/event-stream' } });

describe('EventStream.fromResponse', () => {
  it('rebuilds the events, textStream, finalMessage and finalText from a relayed stream', async () => {
    upstream.handle((_q, res) => writeSlowly(res, SSE, 5));
    relay();
    const stream = EventStream.fromResponse<typeof done>(await browserFetch());
    expect(stream.requestId).toBe('req_up');
    const events: StreamEvent<typeof done>[] = [];
    for await (const e of stream) events.push(e);
    expect(events).toEqual([
      { event: 'delta', data: { text: 'Hello' }, id: '1' },
      { event: 'delta', data: { text: ' world' }, id: '2' },
      { event: 'done', data: done, id: '3' },
    ]);
    expect(await stream.finalMessage()).toEqual(done);
    expect(await stream.finalText()).toBe('Hello world');

    const s2 = EventStream.fromResponse<typeof done>(await browserFetch());
    let text = '';
    for await (const t of s2.textStream) text += t;
    expect(text).toBe('Hello world');
  });

  it('finalMessage and finalText resolve in every order: alone, twice, during and after iteration', async () => {
    upstream.handle((_q, res) => writeSlowly(res, SSE, 64));
    relay();
    const alone = EventStream.fromResponse(await browserFetch());
    expect(await alone.finalText()).toBe('Hello world');
    expect(await alone.finalMessage()).toEqual(done);

    const during = EventStream.fromResponse(await browserFetch());
    const pending = during.finalMessage();
    const seen: string[] = [];
    for await (const e of during) seen.push(e.event);
    expect(seen).toEqual(['delta', 'delta', 'done']);
    expect(await pending).toEqual(done);

    const brokenAtDone = EventStream.fromResponse(await browserFetch());
    for await (const e of brokenAtDone) if (e.event === 'done') break;
    expect(await brokenAtDone.finalMessage()).toEqual(done);
    expect(await brokenAtDone.finalText()).toBe('Hello world');
  });

  it('an upstream error event crosses the hop once: the API message, status, code and request id', async () => {
    const apiError = { status: 'error', message: 'The answer generation failed', code: 'internal_error' };
    upstream.handle((_q, res) =>
      writeSlowly(
        res,
        `id: 1\nevent: delta\ndata: {"text":"Hel"}\n\nevent: error\ndata: ${JSON.stringify(apiError)}\n\n`,
        4,
      ),
    );
    relay();
    const response = await browserFetch();
    const wire = await response.text();
    // the frame the hop writes: the API's own message once, no status prefix, no [METHOD path]
    const frame = wire.split('\n\n').find((f) => f.startsWith('event: error'));
    expect(JSON.parse(frame!.split('data: ')[1]!)).toEqual({
      status: 'error',
      message: 'The answer generation failed',
      code: 'internal_error',
      statusCode: 500,
      requestId: 'req_up',
    });

    upstream.handle((_q, res) =>
      writeSlowly(
        res,
        `id: 1\nevent: delta\ndata: {"text":"Hel"}\n\nevent: error\ndata: ${JSON.stringify(apiError)}\n\n`,
        4,
      ),
    );
    const stream = EventStream.fromResponse(await browserFetch());
    const texts: string[] = [];
    const err = await (async () => {
      for await (const t of stream.textStream) texts.push(t);
    })().catch((e: unknown) => e);
    expect(texts).toEqual(['Hel']);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err).toMatchObject({ status: 500, code: 'internal_error', requestId: 'req_up', retryable: true });
    expect((err as Error).message).toBe('500 The answer generation failed');
    await expect(stream.finalMessage()).rejects.toBe(err);
  });

  it('a status given in the error event wins over its code; its request id over the response header', async () => {
    hop.handle((_q, res) =>
      writeSlowly(
        res,
        `event: error\ndata: ${JSON.stringify({ status: 'error', message: 'gone', code: 'custom', statusCode: 404, requestId: 'req_frame' })}\n\n`,
        50,
        {
          'x-request-id': 'req_header',
        },
      ),
    );
    const err = await EventStream.fromResponse(await browserFetch())
      .finalMessage()
      .catch((e: unknown) => e);
    expect(isNotFoundError(err)).toBe(true);
    expect(err).toMatchObject({ status: 404, code: 'custom', requestId: 'req_frame', retryable: false });
  });

  it('a non-2xx JSON response becomes the typed error, with Retry-After and the request id', async () => {
    hop.handle((_q, res) =>
      json(
        res,
        429,
        { status: 'error', message: 'Slow down', code: 'rate_limited' },
        { 'retry-after': '7', 'x-request-id': 'req_429' },
      ),
    );
    const stream = EventStream.fromResponse(await browserFetch());
    const seen: string[] = [];
    const err = await (async () => {
      for await (const e of stream) seen.push(e.event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([]);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(isRateLimitError(err) && err.retryAfterMs).toBe(7000);
    expect(err).toMatchObject({
      status: 429,
      code: 'rate_limited',
      requestId: 'req_429',
      retryable: true,
      message: '429 Slow down',
    });

    hop.handle((_q, res) => json(res, 404, { status: 'error', message: 'Conversation not found', code: 'not_found' }));
    await expect(EventStream.fromResponse(await browserFetch()).finalMessage()).rejects.toBeInstanceOf(NotFoundError);

    hop.handle((_q, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    const html = await EventStream.fromResponse(await browserFetch())
      .finalMessage()
      .catch((e: unknown) => e);
    expect(html).toMatchObject({ status: 502, code: 'http_502', message: '502 <h1>Bad gateway</h1>' });
  });

  it('the caller signal stops the stream and cancels the body', async () => {
    let closed = false;
    hop.handle(async (_q, res, raw) => {
      raw.socket.on('close', () => (closed = true));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < 500 && !res.destroyed; i++) {
        res.write(`event: delta\ndata: {"text":"${String(i)} "}\n\n`);
        await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    const ac = new AbortController();
    const stream = EventStream.fromResponse(await browserFetch(), { signal: ac.signal });
    let count = 0;
    for await (const e of stream) {
      expect(e.event).toBe('delta');
      if (++count === 3) ac.abort();
    }
    expect(count).toBe(3);
    expect(isAPIUserAbortError(await stream.finalMessage().catch((e: unknown) => e))).toBe(true);
    await expect.poll(() => closed, { timeout: 2000 }).toBe(true);
  });

  it('an idle timeout applies to a rebuilt stream too', async () => {
    hop.handle(async (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: delta\ndata: {"text":"a"}\n\n');
      await new Promise((r) => setTimeout(r, 1500));
      res.end();
    });
    const err = await EventStream.fromResponse(await browserFetch(), { idleTimeout: 50 })
      .finalMessage()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(err).toMatchObject({ timeout: 'idleTimeout', ms: 50 });
  });

  it('fromReadableStream parses a bare SSE body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(SSE.slice(0, 20)));
        c.enqueue(new TextEncoder().encode(SSE.slice(20)));
        c.close();
      },
    });
    const stream = EventStream.fromReadableStream<typeof done>(body);
    expect(await stream.finalText()).toBe('Hello world');
    expect(await stream.finalMessage()).toEqual(done);
  });
});

describe('toErrorEnvelope', () => {
  it('gives the message once, the status and the request id, for API and transport errors alike', async () => {
    upstream.handle((_q, res) =>
      json(res, 500, { status: 'error', message: 'Boom', code: 'internal_error' }, { 'x-request-id': 'req_500' }),
    );
    const err = await client()
      .request({ method: 'POST', path: '/conversations', body: {} })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('500 Boom [POST /conversations]');
    expect(toErrorEnvelope(err)).toEqual({
      status: 'error',
      message: 'Boom',
      code: 'internal_error',
      statusCode: 500,
      requestId: 'req_500',
    });

    const refused = new APIConnectionError('refused', { method: 'POST', path: '/conversations' });
    expect(toErrorEnvelope(refused)).toEqual({
      status: 'error',
      message: 'Connection error (refused)',
      code: 'connection_error',
      statusCode: 502,
    });
    expect(toErrorEnvelope(new APITimeoutError('timeout', 10, { method: 'GET', path: '/x' }))).toMatchObject({
      code: 'timeout',
      statusCode: 504,
    });
    // anything else says nothing about itself (no stack, no message of an unknown error)
    expect(toErrorEnvelope(new Error('secret internals'))).toEqual({
      status: 'error',
      message: 'Internal error',
      code: 'internal_error',
      statusCode: 500,
    });
  });
});
