import type { Middleware } from './client.js';
import { parseJSON } from './envelope.js';
import { readEnv } from './internal/env.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';
/** Any console-like object. */
export interface Logger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

export interface LogOptions {
  /** `debug`: every attempt with its (redacted) headers and body, and every response. `info`: retries and failed
   * attempts. Default `LIVECHATAI_LOG`, else `info`. */
  level?: LogLevel | undefined;
  /** Where lines go. Default `console`. */
  logger?: Logger | undefined;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];
/** Indexes into LEVELS. */
const DEBUG = 0;
const INFO = 1;
const SECRET = /key|secret|token|passw|authorization|cookie|hash/i;
/** Marks the middleware `logRequests()` returns, so LIVECHATAI_LOG does not add a second one (any copy of core). */
const LOGGER_MARK = Symbol.for('livechatai.logRequests');

/** JSON.stringify replacer masking every field named like a secret. */
const redactor = (k: string, v: unknown): unknown => (SECRET.test(k) ? '[redacted]' : v);

/** Copies `value` with every field named like a secret (key, secret, token, password, authorization…) masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactor(k, redact(v, depth + 1));
  return out;
}

/**
 * A middleware that logs each attempt: `createClient({ middleware: [logRequests()] })`; `LIVECHATAI_LOG` alone
 * adds it too (see `withEnvironmentLogger`). The Authorization header
 * and body fields named like a key, secret, token, password, hash or cookie are masked, and the API key is scrubbed
 * from every logged string. A throwing logger never breaks a request.
 */
export function logRequests({ level, logger = console }: LogOptions = {}): Middleware {
  const wanted = level ?? ((readEnv('LIVECHATAI_LOG')?.trim().toLowerCase() ?? 'info') as LogLevel);
  const known = LEVELS.indexOf(wanted);
  // an unknown level logs at `info`
  const min = known < 0 ? INFO : known;
  const middleware: Middleware = async ({ request, attempt }, next) => {
    const key = request.headers.get('authorization')?.slice(7).trim();
    const scrub = (s: string): string => (key ? s.replaceAll(key, '[redacted]') : s);
    const log = (level: number, message: string, data?: unknown): void => {
      if (level < min) return;
      try {
        const args = data === undefined ? [] : [JSON.parse(scrub(JSON.stringify(data, redactor))) as unknown];
        logger[LEVELS[level] as 'info'](scrub(`[livechatai] ${message}`), ...args);
      } catch {
        // logging never breaks a request
      }
    };
    const what = `${request.method} ${new URL(request.url).pathname} #${attempt}`;
    if (attempt > 1) log(INFO, `retrying ${what}`);
    if (min == DEBUG) {
      const text = request.body ? await request.clone().text() : undefined;
      // a JSON body is logged as data (so its secret-named fields can be masked), anything else as text
      log(DEBUG, `→ ${what}`, { headers: Object.fromEntries(request.headers), body: text && parseJSON(text) });
    }
    const started = Date.now();
    try {
      const response = await next(request);
      const requestId = response.headers.get('x-request-id') ?? undefined;
      log(response.ok ? DEBUG : INFO, `← ${response.status} ${what} (${Date.now() - started} ms)`, { requestId });
      return response;
    } catch (error) {
      log(INFO, `✗ ${what}: ${String(error)}`);
      throw error;
    }
  };
  return Object.assign(middleware, { [LOGGER_MARK]: true });
}

/**
 * @internal The client's middleware, plus `logRequests()` (at the LIVECHATAI_LOG level, to `console`) when
 * LIVECHATAI_LOG asks for logging (any value but `off`) and the middleware has no `logRequests()` yet.
 */
export function withEnvironmentLogger(middleware: readonly Middleware[]): readonly Middleware[] {
  const level = readEnv('LIVECHATAI_LOG')?.trim().toLowerCase();
  if (!level || level == 'off' || middleware.some((existing) => LOGGER_MARK in existing)) return middleware;
  return [...middleware, logRequests()];
}
