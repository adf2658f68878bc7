import type { LiveChatAIError } from './errors.js';

/** Passed to `onRetry` before each retry wait. */
export interface RetryEvent {
  /** The attempt that just failed (1-based); the next one is `attempt + 1`. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  error: LiveChatAIError;
  method: string;
  path: string;
}

/** A token bucket shared by all requests of a client: each retry spends one token, each success refunds `refill`. */
export interface RetryBudget {
  tokens: number;
  readonly max: number;
  readonly refill: number;
}

/** The resolved, inspectable retry policy of a client (`client.retry`). */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  readonly maxRetries: number;
  /** Statuses worth retrying (default: 408, 429 and 5xx except 501). */
  readonly isRetryableStatus: (status: number) => boolean;
  /** Retry connection errors: DNS, refused, reset, TLS (default true). */
  readonly retryConnectionErrors: boolean;
  /** Retry response timeouts, `timeout` only (default true). */
  readonly retryTimeouts: boolean;
  /** Backoff: full jitter, random(0, min(maxDelayMs, baseDelayMs · 2^(attempt-1))). Defaults 500 / 8000. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After / retry-after-ms longer than this is not waited for: the error is thrown (default 60 000). */
  readonly maxRetryAfterMs: number;
  readonly budget: RetryBudget | undefined;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  /** Injectable for tests. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
}

export type RetryOptions = { [K in Exclude<keyof RetryPolicy, 'budget'>]?: RetryPolicy[K] | undefined } & {
  /** Enable a retry budget: at most `max` retries in a burst, refilled by `refill` per success (default 0.1). */
  budget?: { max: number; refill?: number } | undefined;
};

export const defaultIsRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status !== 501);

/** Sleeps `ms`, resolving early (without error) when `signal` aborts; the caller checks the signal. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

export function resolveRetryPolicy(o: RetryOptions = {}, maxRetries?: number): RetryPolicy {
  const b = o.budget;
  const set = Object.entries({ ...o, maxRetries: maxRetries ?? o.maxRetries }).filter((e) => e[1] !== undefined);
  return {
    maxRetries: 2,
    isRetryableStatus: defaultIsRetryableStatus,
    retryConnectionErrors: true,
    retryTimeouts: true,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
    onRetry: undefined,
    sleep,
    random: Math.random,
    ...(Object.fromEntries(set) as Partial<RetryPolicy>),
    budget: b && { tokens: b.max, max: b.max, refill: b.refill ?? 0.1 },
  };
}

/** Reads `retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (ms >= 0) return ms;
  const ra = headers.get('retry-after')?.trim();
  if (!ra) return undefined;
  const t = Number(ra) >= 0 ? Number(ra) * 1000 : Date.parse(ra) - now;
  return t < 0 ? 0 : Number.isNaN(t) ? undefined : t;
}

/** Full-jitter exponential backoff for the retry after `attempt`. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.round(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
}
