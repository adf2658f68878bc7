import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError, codeForStatus, errorBody } from './errors.js';
import type { AppEnv, EmulatorConfig } from './context.js';
import type { FaultRegistry } from './faults.js';
import { hashKey, sha256 } from '../internal/ids.js';

type Mw = MiddlewareHandler<AppEnv>;

export const MAX_BODY_BYTES = 1024 * 1024;
const WRITE_METHODS = new Set(['POST', 'DELETE', 'PUT', 'PATCH']);

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

const REQUEST_ID_PREFIX = randomBytes(6).toString('hex');
let requestCounter = 0;

/** `x-request-id` on every response: the caller's (if sane) or a new one. */
export function requestId(config: EmulatorConfig): Mw {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id =
      incoming && /^[\w.:-]{1,128}$/.test(incoming)
        ? incoming
        : `req_${REQUEST_ID_PREFIX}${(++requestCounter).toString(36).padStart(8, '0')}`;
    c.set('requestId', id);
    // Set before the handler so that Hono adds it to the response it builds; added afterwards to raw Responses.
    c.header('x-request-id', id);
    const started = performance.now();
    await next();
    if (c.res.headers.get('x-request-id') !== id) c.header('x-request-id', id);
    // Access log: method, path, status and time only — never headers, bodies or keys.
    config.log?.(
      `${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`,
    );
  };
}

const CORS_HEADERS: [string, string][] = [
  ['access-control-allow-origin', '*'],
  ['access-control-expose-headers', 'x-request-id,retry-after,idempotent-replayed'],
];
const CORS_PREFLIGHT_HEADERS: [string, string][] = [
  ...CORS_HEADERS,
  ['access-control-max-age', '600'],
  ['access-control-allow-methods', 'GET,POST,DELETE'],
  ['access-control-allow-headers', 'authorization,content-type,idempotency-key,x-request-id,x-emulator-fault'],
  ['vary', 'Access-Control-Request-Headers'],
];

/**
 * CORS for any origin (browsers may call the local emulator directly, e.g. an SDK with dangerouslyAllowBrowser).
 * The headers are prepared before the handler (so that the response Hono builds carries them without being
 * rebuilt) and added afterwards to raw Responses that lack them.
 */
export function cors(): Mw {
  return async (c, next): Promise<Response | undefined> => {
    if (c.req.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: CORS_PREFLIGHT_HEADERS });
    }
    for (const [k, v] of CORS_HEADERS) c.header(k, v);
    await next();
    const headers = c.res.headers;
    if (!headers.has('access-control-allow-origin')) for (const [k, v] of CORS_HEADERS) headers.set(k, v);
    return undefined;
  };
}

/** Bearer auth against the stored key hashes (401), read-only keys on writes (403). */
export function auth(config: EmulatorConfig): Mw {
  // SHA-256 of the presented keys, remembered (in memory only) so that a client's every request does not hash again.
  const hashes = new Map<string, string>();
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new ApiError(401, 'unauthorized', 'Missing API key: send Authorization: Bearer <key>');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) throw new ApiError(401, 'unauthorized', 'Malformed Authorization header: expected Bearer <key>');
    let keyHash = hashes.get(m[1]);
    if (keyHash === undefined) {
      keyHash = hashKey(m[1]);
      if (hashes.size >= 1000) hashes.clear();
      hashes.set(m[1], keyHash);
    }
    const key = await config.store.findApiKey(keyHash);
    if (!key) throw new ApiError(401, 'unauthorized', 'Invalid API key');
    c.set('auth', { workspaceId: key.workspaceId, readOnly: key.readOnly, keyHash });
    await next();
  };
}

export function readOnlyGuard(): Mw {
  return async (c, next) => {
    if (WRITE_METHODS.has(c.req.method) && c.get('auth').readOnly) {
      throw new ApiError(403, 'forbidden', 'This API key is read-only and cannot make changes');
    }
    await next();
  };
}

/** Token bucket per key: `limit` requests per second, burst `limit`. */
export function rateLimit(config: EmulatorConfig): Mw {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const limit = config.rateLimit;
    if (limit > 0) {
      const id = c.get('auth').keyHash;
      const now = config.now();
      const b = buckets.get(id) ?? { tokens: limit, at: now };
      b.tokens = Math.min(limit, b.tokens + ((now - b.at) / 1000) * limit);
      b.at = now;
      buckets.set(id, b);
      if (b.tokens < 1) {
        const waitSeconds = Math.max(1, Math.ceil((1 - b.tokens) / limit));
        throw new ApiError(429, 'rate_limited', `Too many requests: the limit is ${limit} per second for this key`, {
          'retry-after': String(waitSeconds),
        });
      }
      b.tokens -= 1;
    }
    await next();
  };
}

/** Fault injection (see README): before the handler unless `after-write`. */
export function faults(config: EmulatorConfig, registry: FaultRegistry): Mw {
  return async (c, next) => {
    if (!config.faults) {
      await next();
      return;
    }
    const scope = `${c.get('auth').keyHash} ${c.req.method} ${new URL(c.req.url).pathname}`;
    const spec = registry.take(scope, c.req.header('x-emulator-fault'));
    if (!spec) {
      await next();
      return;
    }
    c.set('fault', spec);
    if (spec.latencyMs > 0) await sleep(spec.latencyMs, config.shutdown.signal);
    const fail = (): Response => {
      if (spec.reset) {
        c.env.incoming.socket.destroy();
        return new Response(null, { status: 500 });
      }
      const status = spec.status ?? 500;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
      return new Response(JSON.stringify(errorBody(codeForStatus(status), `Injected fault: status ${status}`)), {
        status,
        headers,
      });
    };
    if ((spec.status !== undefined || spec.reset) && !spec.afterWrite) {
      c.res = fail();
      return;
    }
    await next();
    if (spec.afterWrite) {
      // The write has been committed; discard its answer.
      await c.res.body?.cancel().catch(() => undefined);
      c.res = fail();
    }
  };
}

/** Body checks for writes: 413 over 1 MB, 415 for a non-JSON content type, 400 for malformed JSON. */
export function jsonBody(maxBytes = MAX_BODY_BYTES): Mw {
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) {
      await next();
      return;
    }
    const length = c.req.header('content-length');
    if (length !== undefined && Number(length) > maxBytes) {
      throw new ApiError(413, 'payload_too_large', `Request body too large: the limit is ${maxBytes} bytes`);
    }
    const tooLarge = (): ApiError =>
      new ApiError(413, 'payload_too_large', `Request body too large: the limit is ${maxBytes} bytes`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Read the Node request directly (much cheaper than the web stream); fall back to the Request body.
    const incoming = (c.env as Partial<AppEnv['Bindings']> | undefined)?.incoming;
    if (incoming) {
      for await (const chunk of incoming as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          incoming.resume();
          throw tooLarge();
        }
        chunks.push(chunk);
      }
    } else if (c.req.raw.body) {
      const reader = c.req.raw.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') {
      c.set('body', undefined);
    } else {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          `Unsupported Content-Type '${type || '(none)'}': send application/json`,
        );
      }
      try {
        c.set('body', JSON.parse(text) as unknown);
      } catch {
        throw new ApiError(400, 'bad_request', 'Malformed JSON in the request body');
      }
    }
    await next();
  };
}

/** Idempotency-Key on POST/DELETE: replay a stored response, 409 on a different body. */
export function idempotency(config: EmulatorConfig): Mw {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || (c.req.method !== 'POST' && c.req.method !== 'DELETE')) {
      c.set('idempotency', undefined);
      await next();
      return;
    }
    if (!/^[\x21-\x7e]{1,255}$/.test(key))
      throw new ApiError(400, 'validation_error', "header 'Idempotency-Key' must be 1-255 visible ASCII characters");
    const url = new URL(c.req.url);
    const requestHash = sha256(
      `${c.req.method} ${url.pathname}${url.search}\n${JSON.stringify(c.get('body') ?? null)}`,
    );
    const stored = await config.store.getIdempotency(c.get('auth').workspaceId, key);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new ApiError(409, 'conflict', 'This Idempotency-Key was already used with a different request');
      }
      c.res = replay(stored.status, stored.contentType, stored.body);
      c.header('idempotent-replayed', 'true');
      return;
    }
    c.set('idempotency', { key, requestHash });
    await next();
  };
}

function replay(status: number, contentType: string, body: string): Response {
  if (contentType !== 'text/event-stream') {
    return new Response(body, { status, headers: { 'content-type': contentType } });
  }
  // A stored streaming exchange is replayed as one delta with the whole answer, then `done`.
  const done = JSON.parse(body) as { response: string };
  const sse = `id: 1\nevent: delta\ndata: ${JSON.stringify({ text: done.response })}\n\nid: 2\nevent: done\ndata: ${body}\n\n`;
  return new Response(sse, {
    status,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
