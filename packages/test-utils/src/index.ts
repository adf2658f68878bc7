// Shared setup for the resource packages' tests: one emulator per test file (real HTTP on loopback, SQLite in
// memory), clients against it, and a fetch recorder for "no request was sent" and retry assertions.
import { createClient } from '@livechatai/core';
import type { ClientOptions, FetchLike, LiveChatAIClient } from '@livechatai/core';
import { startEmulator } from '@livechatai/emulator';
import type { Emulator, EmulatorOptions } from '@livechatai/emulator';
import { afterAll, beforeAll } from 'vitest';

/** One request as sent on the wire. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

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
    emulator = await startEmulator({ port: 0, db: ':memory:', faults: true, streamDelayMs: 2, allowPrivateUrls: true, ...options });
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
