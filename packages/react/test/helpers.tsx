import { startEmulator, type Emulator, type EmulatorOptions } from '@livechatai/emulator';
import { createClient, type LiveChatAIClient } from '@livechatai/core';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { LiveChatAIProvider } from '../src/index.js';

/** Node's own fetch, captured before any test replaces it (jsdom has none of its own). */
const nodeFetch = globalThis.fetch.bind(globalThis);

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  signal: AbortSignal | undefined;
}

export interface TestBed {
  emulator: Emulator;
  /** A server-side client (for arranging data). */
  admin: LiveChatAIClient;
  /** Every request the hooks' client sent. */
  requests: RecordedRequest[];
  /** A fault header to add to the next request matching `method path` (emulator fault injection). */
  injectFault: (method: string, pathSuffix: string, spec: string) => void;
  client: LiveChatAIClient;
  close: () => Promise<void>;
}

export async function startTestBed(options: EmulatorOptions = {}): Promise<TestBed> {
  const emulator = await startEmulator({ port: 0, db: ':memory:', faults: true, ...options });
  const requests: RecordedRequest[] = [];
  const faults: { method: string; pathSuffix: string; spec: string }[] = [];
  const recordingFetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const index = faults.findIndex((f) => f.method === request.method && url.pathname.endsWith(f.pathSuffix));
    const headers = new Headers(request.headers);
    if (index !== -1) {
      headers.set('x-emulator-fault', faults[index]!.spec);
      faults.splice(index, 1);
    }
    requests.push({ method: request.method, url: request.url, headers, signal: init?.signal ?? undefined });
    return nodeFetch(input instanceof Request ? input.url : input, { ...init, headers });
  };
  const common = { apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0, logLevel: 'off' as const };
  return {
    emulator,
    admin: createClient({ ...common, fetch: nodeFetch, dangerouslyAllowBrowser: true }),
    client: createClient({ ...common, fetch: recordingFetch, dangerouslyAllowBrowser: true }),
    requests,
    injectFault: (method, pathSuffix, spec) => {
      faults.push({ method, pathSuffix, spec });
    },
    close: () => emulator.close(),
  };
}

export function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
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
