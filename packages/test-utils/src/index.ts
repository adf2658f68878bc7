// Shared setup for the resource packages' tests: one emulator per test file (real HTTP on loopback, SQLite in
// memory), clients against it, and a fetch recorder for "no request was sent" and retry assertions.
import { createClient, isInvalidParameterError } from '@livechatai/core';
import type { ClientOptions, FetchLike, InvalidParameterError, LiveChatAIClient } from '@livechatai/core';
import { startEmulator } from '@livechatai/emulator';
import type { Emulator, EmulatorOptions } from '@livechatai/emulator';
import { afterAll, beforeAll, expect } from 'vitest';

/** One request as sent on the wire. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

/** `METHOD /path` of a recorded request, the path below the API's `/api/v2` base (`GET /agents`). */
export const sentAs = (request: Pick<RecordedRequest, 'method' | 'url'>): string =>
  `${request.method} ${new URL(request.url).pathname.replace(/^\/api\/v2/, '')}`;

/** A `fetch` that records every request before sending it. */
export interface FetchRecorder {
  fetch: FetchLike;
  requests: RecordedRequest[];
}

export function recordFetch(): FetchRecorder {
  const requests: RecordedRequest[] = [];
  const fetchFn: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? await request.clone().text() : undefined;
    requests.push({ method: request.method, url: request.url, headers: request.headers, body });
    return fetch(request);
  };
  return { fetch: fetchFn, requests };
}

/** Fast retries for tests: no real backoff wait, so retry tests take milliseconds. */
export const fastRetry: ClientOptions['retry'] = { baseDelayMs: 1, maxDelayMs: 5 };

export interface TestEmulator {
  /** The running emulator (available inside tests and hooks). */
  readonly emulator: Emulator;
  /** A client for the default workspace, recording its requests into `requests`. */
  readonly client: LiveChatAIClient;
  /** Every request the default `client` sent, in order. */
  readonly requests: RecordedRequest[];
  /** A new client against the emulator; options override the defaults (key, baseURL, fast retries). */
  makeClient(options?: ClientOptions): LiveChatAIClient;
  /** A client with a recorder of its own. */
  recordingClient(options?: ClientOptions): { client: LiveChatAIClient; requests: RecordedRequest[] };
  /** Creates an agent through the API and returns its id. */
  createAgent(name?: string): Promise<string>;
}

/**
 * Starts an emulator before the file's tests (fault injection on, in-memory database, local URL sources
 * allowed) and closes it after.
 * Use at the top level of a test file.
 */
export function useEmulator(options: EmulatorOptions = {}): TestEmulator {
  let emulator: Emulator | undefined;
  let main: { client: LiveChatAIClient; requests: RecordedRequest[] } | undefined;
  let agents = 0;

  beforeAll(async () => {
    // allowPrivateUrls: tests add URL data sources served from loopback (the emulator refuses them by default)
    emulator = await startEmulator({
      port: 0,
      db: ':memory:',
      faults: true,
      streamDelayMs: 2,
      allowPrivateUrls: true,
      ...options,
    });
    main = env.recordingClient();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useEmulator(): the emulator is available only inside tests and hooks');
    return value;
  };

  const env: TestEmulator = {
    get emulator() {
      return need(emulator);
    },
    get client() {
      return need(main).client;
    },
    get requests() {
      return need(main).requests;
    },
    makeClient(clientOptions = {}) {
      const e = need(emulator);
      return createClient({ apiKey: e.apiKey, baseURL: e.url, retry: fastRetry, ...clientOptions });
    },
    recordingClient(clientOptions = {}) {
      const recorder = recordFetch();
      return { client: env.makeClient({ fetch: recorder.fetch, ...clientOptions }), requests: recorder.requests };
    },
    async createAgent(name = `Test agent ${++agents}`) {
      const json = await env.makeClient().request<{ id: string }>({
        method: 'POST',
        path: '/agents',
        body: { name, isLiveChatEnabled: true },
      });
      return json.id;
    },
  };
  return env;
}

/**
 * One bad call of a resource method: a label starting with the method's name (`list: page 0`), the call on a
 * resource instance, and the parameter its InvalidParameterError must name.
 */
export type BadCall<TResource> = readonly [label: string, call: (resource: TResource) => unknown, param: string];

/** The method names of a resource class (its prototype's functions, constructor aside). */
export function methodsOf(resource: abstract new (...args: never[]) => unknown): string[] {
  const prototype = resource.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof prototype[name] === 'function',
  );
}

/** The methods a table of bad calls covers: the part of each label before its colon. */
export const methodsCovered = (calls: readonly BadCall<never>[]): string[] => [
  ...new Set(calls.map(([label]) => label.slice(0, label.indexOf(':')))),
];

/**
 * Asserts that `call` returns — never throws — a thenable that rejects with InvalidParameterError naming `param`;
 * that `withResponse()` (an APIPromise), `toArray()` and iteration (a PagePromise) reject with it too. Whether a
 * request went out is for the caller to check (a recording client's `requests`).
 */
export async function expectInvalidParameter(call: () => unknown, param: string): Promise<void> {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    throw new Error(`threw synchronously instead of returning a rejected promise: ${String(error)}`, { cause: error });
  }
  const promise = result as Partial<PagePromiseLike>;
  if (typeof promise.then !== 'function') throw new Error('did not return a promise');
  const outcomes: Promise<unknown>[] = [Promise.resolve(promise)];
  const { withResponse, asResponse, toArray } = promise;
  const iterate = promise[Symbol.asyncIterator];
  if (withResponse) outcomes.push(withResponse.call(promise));
  if (asResponse) outcomes.push(asResponse.call(promise));
  if (toArray) outcomes.push(toArray.call(promise));
  if (iterate) outcomes.push(iterate.call(promise).next());
  for (const outcome of outcomes) {
    const error = await outcome.then(
      () => new Error('resolved instead of rejecting'),
      (reason: unknown) => reason,
    );
    expect(isInvalidParameterError(error), String(error)).toBe(true);
    expect((error as InvalidParameterError).param).toBe(param);
  }
}

interface PagePromiseLike extends PromiseLike<unknown>, AsyncIterable<unknown> {
  withResponse(): Promise<unknown>;
  asResponse(): Promise<unknown>;
  toArray(): Promise<unknown>;
}
