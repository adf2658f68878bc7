import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  isNotFoundError,
  isRateLimitError,
  logRequests,
  path,
  type APIError,
  type APIPromise,
  type ClientOptions,
  type EventStream,
  type LiveChatAIClient,
  type NotFoundError,
  type Page,
  type PageInfo,
  type RawResponse,
  type PagePromise,
  type RateLimitError,
  type RequestOptions,
  type StreamEvent,
  type WithResponse,
} from '../src/index.js';
import { requestPage, requestStream } from '../src/internal/index.js';

declare const client: LiveChatAIClient;
interface Agent {
  id: string;
  name: string;
}

describe('public types', () => {
  it('createClient takes ClientOptions and returns the client interface', () => {
    expectTypeOf(createClient).parameter(0).toEqualTypeOf<ClientOptions | undefined>();
    expectTypeOf(createClient({ apiKey: 'k' })).toEqualTypeOf<LiveChatAIClient>();
    expectTypeOf(createClient).toBeCallableWith({ apiKey: null, baseURL: '/api', dangerouslyAllowBrowser: undefined });
    // @ts-expect-error apiKey must be a string or null
    createClient({ apiKey: 1 });
    // @ts-expect-error unknown log level
    logRequests({ level: 'verbose' });
  });

  it('request → APIPromise<T>, a Promise with withResponse/asResponse', () => {
    const p = client.request<Agent>({ method: 'GET', path: path`/agents/${'a'}` });
    expectTypeOf(p).toEqualTypeOf<APIPromise<Agent>>();
    expectTypeOf(p).toExtend<Promise<Agent>>();
    expectTypeOf(p.withResponse()).resolves.toEqualTypeOf<WithResponse<Agent>>();
    expectTypeOf(p.withResponse()).resolves.toHaveProperty('requestId').toEqualTypeOf<string | undefined>();
    expectTypeOf(p.asResponse()).resolves.toEqualTypeOf<Response>();
    // unwrap infers the result type from its return and the raw type from its parameter
    const u = client.request({ method: 'GET', path: '/x', unwrap: (j: { data: Agent[] }) => j.data });
    expectTypeOf(u).toEqualTypeOf<APIPromise<Agent[]>>();
    // @ts-expect-error method is required and typed
    void client.request({ method: 'FETCH', path: '/x' });
  });

  it('requestPage → PagePromise<T>: promise of Page, async-iterable over items, toArray', () => {
    const pp = requestPage(client, { path: '/agents', query: { limit: 10 }, items: (j: { data: Agent[] }) => j.data });
    expectTypeOf(pp).toEqualTypeOf<PagePromise<Agent>>();
    expectTypeOf(pp).toExtend<Promise<Page<Agent>>>();
    expectTypeOf(pp).toExtend<AsyncIterable<Agent>>();
    expectTypeOf(pp.toArray({ limit: 5 })).resolves.toEqualTypeOf<Agent[]>();
    expectTypeOf<Page<Agent>['items']>().toEqualTypeOf<Agent[]>();
    expectTypeOf<Page<Agent>['pageInfo']>().toEqualTypeOf<PageInfo>();
    expectTypeOf<Page<Agent>['getNextPage']>().returns.toEqualTypeOf<PagePromise<Agent>>();
    expectTypeOf<Page<Agent>>().toExtend<AsyncIterable<Agent>>();
  });

  it('requestStream → Promise<EventStream<TDone>>', () => {
    const sp = requestStream<{ response: string }>(client, { path: '/conversations', body: { streaming: true } });
    expectTypeOf(sp).resolves.toEqualTypeOf<EventStream<{ response: string }>>();
    expectTypeOf<EventStream<{ response: string }>>().toExtend<AsyncIterable<StreamEvent<{ response: string }>>>();
    expectTypeOf<EventStream<{ response: string }>['textStream']>().toEqualTypeOf<AsyncIterable<string>>();
    expectTypeOf<EventStream<{ response: string }>['finalMessage']>().returns.resolves.toEqualTypeOf<{
      response: string;
    }>();
    expectTypeOf<EventStream['toReadableStream']>().returns.toEqualTypeOf<ReadableStream<Uint8Array>>();
    const e = {} as StreamEvent<{ response: string }>;
    if (e.event === 'delta') expectTypeOf(e.data).toEqualTypeOf<{ text: string }>();
    else expectTypeOf(e.data).toEqualTypeOf<{ response: string }>();
  });

  it('send → Promise<RawResponse>; paging and streaming are functions, not client methods', () => {
    expectTypeOf(client.send({ method: 'GET', path: '/x' })).resolves.toEqualTypeOf<RawResponse>();
    expectTypeOf<RawResponse['response']>().toEqualTypeOf<Response>();
    expectTypeOf<keyof LiveChatAIClient>().toEqualTypeOf<
      | 'baseURL'
      | 'timeout'
      | 'idleTimeout'
      | 'streamTimeout'
      | 'deadline'
      | 'maxPages'
      | 'maxResponseBytes'
      | 'retry'
      | 'request'
      | 'send'
      | 'withOptions'
    >();
  });

  it('guards narrow, and statuses are literal', () => {
    const e: unknown = null;
    if (isNotFoundError(e)) {
      expectTypeOf(e).toEqualTypeOf<NotFoundError>();
      expectTypeOf(e.status).toEqualTypeOf<404>();
      expectTypeOf(e).toExtend<APIError>();
    }
    if (isRateLimitError(e)) {
      expectTypeOf(e).toEqualTypeOf<RateLimitError>();
      expectTypeOf(e.retryAfterMs).toEqualTypeOf<number | undefined>();
    }
  });

  it('RequestOptions carries per-call controls', () => {
    expectTypeOf<RequestOptions>().toExtend<{
      signal?: AbortSignal | undefined;
      timeout?: number | undefined;
      idleTimeout?: number | undefined;
      deadline?: number | undefined;
      maxRetries?: number | undefined;
      idempotencyKey?: string | undefined;
    }>();
  });
});
