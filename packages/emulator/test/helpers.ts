// Test helpers: a fetch wrapper that validates every API response it receives against the OpenAPI document.
import { createResponseValidator } from '@livechatai/spec';
import { expect } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';

const validator = createResponseValidator();

// Response bodies are loosely typed in tests on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface CallResult<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  key?: string | null;
  /** Skip OpenAPI validation (fault injection answers undocumented statuses on purpose). */
  noValidate?: boolean;
}

export type Api = (method: string, path: string, opts?: CallOptions) => Promise<CallResult>;

export function apiFor(em: Emulator, defaultKey = em.apiKey): Api {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? defaultKey : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const url = path.startsWith('/_emulator') || path === '/openapi.json' ? `${em.origin}${path}` : `${em.url}${path}`;
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const parsed: unknown = contentType.includes('json') && text ? JSON.parse(text) : text;
    expect(res.headers.get('x-request-id'), `x-request-id on ${method} ${path}`).toMatch(/\S/);
    if (key) expect(text.includes(key), 'a response must never echo the API key').toBe(false);
    if (
      !opts.noValidate &&
      !path.startsWith('/_emulator') &&
      path !== '/openapi.json' &&
      validator.matchOperation(method, path)
    ) {
      const result = validator.validateResponse({ method, path, status: res.status, body: parsed, contentType });
      expect(result.errors, `${method} ${path} ${res.status} must match the OpenAPI document`).toEqual([]);
    }
    return { status: res.status, headers: res.headers, body: parsed as Loose, text };
  };
}

export async function withEmulator(options: EmulatorOptions = {}): Promise<{ em: Emulator; api: Api }> {
  const em = await startEmulator({ db: ':memory:', streamDelayMs: 0, ...options });
  return { em, api: apiFor(em) };
}

export async function createAgent(api: Api, name = 'Test Agent'): Promise<{ id: string; slug: string }> {
  const res = await api('POST', '/agents', { body: { name, isLiveChatEnabled: true } });
  expect(res.status).toBe(200);
  return res.body.data as { id: string; slug: string };
}
