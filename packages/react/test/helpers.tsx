import { startEmulator, type Emulator, type EmulatorOptions } from '@livechatai/emulator';
import { createClient, type LiveChatAIClient } from '@livechatai/core';
import { QueryClient } from '@tanstack/react-query';
import { configure } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { LiveChatAIProvider } from '../src/index.js';

// waitFor's own deadline is 1 s by default: too short for a loaded CI machine (every package's tests run in
// parallel on two cores). The conditions waited for do come true, so wait up to 15 s (under the 20 s test timeout).
configure({ asyncUtilTimeout: 15_000 });

/** Node's own fetch, captured before any test replaces it (jsdom has none of its own). */
const nodeFetch = globalThis.fetch.bind(globalThis);

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  signal: AbortSignal | undefined;
  /** The JSON body as sent (undefined for a request without one). */
  body: string | undefined;
  /** When it was sent (Date.now()). */
  at: number;
}

/** One server-sent event as the emulator sent it. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * An answer stream held back from the hooks' client: the emulator's whole stream is read first, then the test
 * hands it to the SDK one event at a time. What the hook sees, and when, is then set by the test alone, not
 * by the speed of the machine.
 */
export interface HeldStream {
  /** Resolves once the emulator's whole stream has arrived (rejects when it failed). */
  loaded: Promise<void>;
  /** Every event of the stream, in order (complete once `loaded` has resolved). */
  events: StreamEvent[];
  /** The texts of the `delta` events. */
  deltas: () => string[];
  /** How many events have been handed to the SDK so far. */
  released: number;
  /**
   * Hands the next `count` events to the SDK, then resolves after a macrotask turn: by then every promise
   * reaction they started (SDK parsing, the hook's loop) has run.
   */
  release: (count?: number) => Promise<void>;
}

const encoder = new TextEncoder();
const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

function holdEventStream(upstream: ReadableStream<Uint8Array>, signal: AbortSignal | undefined) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        closed = true;
      },
    },
    { highWaterMark: 0 },
  );
  // Like fetch: aborting the request errors its body.
  signal?.addEventListener('abort', () => {
    if (closed) return;
    closed = true;
    controller.error(signal.reason);
  });

  const events: StreamEvent[] = [];
  const loaded = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = upstream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .find((l) => l.startsWith('data:'))
          ?.slice(5)
          .trim();
        if (event !== undefined && data !== undefined) events.push({ event, data });
      }
    }
  })();
  // Marked as handled here; whoever awaits `loaded` still sees a failure.
  loaded.catch(() => undefined);

  const held: HeldStream = {
    loaded,
    events,
    deltas: () => events.filter((e) => e.event === 'delta').map((e) => (JSON.parse(e.data) as { text: string }).text),
    released: 0,
    release: async (count = 1) => {
      await loaded;
      for (let i = 0; i < count && !closed; i++) {
        const next = events[held.released];
        if (!next) throw new Error(`the stream has only ${String(events.length)} events`);
        held.released++;
        controller.enqueue(encoder.encode(`event: ${next.event}\ndata: ${next.data}\n\n`));
        if (held.released === events.length) {
          closed = true;
          controller.close();
        }
      }
      await nextTurn();
    },
  };
  return { held, body };
}

export interface TestBed {
  emulator: Emulator;
  /** A server-side client (for arranging data). */
  admin: LiveChatAIClient;
  /** Every request the hooks' client sent. */
  requests: RecordedRequest[];
  /** A fault header to add to the next request matching `method path` (emulator fault injection). */
  injectFault: (method: string, pathSuffix: string, spec: string) => void;
  /** Holds back the next answer stream the hooks' client receives; resolves when that stream starts. */
  holdNextStream: () => Promise<HeldStream>;
  client: LiveChatAIClient;
  close: () => Promise<void>;
}

export async function startTestBed(options: EmulatorOptions = {}): Promise<TestBed> {
  const emulator = await startEmulator({ port: 0, db: ':memory:', faults: true, ...options });
  const requests: RecordedRequest[] = [];
  const faults: { method: string; pathSuffix: string; spec: string }[] = [];
  const holds: ((held: HeldStream) => void)[] = [];
  const recordingFetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const index = faults.findIndex((f) => f.method === request.method && url.pathname.endsWith(f.pathSuffix));
    const headers = new Headers(request.headers);
    if (index !== -1) {
      headers.set('x-emulator-fault', faults[index]!.spec);
      faults.splice(index, 1);
    }
    const signal = init?.signal ?? undefined;
    const sentBody = request.body ? await request.clone().text() : undefined;
    requests.push({ method: request.method, url: request.url, headers, signal, body: sentBody, at: Date.now() });
    const response = await nodeFetch(input instanceof Request ? input.url : input, { ...init, headers });
    const hold = holds[0];
    if (!hold || !response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      return response;
    }
    holds.shift();
    const { held, body } = holdEventStream(response.body, signal);
    hold(held);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const common = { apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0 };
  return {
    emulator,
    admin: createClient({ ...common, fetch: nodeFetch, dangerouslyAllowBrowser: true }),
    client: createClient({ ...common, fetch: recordingFetch, dangerouslyAllowBrowser: true }),
    requests,
    injectFault: (method, pathSuffix, spec) => {
      faults.push({ method, pathSuffix, spec });
    },
    holdNextStream: () =>
      new Promise<HeldStream>((resolve) => {
        holds.push(resolve);
      }),
    close: () => emulator.close(),
  };
}

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export function wrapper(client: LiveChatAIClient, queryClient: QueryClient, strict = false) {
  return function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <LiveChatAIProvider client={client} queryClient={queryClient}>
        {children}
      </LiveChatAIProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
}
