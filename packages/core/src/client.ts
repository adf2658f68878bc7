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
  unexpectedResponse,
} from './errors.js';
import type { ErrorContext, LiveChatAIError } from './errors.js';
import { g, isBrowser, readEnv } from './internal/env.js';
import { byteLimit, DEFAULT_MAX_RESPONSE_BYTES, MAX_TIMER, ms, pageCount, retryCount } from './internal/options.js';
import { withEnvironmentLogger } from './logger.js';
import { buildQuery, mergeQuery } from './path.js';
import type { QueryParams } from './path.js';
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from './retry.js';
import type { RetryBudget, RetryOptions, RetryPolicy } from './retry.js';
import { VERSION } from './version.js';

export const DEFAULT_BASE_URL = 'https://app.livechatai.com/api/v2';
/** Same-origin redirects followed within one attempt before the call fails with `redirect_refused`. */
const MAX_REDIRECTS = 5;

export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/**
 * Extra fields for the `RequestInit` of every attempt: `keepalive`, `cache`, `credentials`, `priority`, or a
 * runtime's own (undici's `dispatcher` for a proxy or custom TLS, Bun's `proxy`, Deno's `client`). The transport's
 * own `method`, `headers`, `body`, `signal` and `redirect` always win.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal' | 'redirect'> & {
  /** undici's Dispatcher (e.g. `new ProxyAgent(url)`): Node's fetch, or undici's own `fetch`. */
  dispatcher?: unknown;
  [option: string]: unknown;
};

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
  /** Merged into every request's `RequestInit` (e.g. `{ dispatcher: new ProxyAgent(url) }`); see FetchOptions. */
  fetchOptions?: FetchOptions | undefined;
  /** Milliseconds until the response (headers, and the whole body for non-streaming calls). Default 60 000; 0 = none. */
  timeout?: number | undefined;
  /** Milliseconds allowed between two stream chunks. Default 30 000; 0 = none. */
  idleTimeout?: number | undefined;
  /**
   * Milliseconds a stream may stay open once its response has arrived, however often the server sends keep-alive
   * comments. Default 600 000 (10 minutes); 0 = none.
   */
  streamTimeout?: number | undefined;
  /** Total milliseconds for a call, retries and waits included. Default none. */
  deadline?: number | undefined;
  /** Retries after the first attempt: an integer ≥ 0. Default 2. */
  maxRetries?: number | undefined;
  retry?: RetryOptions | undefined;
  /** Auto-paging (`for await`, `toArray()`) stops with an error after this many pages. Default 1000; 0 = none. */
  maxPages?: number | undefined;
  /**
   * Largest response body read, in bytes (non-streaming calls and error bodies; for a stream, each event and the
   * whole answer text). Default 10 MiB; 0 = none.
   */
  maxResponseBytes?: number | undefined;
  /** Send an `Idempotency-Key` on every POST/DELETE (default true), which also makes them retryable. */
  idempotencyKeys?: boolean | undefined;
  /** Run once per attempt, in order; `logRequests()` is one. */
  middleware?: readonly Middleware[] | undefined;
  /** Sent with every request; `null` removes a default (e.g. one a parent client of `withOptions` sends). */
  defaultHeaders?: Readonly<Record<string, string | null | undefined>> | undefined;
  /** Query parameters sent with every request (the call's own parameters win); `null` removes one. */
  defaultQuery?: QueryParams | undefined;
  /** Allow a secret key in a browser, where every visitor can read it. Prefer a server-side proxy. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the call (an AbortSignal, else the call rejects with InvalidParameterError). */
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  idleTimeout?: number | undefined;
  streamTimeout?: number | undefined;
  deadline?: number | undefined;
  maxRetries?: number | undefined;
  maxPages?: number | undefined;
  maxResponseBytes?: number | undefined;
  /** Extra headers; `null` removes a default header, `undefined` is ignored. */
  headers?: Readonly<Record<string, string | null | undefined>> | undefined;
  /** Extra query parameters, over `defaultQuery` and under the call's own; `null` removes one, `undefined` is ignored. */
  query?: QueryParams | undefined;
  /** Merged over the client's `fetchOptions`. */
  fetchOptions?: FetchOptions | undefined;
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
  readonly streamTimeout: number;
  readonly maxPages: number;
  readonly deadline: number;
  readonly maxResponseBytes: number;
  readonly retry: RetryPolicy;
  /** One JSON request; resolves to the unwrapped value. */
  request<T = unknown, TRaw = unknown>(spec: RequestSpec<T, TRaw>, options?: RequestOptions): APIPromise<T>;
  /**
   * Low level: one HTTP call with auth, retries, timeouts and middleware; resolves to the accepted response
   * (body text read, unless `stream`). `requestPage` and `requestStream` are built on it.
   */
  send(spec: SendSpec, options?: RequestOptions): Promise<RawResponse>;
  /**
   * A client with some options changed and the rest shared: the key, `fetch`, middleware and the retry budget
   * (unless `retry.budget` is given). `defaultHeaders`, `defaultQuery`, `fetchOptions` and `retry` are merged
   * into this client's; every other option given replaces this client's.
   */
  withOptions(options: ClientOptions): LiveChatAIClient;
}

type HeaderValues = Readonly<Record<string, string | null | undefined>>;

/** Sets headers (null: deletes, undefined: skips); a bad name or value is an InvalidParameterError (never echoing it). */
function setHeaders(headers: Headers, values: HeaderValues | undefined, param: string): Headers {
  for (const name in values) {
    const value = values[name];
    try {
      if (value === null) headers.delete(name);
      else if (value !== undefined) headers.set(name, value);
    } catch {
      throw new InvalidParameterError(param, `invalid header ${JSON.stringify(name)}`);
    }
  }
  return headers;
}

/** A URL for an error message: any credentials (`user:pass@`) replaced by `***`. */
const withoutCredentials = (url: string): string => url.replace(/^([^/?#]*\/\/)?[^/?#]*@/, '$1***@');

const LOOPBACK_HOST = /^(localhost|127(\.\d+){3}|\[::1\])$|\.localhost$/;

function resolveBaseURL(raw: string): string {
  const relative = raw.startsWith('/');
  let url: URL;
  try {
    url = new URL(raw, relative ? g.location?.origin : undefined);
  } catch {
    throw new InvalidParameterError(
      'baseURL',
      `not an absolute URL (relative only in a browser): ${withoutCredentials(raw)}`,
    );
  }
  if (url.username || url.password) {
    throw new InvalidParameterError(
      'baseURL',
      `must not carry credentials (fetch refuses them): ${withoutCredentials(raw)}`,
    );
  }
  let allowed: boolean;
  if (url.protocol == 'https:') allowed = true;
  else if (url.protocol == 'http:') allowed = relative || LOOPBACK_HOST.test(url.hostname);
  else allowed = false;
  if (!allowed) throw new InvalidParameterError('baseURL', 'needs https (http only for localhost)');
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/** An AbortSignal, from this realm or another (a polyfill, a vm context): what the transport needs of one. */
const isAbortSignal = (value: unknown): value is AbortSignal =>
  typeof value == 'object' &&
  value !== null &&
  typeof (value as AbortSignal).aborted == 'boolean' &&
  typeof (value as AbortSignal).addEventListener == 'function';

/**
 * Reads a body as text, at most `limit` bytes: a Content-Length over it is refused before reading, and a body that
 * grows past it is cancelled there (the rest is never downloaded).
 */
async function readBody(response: Response, limit: number, ctx: ErrorContext): Promise<string> {
  const tooLarge = () =>
    unexpectedResponse('response_too_large', `Response body over maxResponseBytes (${limit})`, response, ctx);
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const body = response.body;
  if (limit === Infinity || !body) {
    // no limit, or a fetch without a streaming body: read it whole
    const text = await response.text();
    if (text.length > limit) throw tooLarge();
    return text;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) return text + decoder.decode();
    received += chunk.value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
}

/** The JSON a successful call gets: an object or an array. An HTML page, an empty body, `null`, a bare string are refused. */
function parseSuccessBody(text: string, response: Response, ctx: ErrorContext, scrub: (s: string) => string): unknown {
  const json = text ? parseJSON(text) : undefined;
  if (typeof json == 'object' && json !== null) return json;
  let got: string;
  if (!text) got = 'an empty body';
  else if (json === text) got = 'a body that is not JSON';
  else got = `JSON ${json === null ? 'null' : typeof json}`;
  const excerpt = text ? scrub(text.slice(0, 200)) : undefined;
  throw unexpectedResponse(
    'unexpected_response',
    `Expected a JSON object or array, got ${got}`,
    response,
    ctx,
    excerpt,
  );
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/**
 * Where a redirect response leads, when the transport follows it: same origin only (so never https → http, and a
 * body and the key never go to another host); 307/308 for any method (the body is sent again), 301/302/303 only for
 * a GET. Undefined when `response` is not a redirect; anything else is an UnexpectedResponseError (`redirect_refused`).
 * A browser hides a redirect from `redirect: 'manual'` (an `opaqueredirect` response): refused too.
 */
function redirectTarget(response: Response, from: string, method: HTTPMethod, ctx: ErrorContext): string | undefined {
  if (response.type == 'opaqueredirect') {
    throw unexpectedResponse(
      'redirect_refused',
      'Redirect refused (a browser does not say where it leads)',
      response,
      ctx,
    );
  }
  if (!REDIRECT_STATUSES.includes(response.status)) return undefined;
  const location = response.headers.get('location');
  let target: URL | undefined;
  try {
    target = location === null ? undefined : new URL(location, from);
  } catch {
    target = undefined;
  }
  const origin = new URL(from).origin;
  let refusal: string | undefined;
  if (!target) refusal = 'without a valid Location';
  else if (target.origin != origin) refusal = `to another origin (${target.origin})`;
  else if (response.status < 307 && method != 'GET') refusal = `of a ${method} (only 307 and 308 keep the method)`;
  if (refusal || !target) {
    throw unexpectedResponse('redirect_refused', `Redirect refused: ${response.status} ${refusal}`, response, ctx);
  }
  return target.href;
}

/** The options a `withOptions` client starts from: the parent's, with `overrides` merged in (undefined: kept). */
function mergeClientOptions(parent: ClientOptions, overrides: ClientOptions): ClientOptions {
  const merged: Record<string, unknown> = { ...parent };
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) merged[name] = value;
  return {
    ...merged,
    defaultHeaders: { ...parent.defaultHeaders, ...overrides.defaultHeaders },
    defaultQuery: { ...parent.defaultQuery, ...overrides.defaultQuery },
    fetchOptions: { ...parent.fetchOptions, ...overrides.fetchOptions },
    retry: { ...parent.retry, ...overrides.retry },
  };
}

/** Creates the transport shared by every LiveChatAI resource package. Throws InvalidParameterError on bad options. */
export function createClient(options: ClientOptions = {}): LiveChatAIClient {
  return buildClient(options, undefined);
}

/** `createClient`, with the retry budget of a parent client (`withOptions`) when there is one. */
function buildClient(options: ClientOptions, parentBudget: RetryBudget | undefined): LiveChatAIClient {
  const givenKey = options.apiKey === undefined ? readEnv('LIVECHATAI_API_KEY') : options.apiKey;
  if (givenKey !== null && (typeof givenKey != 'string' || !givenKey.trim())) {
    throw new InvalidParameterError('apiKey', 'missing or invalid (set LIVECHATAI_API_KEY; null: none)');
  }
  // trimmed once: what is sent is what is scrubbed from echoed bodies
  const key = givenKey?.trim() ?? null;
  const browser = isBrowser();
  if (key && browser && !options.dangerouslyAllowBrowser) {
    throw new InvalidParameterError(
      'apiKey',
      'exposed in a browser: use your own server (apiKey: null) or dangerouslyAllowBrowser',
    );
  }
  const baseURL = resolveBaseURL(options.baseURL ?? readEnv('LIVECHATAI_BASE_URL') ?? DEFAULT_BASE_URL);
  const policy = resolveRetryPolicy(options.retry, options.maxRetries, parentBudget);
  const fetchFn = options.fetch ?? fetch;
  const middleware = withEnvironmentLogger(options.middleware ?? []);
  const sendIdempotencyKeys = options.idempotencyKeys ?? true;
  const clientFetchOptions = options.fetchOptions;
  const defaultQuery = options.defaultQuery;
  if (defaultQuery !== undefined && (typeof defaultQuery != 'object' || (defaultQuery as unknown) === null)) {
    throw new InvalidParameterError('defaultQuery', 'expected an object');
  }
  buildQuery(defaultQuery); // a bad value is an InvalidParameterError now, not on the first call
  const defaults = new Headers({ accept: 'application/json' });
  // A browser cannot set User-Agent (and a custom SDK header would need the API's CORS consent).
  if (!browser) defaults.set('user-agent', `livechatai-sdk-js/${VERSION}`);
  setHeaders(defaults, options.defaultHeaders, 'defaultHeaders');
  // a key that cannot be a header value (control characters, non-Latin-1) is an InvalidParameterError here
  if (key) setHeaders(defaults, { authorization: `Bearer ${key}` }, 'apiKey');

  const scrub = (text: string): string => (key ? text.replaceAll(key, '[redacted]') : text);
  /** The response headers an error carries: a copy with the key scrubbed, should a server echo it. */
  const errorHeaders = (headers: Headers): Headers => {
    if (!key) return headers;
    const copy = new Headers();
    for (const [name, value] of headers) copy.append(name, scrub(value));
    return copy;
  };

  // Each middleware gets the attempt's Request and the next step; the last step is fetch (called unbound:
  // window.fetch rejects a foreign `this`), given the fetch options a Request cannot carry (undici's dispatcher).
  const runMiddleware = (
    request: Request,
    attempt: number,
    fetchOptions: FetchOptions | undefined,
    index = 0,
  ): Promise<Response> => {
    const current = middleware[index];
    if (!current) return fetchOptions ? fetchFn(request, fetchOptions) : fetchFn(request);
    return current({ request, attempt }, (next) => runMiddleware(next, attempt, fetchOptions, index + 1));
  };

  const client: LiveChatAIClient = {
    baseURL,
    timeout: ms(options.timeout, 'timeout', 60_000),
    idleTimeout: ms(options.idleTimeout, 'idleTimeout', 30_000),
    streamTimeout: ms(options.streamTimeout, 'streamTimeout', 600_000),
    maxPages: pageCount(options.maxPages, 'maxPages', 1000),
    deadline: ms(options.deadline, 'deadline', Infinity),
    maxResponseBytes: byteLimit(options.maxResponseBytes, 'maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES),
    retry: policy,
    request: <T, TRaw>(spec: RequestSpec<T, TRaw>, requestOptions?: RequestOptions) =>
      apiPromise(client.send(spec, requestOptions), (spec.unwrap ?? unwrapEnvelope) as (json: unknown) => T),
    send,
    withOptions: (overrides) => {
      const parent = { ...options, apiKey: key, baseURL };
      // the retry budget is the client's, shared with every client derived from it, unless one is given
      return buildClient(
        mergeClientOptions(parent, overrides),
        overrides.retry?.budget === undefined ? policy.budget : undefined,
      );
    },
  };
  return client;

  async function send(spec: SendSpec, requestOptions: RequestOptions = {}): Promise<RawResponse> {
    const { method, path, body, stream } = spec;
    if (!path.startsWith('/')) throw new InvalidParameterError('path', `must start with "/": ${path}`);
    const signal: unknown = requestOptions.signal ?? undefined; // null: none, as fetch takes it
    if (signal !== undefined && !isAbortSignal(signal)) {
      throw new InvalidParameterError('signal', `expected an AbortSignal, got ${typeof signal}`);
    }
    const maxRetries =
      requestOptions.maxRetries === undefined ? policy.maxRetries : retryCount(requestOptions.maxRetries, 'maxRetries');
    const timeout = ms(requestOptions.timeout, 'timeout', client.timeout);
    const deadline = ms(requestOptions.deadline, 'deadline', client.deadline);
    const maxBytes = byteLimit(requestOptions.maxResponseBytes, 'maxResponseBytes', client.maxResponseBytes);
    const url = baseURL + path + buildQuery(mergeQuery(defaultQuery, requestOptions.query, spec.query));
    let payload: string | undefined;
    try {
      if (body !== undefined) payload = JSON.stringify(body);
    } catch (cause) {
      throw new InvalidParameterError('body', `not JSON (${String(cause)})`);
    }
    const idempotencyKey =
      requestOptions.idempotencyKey ?? (sendIdempotencyKeys && (method == 'POST' || method == 'DELETE') && uuid());
    // a Headers object of the call's own, so a custom fetch may modify it
    const headers = setHeaders(
      new Headers(defaults),
      {
        'content-type': payload && 'application/json',
        'idempotency-key': idempotencyKey || undefined,
        ...requestOptions.headers,
      },
      'headers',
    );
    const budget = policy.budget;
    const canRetry = method == 'GET' || method == 'PUT' || headers.has('idempotency-key');
    const deadlineAt = Date.now() + deadline;
    const ctx = { method, path };
    let fetchOptions: FetchOptions | undefined;
    if (clientFetchOptions || requestOptions.fetchOptions) {
      fetchOptions = { ...clientFetchOptions, ...requestOptions.fetchOptions };
    }
    const init: RequestInit = { ...fetchOptions, method, headers, body: payload ?? null, redirect: 'manual' };

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError({ ...ctx, attempts: attempt - 1 });
      const left = deadlineAt - Date.now();
      const deadlineFirst = left < timeout;
      const wait = deadlineFirst ? left : timeout;
      // Only what can cancel gets a signal: a signal makes fetch measurably slower (timeout: 0 = raw speed).
      const ctrl = stream || signal || wait < MAX_TIMER ? new AbortController() : undefined;
      init.signal = ctrl?.signal ?? null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (ctrl && wait < MAX_TIMER) {
        timer = setTimeout(() => {
          // made only when it fires: an error captures a stack, too slow to build for every request
          const [kind, limit] = deadlineFirst ? (['deadline', deadline] as const) : (['timeout', timeout] as const);
          ctrl.abort(new APITimeoutError(kind, limit, ctx));
        }, wait);
      }
      const onAbort = (): void => ctrl?.abort(new APIUserAbortError(ctx));
      signal?.addEventListener('abort', onAbort);
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      let error: LiveChatAIError;
      let retryAfter: number | undefined;
      try {
        let response: Response;
        let target = url;
        for (let redirects = 0; ; redirects++) {
          if (middleware.length) response = await runMiddleware(new Request(target, init), attempt, fetchOptions);
          else response = await fetchFn(target, init);
          const next = redirectTarget(response, target, method, ctx);
          if (next === undefined) break;
          await response.body?.cancel().catch(() => undefined);
          if (redirects == MAX_REDIRECTS) {
            throw unexpectedResponse(
              'redirect_refused',
              `Redirect refused: more than ${MAX_REDIRECTS} redirects`,
              response,
              ctx,
            );
          }
          target = next;
        }
        const requestId = response.headers.get('x-request-id') ?? undefined;
        const raw: RawResponse = {
          response,
          text: '',
          json: undefined,
          requestId,
          method,
          path,
          attempts: attempt,
          ctrl,
          deadlineAt,
          cleanup,
        };
        if (response.ok && stream) {
          clearTimeout(timer); // the stream's own idle/deadline timers take over; the signal stays attached
          return raw;
        }
        const responseCtx = { ...ctx, requestId, attempts: attempt };
        const text = await readBody(response, maxBytes, responseCtx);
        raw.text = text;
        cleanup();
        if (response.ok) {
          // 204 No Content: nothing to unwrap
          raw.json = response.status == 204 ? undefined : parseSuccessBody(text, response, responseCtx, scrub);
          if (budget) budget.tokens = Math.min(budget.max, budget.tokens + budget.refill);
          return raw;
        }
        retryAfter = parseRetryAfter(response.headers);
        const status = response.status;
        // not JSON: the text is the message. The key is scrubbed, should a server echo it.
        error = makeAPIError(
          status,
          parseJSON(scrub(text)),
          { ...ctx, requestId },
          policy.isRetryableStatus(status),
          retryAfter,
          errorHeaders(response.headers),
        );
      } catch (caught) {
        cleanup();
        const reason: unknown = ctrl?.signal.reason;
        if (ctrl?.signal.aborted && isLiveChatAIError(reason)) error = reason;
        else if (isLiveChatAIError(caught)) error = caught;
        else error = new APIConnectionError(connectionErrorKind(caught), { ...ctx, cause: caught });
      }
      error.attempts = attempt;
      const delay = retryAfter ?? backoffDelay(policy, attempt);
      let retry = attempt <= maxRetries && canRetry && error.retryable;
      if (error.code == 'timeout') retry &&= policy.retryTimeouts;
      if (error.code == 'connection_error') retry &&= policy.retryConnectionErrors;
      if (budget && budget.tokens < 1) retry = false;
      if ((retryAfter ?? 0) > policy.maxRetryAfterMs) retry = false;
      if (Date.now() + delay >= deadlineAt) retry = false;
      if (!retry) throw error;
      if (budget) budget.tokens -= 1;
      policy.onRetry?.({ attempt, delayMs: delay, error, method, path });
      await policy.sleep(delay, signal);
    }
  }
}

/** crypto.randomUUID, or random base-36 where it is missing (insecure http:// pages). */
function uuid(): string {
  const randomUUID = (globalThis.crypto as Partial<Crypto> | undefined)?.randomUUID;
  if (randomUUID) return randomUUID.call(globalThis.crypto);
  return [0, 0, 0].map(() => Math.random().toString(36).slice(2)).join('-');
}
