import { apiPromise } from './api-promise.js';
import type { APIPromise, RawResult } from './api-promise.js';
import { parseJSON, unwrapEnvelope } from './envelope.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  connectionErrorKind,
  InvalidParameterError,
  isLiveChatAIError,
  makeAPIError,
} from './errors.js';
import type { LiveChatAIError } from './errors.js';
import { g, isBrowser, readEnv } from './internal/env.js';
import { MAX_TIMER, ms } from './internal/ms.js';
import { buildQuery } from './path.js';
import type { QueryParams } from './path.js';
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from './retry.js';
import type { RetryOptions, RetryPolicy } from './retry.js';
import { VERSION } from './version.js';

export const DEFAULT_BASE_URL = 'https://app.livechatai.com/api/v2';

export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** What a middleware sees: the Request of this attempt (1-based). */
export interface MiddlewareContext {
  request: Request;
  attempt: number;
}
/** Runs once per attempt (retries happen around it); call `next(request)` to send, or answer yourself. */
export type Middleware = (ctx: MiddlewareContext, next: (request: Request) => Promise<Response>) => Promise<Response>;

export interface ClientOptions {
  /** Secret API key; default `LIVECHATAI_API_KEY`. `null`: send no Authorization (for a same-origin proxy). */
  apiKey?: string | null | undefined;
  /** Default `LIVECHATAI_BASE_URL`, else `https://app.livechatai.com/api/v2`. Relative URLs resolve against `location`. */
  baseURL?: string | undefined;
  fetch?: FetchLike | undefined;
  /** Milliseconds until the response (headers, and the whole body for non-streaming calls). Default 60 000; 0 = none. */
  timeout?: number | undefined;
  /** Milliseconds allowed between two stream chunks. Default 30 000; 0 = none. */
  idleTimeout?: number | undefined;
  /** Total milliseconds for a call, retries and waits included. Default none. */
  deadline?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  retry?: RetryOptions | undefined;
  /** Send an `Idempotency-Key` on every POST/DELETE (default true), which also makes them retryable. */
  idempotencyKeys?: boolean | undefined;
  /** Run once per attempt, in order; `logRequests()` is one. */
  middleware?: readonly Middleware[] | undefined;
  defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /** Allow a secret key in a browser, where every visitor can read it. Prefer a server-side proxy. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  idleTimeout?: number | undefined;
  deadline?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers; `null` removes a default header, `undefined` is ignored. */
  headers?: Readonly<Record<string, string | null | undefined>> | undefined;
  /** Use this idempotency key (same on each retry) instead of a generated one. */
  idempotencyKey?: string | undefined;
}

export interface RequestSpec<T, TRaw = unknown> {
  method: HTTPMethod;
  /** Build it with the `path` tag so ids are encoded. Relative to baseURL, starting with `/`. */
  path: string;
  query?: QueryParams | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Turns the parsed body (envelope included) into the result. Default: `unwrapEnvelope`. */
  unwrap?: ((json: TRaw) => T) | undefined;
}

export interface PageRequestSpec<TItem, TRaw = unknown> {
  method?: HTTPMethod | undefined;
  path: string;
  /** `page` and the scheme's page-size param (`limit`, `perPage` or `pageSize`) go here. */
  query?: QueryParams | undefined;
  body?: unknown;
  /** Picks the items out of the parsed body (envelope included), or names the key `listItems` reads them from. */
  items: ((json: TRaw) => TItem[]) | string;
}

export interface StreamRequestSpec {
  method?: HTTPMethod | undefined;
  path: string;
  query?: QueryParams | undefined;
  body?: unknown;
}

/** What `client.send` takes: one HTTP call. `stream: true` leaves the body unread (for `requestStream`). */
export interface SendSpec {
  method: HTTPMethod;
  path: string;
  query?: QueryParams | undefined;
  body?: unknown;
  stream?: boolean | undefined;
}

/** What `client.send` resolves to: an accepted (2xx) response; error responses throw the typed error. */
export interface RawResponse extends RawResult {
  /** Aborts the response body (streams; timers and the caller's signal abort it too). */
  ctrl: AbortController | undefined;
  /** Epoch milliseconds at which the call's `deadline` ends (Infinity: none). */
  deadlineAt: number;
  /** Streams: call once the body is read, to detach the caller's signal. */
  cleanup: () => void;
}

/** The transport every resource package takes. */
export interface LiveChatAIClient {
  readonly baseURL: string;
  readonly timeout: number;
  readonly idleTimeout: number;
  readonly deadline: number;
  readonly retry: RetryPolicy;
  /** One JSON request; resolves to the unwrapped value. */
  request<T = unknown, TRaw = unknown>(spec: RequestSpec<T, TRaw>, options?: RequestOptions): APIPromise<T>;
  /**
   * Low level: one HTTP call with auth, retries, timeouts and middleware; resolves to the accepted response
   * (body text read, unless `stream`). `requestPage` and `requestStream` are built on it.
   */
  send(spec: SendSpec, options?: RequestOptions): Promise<RawResponse>;
}


/** Sets headers (null: deletes, undefined: skips); a bad name or value is an InvalidParameterError (never echoing it). */
function setHeaders(h: Headers, src: Readonly<Record<string, string | null | undefined>> | undefined, param: string): Headers {
  for (const k in src) {
    try {
      const v = src[k];
      if (v === null) h.delete(k);
      else if (v !== undefined) h.set(k, v);
    } catch {
      throw new InvalidParameterError(param, `invalid header ${JSON.stringify(k)}`);
    }
  }
  return h;
}

function resolveBaseURL(raw: string): string {
  const rel = raw.startsWith('/');
  let u: URL;
  try {
    u = new URL(raw, rel ? g.location?.origin : undefined);
  } catch {
    throw new InvalidParameterError('baseURL', `not an absolute URL (relative only in a browser): ${raw}`);
  }
  if (u.protocol == 'http:' ? !rel && !/^(localhost|127(\.\d+){3}|\[::1\])$|\.localhost$/.test(u.hostname) : u.protocol != 'https:') {
    throw new InvalidParameterError('baseURL', 'needs https (http only for localhost)');
  }
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

/** Creates the transport shared by every LiveChatAI resource package. Throws InvalidParameterError on bad options. */
export function createClient(o: ClientOptions = {}): LiveChatAIClient {
  const key = o.apiKey === undefined ? readEnv('LIVECHATAI_API_KEY') : o.apiKey;
  const browser = isBrowser();
  if (key !== null && (typeof key != 'string' || !key.trim())) {
    throw new InvalidParameterError('apiKey', 'missing or invalid (set LIVECHATAI_API_KEY; null: none)');
  }
  if (key && browser && !o.dangerouslyAllowBrowser) {
    throw new InvalidParameterError('apiKey', 'exposed in a browser: use your own server (apiKey: null) or dangerouslyAllowBrowser');
  }
  const baseURL = resolveBaseURL(o.baseURL ?? readEnv('LIVECHATAI_BASE_URL') ?? DEFAULT_BASE_URL);
  const policy = resolveRetryPolicy(o.retry, o.maxRetries);
  const f = o.fetch ?? fetch;
  const mw = o.middleware ?? [];
  const idemKeys = o.idempotencyKeys ?? true;
  const defaults = new Headers({ accept: 'application/json' });
  // A browser cannot set User-Agent (and a custom SDK header would need the API's CORS consent).
  if (!browser) defaults.set('user-agent', `livechatai-sdk-js/${VERSION}`);
  setHeaders(defaults, o.defaultHeaders, 'defaultHeaders');
  // a key that cannot be a header value (control characters, non-Latin-1) is an InvalidParameterError here
  if (key) setHeaders(defaults, { authorization: `Bearer ${key}` }, 'apiKey');

  // Each middleware gets the attempt's Request and the next step; the last step is fetch (called unbound:
  // window.fetch rejects a foreign `this`).
  const dispatch = (request: Request, attempt: number, i = 0): Promise<Response> => {
    const m = mw[i];
    return m ? m({ request, attempt }, (r) => dispatch(r, attempt, i + 1)) : f(request);
  };

  const client: LiveChatAIClient = {
    baseURL,
    timeout: ms(o.timeout, 'timeout', 60_000),
    idleTimeout: ms(o.idleTimeout, 'idleTimeout', 30_000),
    deadline: ms(o.deadline, 'deadline', Infinity),
    retry: policy,
    request: <T, TRaw>(spec: RequestSpec<T, TRaw>, options?: RequestOptions) =>
      apiPromise(client.send(spec, options), (spec.unwrap ?? unwrapEnvelope) as (json: unknown) => T),
    send,
  };
  return client;

  async function send({ method, path, query, body, stream }: SendSpec, o: RequestOptions = {}): Promise<RawResponse> {
    if (!path.startsWith('/')) throw new InvalidParameterError('path', `must start with "/": ${path}`);
    const url = baseURL + path + buildQuery(query);
    let payload: string | undefined;
    try {
      if (body !== undefined) payload = JSON.stringify(body);
    } catch (cause) {
      throw new InvalidParameterError('body', `not JSON (${String(cause)})`);
    }
    const idem = o.idempotencyKey ?? (idemKeys && (method == 'POST' || method == 'DELETE') && uuid());
    // A call that adds nothing sends the client's own Headers object (fetch copies it; copying it here as well
    // costs measurably on every GET); a custom `fetch` must not modify it.
    const headers =
      payload || idem || o.headers
        ? setHeaders(new Headers(defaults), { 'content-type': payload && 'application/json', 'idempotency-key': idem || undefined, ...o.headers }, 'headers')
        : defaults;
    const b = policy.budget;
    const maxRetries = o.maxRetries ?? policy.maxRetries;
    const canRetry = method == 'GET' || method == 'PUT' || headers.has('idempotency-key');
    const timeout = ms(o.timeout, 'timeout', client.timeout);
    const deadline = ms(o.deadline, 'deadline', client.deadline);
    const deadlineAt = Date.now() + deadline;
    const signal = o.signal;
    const ctx = { method, path };
    const init: RequestInit = { method, headers, body: payload ?? null };

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError({ ...ctx, attempts: attempt - 1 });
      const left = deadlineAt - Date.now();
      const wait = left < timeout ? left : timeout;
      // Only what can cancel gets a signal: a signal makes fetch measurably slower (timeout: 0 = raw speed).
      const ctrl = stream || signal || wait < MAX_TIMER ? new AbortController() : undefined;
      init.signal = ctrl?.signal ?? null;
      const timer =
        ctrl && wait < MAX_TIMER
          ? setTimeout(() => {
              ctrl.abort(left < timeout ? new APITimeoutError('deadline', deadline, ctx) : new APITimeoutError('timeout', timeout, ctx));
            }, wait)
          : undefined;
      const onAbort = (): void => ctrl?.abort(new APIUserAbortError(ctx));
      signal?.addEventListener('abort', onAbort);
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      let err: LiveChatAIError;
      let retryAfter: number | undefined;
      try {
        const response = await (mw.length ? dispatch(new Request(url, init), attempt) : f(url, init));
        const requestId = response.headers.get('x-request-id') ?? undefined;
        const raw = { response, text: '', requestId, method, path, attempts: attempt, ctrl, deadlineAt, cleanup };
        if (response.ok && stream) {
          clearTimeout(timer); // the stream's own idle/deadline timers take over; the signal stays attached
          return raw;
        }
        const text = (raw.text = await response.text());
        cleanup();
        if (response.ok) {
          if (b) b.tokens = Math.min(b.max, b.tokens + b.refill);
          return raw;
        }
        retryAfter = parseRetryAfter(response.headers);
        const status = response.status;
        // not JSON: the text is the message. The key is scrubbed, should a server echo it.
        err = makeAPIError(status, parseJSON(key ? text.replaceAll(key, '[redacted]') : text), { ...ctx, requestId }, policy.isRetryableStatus(status), retryAfter);
      } catch (e) {
        cleanup();
        const reason: unknown = ctrl?.signal.reason;
        err =
          ctrl?.signal.aborted && isLiveChatAIError(reason) ? reason
          : isLiveChatAIError(e) ? e
          : new APIConnectionError(connectionErrorKind(e), { ...ctx, cause: e });
      }
      err.attempts = attempt;
      const delay = retryAfter ?? backoffDelay(policy, attempt);
      if (
        attempt > maxRetries ||
        !canRetry ||
        !err.retryable ||
        (err.code == 'timeout' ? !policy.retryTimeouts : err.code == 'connection_error' && !policy.retryConnectionErrors) ||
        (b && b.tokens < 1) ||
        (retryAfter ?? 0) > policy.maxRetryAfterMs ||
        Date.now() + delay >= deadlineAt
      ) {
        throw err;
      }
      if (b) b.tokens -= 1;
      policy.onRetry?.({ attempt, delayMs: delay, error: err, method, path });
      await policy.sleep(delay, signal);
    }
  }
}

/** crypto.randomUUID, or random base-36 where it is missing (insecure http:// pages). */
const uuid = (): string =>
  (globalThis.crypto as Partial<Crypto>).randomUUID?.() ?? [0, 0, 0].map(() => Math.random().toString(36).slice(2)).join('-');
