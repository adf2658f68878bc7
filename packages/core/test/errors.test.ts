import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createClient,
  InternalServerError,
  InvalidParameterError,
  LiveChatAIError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  UnexpectedResponseError,
} from '../src/index.js';
import { connectionErrorKind } from '../src/errors.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

const KEY = 'sk_live_TOPSECRET_abcdef123456';
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = () => createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 0 });

const table = [
  [400, BadRequestError, 'isBadRequestError', 'validation_error'],
  [401, AuthenticationError, 'isAuthenticationError', 'unauthorized'],
  [403, PermissionDeniedError, 'isPermissionDeniedError', 'forbidden'],
  [404, NotFoundError, 'isNotFoundError', 'not_found'],
  [409, ConflictError, 'isConflictError', 'conflict'],
  [413, PayloadTooLargeError, 'isPayloadTooLargeError', 'payload_too_large'],
  [415, UnsupportedMediaTypeError, 'isUnsupportedMediaTypeError', 'unsupported_media_type'],
  [422, UnprocessableEntityError, 'isUnprocessableEntityError', 'unprocessable_entity'],
  [429, RateLimitError, 'isRateLimitError', 'rate_limited'],
  [500, InternalServerError, 'isInternalServerError', 'internal_error'],
  [502, InternalServerError, 'isInternalServerError', 'bad_gateway'],
] as const;

const guards = Object.keys(core).filter((k) => /^is[A-Z]\w*Error$/.test(k)) as (keyof typeof core)[];

describe('one error class per status', () => {
  for (const [status, Ctor, guard, code] of table) {
    it(`${status} → ${Ctor.name}`, async () => {
      server.handle((_q, res) =>
        json(res, status, { status: 'error', message: `failed ${status}`, code }, { 'x-request-id': `req_${status}` }),
      );
      const err = await client()
        .request({ method: 'GET', path: `/agents/a1`, query: { token: 'q' } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Ctor);
      expect(err).toBeInstanceOf(APIError);
      expect(err).toBeInstanceOf(LiveChatAIError);
      expect(err).toMatchObject({
        status,
        code,
        requestId: `req_${status}`,
        method: 'GET',
        path: '/agents/a1',
        attempts: 1,
        name: Ctor.kind,
      });
      expect((err as Error).message).toContain(`failed ${status}`);
      expect((core[guard] as (e: unknown) => boolean)(err)).toBe(true);
      // exactly the guards of its class chain match
      const matching = guards.filter((g) => (core[g] as (e: unknown) => boolean)(err)).sort();
      expect(matching).toEqual([guard, 'isAPIError', 'isLiveChatAIError'].sort());
    });
  }

  it('an unknown status becomes a plain APIError; a text body becomes the message', async () => {
    server.handle((_q, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('short and stout');
    });
    const err = await client()
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toMatchObject({ status: 418, code: 'http_418', retryable: false });
    expect((err as Error).message).toContain('short and stout');
  });

  it('guards reject non-errors and plain Errors', () => {
    for (const g of guards) {
      for (const v of [
        undefined,
        null,
        0,
        'NotFoundError',
        {},
        new Error('x'),
        { name: 'NotFoundError', status: 404 },
      ]) {
        expect((core[g] as (e: unknown) => boolean)(v)).toBe(false);
      }
    }
  });
});

describe('guards across copies of the package', () => {
  let dir: string;
  let esm: typeof core;
  let cjs: typeof core;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lcai-core-'));
    const common = {
      entryPoints: [join(import.meta.dirname, '../src/index.ts')],
      bundle: true,
      platform: 'neutral' as const,
      define: { __PACKAGE_VERSION__: '"0.0.0-copy"' },
    };
    await build({ ...common, format: 'esm', outfile: join(dir, 'copy.mjs') });
    await build({ ...common, format: 'cjs', outfile: join(dir, 'copy.cjs') });
    esm = (await import(pathToFileURL(join(dir, 'copy.mjs')).href)) as typeof core;
    cjs = createRequire(import.meta.url)(join(dir, 'copy.cjs')) as typeof core;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises errors thrown by another copy (ESM and CJS builds)', () => {
    for (const other of [esm, cjs]) {
      expect(other.NotFoundError).not.toBe(NotFoundError);
      const foreign = new other.NotFoundError('404 gone', 'not_found', false, {}, 404);
      expect(foreign instanceof NotFoundError).toBe(false);
      expect(core.isNotFoundError(foreign)).toBe(true);
      expect(NotFoundError.isInstance(foreign)).toBe(true);
      expect(core.isAPIError(foreign)).toBe(true);
      expect(core.isLiveChatAIError(foreign)).toBe(true);
      expect(core.isConflictError(foreign)).toBe(false);
      const mine = new RateLimitError('429', 'rate_limited', true, {}, 429);
      expect(other.isRateLimitError(mine)).toBe(true);
      expect(other.isInternalServerError(mine)).toBe(false);
      expect(other.isAPITimeoutError(new APITimeoutError('deadline', 5))).toBe(true);
    }
  });

  it('recognises an object carrying the brand and a class kind, and nothing without the brand', () => {
    class Foreign extends Error {
      static kind = 'PermissionDeniedError';
    }
    const branded = new Foreign('x');
    Object.defineProperty(Foreign.prototype, Symbol.for('livechatai.error'), { value: true });
    expect(core.isPermissionDeniedError(branded)).toBe(true);
    expect(core.isNotFoundError(branded)).toBe(false);
    class Unbranded extends Error {
      static kind = 'NotFoundError';
    }
    expect(core.isNotFoundError(new Unbranded('x'))).toBe(false);
  });
});

describe('connection errors name their cause', () => {
  it('refused: nothing listens on the port', async () => {
    const s = createServer();
    await new Promise<void>((r) => {
      s.listen(0, '127.0.0.1', r);
    });
    const { port } = s.address() as AddressInfo;
    await new Promise((r) => s.close(r));
    const err = await createClient({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${port}`,
      maxRetries: 1,
      retry: { sleep: async () => undefined },
    })
      .request({ method: 'GET', path: '/agents' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).toMatchObject({
      reason: 'refused',
      retryable: true,
      attempts: 2,
      code: 'connection_error',
      method: 'GET',
      path: '/agents',
    });
  });

  it('reset: the server destroys the socket', async () => {
    server.handle((_q, res) => res.socket?.destroy());
    const err = await client()
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'reset', name: 'APIConnectionError' });
  });

  it('tls: speaking TLS to a plain-HTTP port', async () => {
    const err = await createClient({ apiKey: KEY, baseURL: server.url.replace('http://', 'https://'), maxRetries: 0 })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'tls', name: 'APIConnectionError' });
  });

  it('maps undici/system codes (dns, tls, timeout, nested causes)', () => {
    const wrap = (code: string) =>
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(connectionErrorKind(wrap('ENOTFOUND'))).toBe('dns');
    expect(connectionErrorKind(wrap('EAI_AGAIN'))).toBe('dns');
    expect(connectionErrorKind(wrap('ECONNREFUSED'))).toBe('refused');
    expect(connectionErrorKind(wrap('UND_ERR_SOCKET'))).toBe('reset');
    expect(connectionErrorKind(wrap('CERT_HAS_EXPIRED'))).toBe('tls');
    expect(connectionErrorKind(wrap('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls');
    expect(connectionErrorKind(wrap('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(connectionErrorKind(wrap('ETIMEDOUT'))).toBe('timeout');
    expect(connectionErrorKind(wrap('UND_ERR_CONNECT_TIMEOUT'))).toBe('timeout');
    expect(connectionErrorKind({ cause: { cause: { code: 'ECONNRESET' } } })).toBe('reset');
    expect(connectionErrorKind(new TypeError('Failed to fetch'))).toBe('unknown');
  });
});

describe('errors never reveal the API key or headers', () => {
  it('toString, JSON, inspect and message carry no key, even when the server echoes it', async () => {
    server.handle((req, res) =>
      json(res, 401, { status: 'error', message: `bad key ${req.headers.authorization ?? ''}`, code: 'unauthorized' }),
    );
    const err = await client()
      .request({ method: 'POST', path: '/contacts', body: { apiKey: KEY } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    const renderings = [
      String(err),
      JSON.stringify(err),
      inspect(err, { depth: 10, showHidden: true }),
      (err as Error).message,
      (err as Error).stack ?? '',
    ];
    for (const r of renderings) {
      expect(r).not.toContain(KEY);
      expect(r.toLowerCase()).not.toContain('authorization:');
    }
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: 'AuthenticationError',
      message: expect.stringContaining('401') as string,
      status: 401,
      code: 'unauthorized',
      requestId: 'req_401',
      method: 'POST',
      path: '/contacts',
      attempts: 1,
      retryable: false,
      // the parsed error body, with the echoed key scrubbed like the message
      body: { status: 'error', message: 'bad key Bearer [redacted]', code: 'unauthorized' },
    });
    expect(Object.keys(err as object)).not.toContain('headers');
  });

  it('the client object does not expose the key', () => {
    const c = client();
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(c)).not.toContain(KEY);
  });
});

describe('client-side errors', () => {
  it('InvalidParameterError names the parameter; user abort and timeouts are typed', () => {
    const e = new InvalidParameterError('agentId', 'expected a non-empty string');
    expect(e).toMatchObject({ param: 'agentId', code: 'invalid_parameter', attempts: 0, retryable: false });
    expect(e.message).toBe('Invalid parameter agentId: expected a non-empty string');
    expect(new APIUserAbortError()).toMatchObject({ code: 'aborted', retryable: false });
    expect(new APITimeoutError('timeout', 10)).toMatchObject({ timeout: 'timeout', ms: 10, retryable: true });
    expect(new APITimeoutError('deadline', 10)).toMatchObject({ retryable: false });
  });
});

describe('errors carry the response headers', () => {
  it('as a Headers object beside status, code, requestId and body, kept out of toJSON and own properties', async () => {
    server.handle((_q, res) =>
      json(
        res,
        429,
        { status: 'error', message: 'slow', code: 'rate_limited' },
        { 'retry-after': '120', 'x-ratelimit-remaining': '0', 'x-request-id': 'req_h' },
      ),
    );
    const err = await client()
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    const { headers } = err as RateLimitError;
    expect(headers).toBeInstanceOf(Headers);
    expect(headers.get('x-ratelimit-remaining')).toBe('0');
    expect(headers.get('retry-after')).toBe('120');
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', requestId: 'req_h', body: { message: 'slow' } });
    expect(Object.keys(err as object)).not.toContain('headers');
    expect(JSON.parse(JSON.stringify(err))).not.toHaveProperty('headers');
    // an error made without a response has empty headers
    expect([...new NotFoundError('x', 'not_found', false, {}, 404).headers]).toEqual([]);
  });

  it('a key a server echoes in a header is scrubbed there too', async () => {
    server.handle((req, res) =>
      json(res, 401, { status: 'error', message: 'no' }, { 'x-debug-auth': req.headers.authorization ?? '' }),
    );
    const err = (await client()
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(err.headers.get('x-debug-auth')).toBe('Bearer [redacted]');
    expect(inspect(err, { depth: 10, showHidden: true })).not.toContain(KEY);
  });
});

describe('the key and baseURL in messages', () => {
  it('a key given with surrounding whitespace is sent trimmed and scrubbed from echoed bodies', async () => {
    server.handle((req, res) =>
      json(res, 401, { status: 'error', message: `bad key ${req.headers.authorization ?? ''}`, code: 'unauthorized' }),
    );
    const err = await createClient({ apiKey: `  ${KEY}\n`, baseURL: server.url, maxRetries: 0 })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    for (const r of [String(err), JSON.stringify(err), inspect(err, { depth: 10 })]) expect(r).not.toContain(KEY);
    expect((err as AuthenticationError).body).toMatchObject({ message: 'bad key Bearer [redacted]' });
  });

  it('a bad baseURL carrying credentials is not echoed: they become ***', () => {
    for (const bad of [
      'https//user:s3cret@example.com/api',
      'https://user:s3cret@example.com/api/v2',
      'http://user:s3cret@example.com',
      'ftp://:s3cret@localhost',
    ]) {
      let err: unknown;
      try {
        createClient({ apiKey: KEY, baseURL: bad });
      } catch (e) {
        err = e;
      }
      expect(err, bad).toMatchObject({ name: 'InvalidParameterError', param: 'baseURL' });
      expect((err as Error).message, bad).not.toContain('s3cret');
      expect(inspect(err), bad).not.toContain('s3cret');
    }
    expect(() => createClient({ apiKey: KEY, baseURL: 'https://user:s3cret@example.com' })).toThrow(
      /\*\*\*@example\.com/,
    );
  });
});

describe('UnexpectedResponseError', () => {
  it('is an APIError with its own guard, code and status; toErrorEnvelope reports a bad gateway', () => {
    const err = new UnexpectedResponseError('200 Expected JSON', 'unexpected_response', false, {}, 200);
    expect(err).toBeInstanceOf(APIError);
    expect(core.isUnexpectedResponseError(err)).toBe(true);
    expect(core.isAPIError(err)).toBe(true);
    expect(core.isNotFoundError(err)).toBe(false);
    expect(core.toErrorEnvelope(err)).toMatchObject({ code: 'unexpected_response', statusCode: 502 });
  });
});
