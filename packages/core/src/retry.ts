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
  status == 408 || status == 429 || (status >= 500 && status != 501);

/** Sleeps `ms`, resolving early (without error) when `signal` aborts; the caller checks the signal. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });

export function resolveRetryPolicy(o: RetryOptions = {}, maxRetries = o.maxRetries): RetryPolicy {
  const policy: Record<string, unknown> = {
    maxRetries: 2,
    isRetryableStatus: defaultIsRetryableStatus,
    retryConnectionErrors: true,
    retryTimeouts: true,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
    sleep,
    random: Math.random,
  };
  for (const [k, v] of Object.entries({ ...o, maxRetries })) if (v !== undefined) policy[k] = v;
  const b = o.budget;
  policy.budget = b && { tokens: b.max, max: b.max, refill: b.refill ?? 0.1 };
  return policy as unknown as RetryPolicy;
}

/** Reads `retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  const ra = headers.get('retry-after') ?? '';
  const t = ms ? +ms : +ra >= 0 && ra.trim() ? +ra * 1000 : Date.parse(ra) - now;
  return t >= 0 ? t : t < 0 ? 0 : undefined;
}

/** Full-jitter exponential backoff for the retry after `attempt`. */
export const backoffDelay = (policy: RetryPolicy, attempt: number): number =>
  Math.round(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
