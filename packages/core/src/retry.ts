import { InvalidParameterError } from './errors.js';
import { nonNegative, retryCount, typedOption } from './internal/options.js';
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
  /**
   * The client's retry budget: at most `max` retries in a burst, refilled by `refill` per success (default
   * `{ max: 10, refill: 0.1 }`, shared by every call of the client and of clients `withOptions` derives). `false`:
   * no budget (every call may retry `maxRetries` times).
   */
  budget?: { max: number; refill?: number | undefined } | false | undefined;
};

/** The default budget: 100 calls failing at once make at most 10 retries, not 200; one more per 10 successes. */
export const DEFAULT_RETRY_BUDGET = { max: 10, refill: 0.1 } as const;

export const defaultIsRetryableStatus = (status: number): boolean =>
  status == 408 || status == 429 || (status >= 500 && status != 501);

/** Sleeps `ms`, resolving early (without error) when `signal` aborts; the caller checks the signal. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });

/**
 * Validates the retry options into a policy; a bad one is an InvalidParameterError naming it (`maxRetries`,
 * `retry.baseDelayMs`, …). `maxRetries` is the top-level option, over `retry.maxRetries`. `sharedBudget` (a
 * parent client's) is used when `options.budget` is not given.
 */
export function resolveRetryPolicy(
  options: RetryOptions = {},
  maxRetries?: number,
  sharedBudget?: RetryBudget,
): RetryPolicy {
  let retries = 2;
  if (maxRetries !== undefined) retries = retryCount(maxRetries, 'maxRetries');
  else if (options.maxRetries !== undefined) retries = retryCount(options.maxRetries, 'retry.maxRetries');

  let budget: RetryBudget | undefined;
  const given = options.budget;
  if (given === undefined) {
    budget = sharedBudget ?? { tokens: DEFAULT_RETRY_BUDGET.max, ...DEFAULT_RETRY_BUDGET };
  } else if (given !== false) {
    if (typeof given != 'object' || (given as unknown) === null) {
      throw new InvalidParameterError('retry.budget', 'expected { max, refill } or false');
    }
    // required: null is never a valid count, so a missing `max` is refused like a negative one
    const max = nonNegative((given as { max?: unknown }).max ?? null, 'retry.budget.max', 0);
    const refill = nonNegative(given.refill, 'retry.budget.refill', DEFAULT_RETRY_BUDGET.refill);
    budget = { tokens: max, max, refill };
  }

  return {
    maxRetries: retries,
    isRetryableStatus: typedOption(
      options.isRetryableStatus,
      'retry.isRetryableStatus',
      'function',
      defaultIsRetryableStatus,
    ),
    retryConnectionErrors: typedOption(options.retryConnectionErrors, 'retry.retryConnectionErrors', 'boolean', true),
    retryTimeouts: typedOption(options.retryTimeouts, 'retry.retryTimeouts', 'boolean', true),
    baseDelayMs: nonNegative(options.baseDelayMs, 'retry.baseDelayMs', 500),
    maxDelayMs: nonNegative(options.maxDelayMs, 'retry.maxDelayMs', 8000),
    maxRetryAfterMs: nonNegative(options.maxRetryAfterMs, 'retry.maxRetryAfterMs', 60_000, true),
    budget,
    onRetry: typedOption<RetryPolicy['onRetry']>(options.onRetry, 'retry.onRetry', 'function', undefined),
    sleep: typedOption(options.sleep, 'retry.sleep', 'function', sleep),
    random: typedOption(options.random, 'retry.random', 'function', Math.random),
  };
}

/** Reads `retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms');
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  let wait: number;
  if (milliseconds) wait = Number(milliseconds);
  else if (retryAfter && Number(retryAfter) >= 0) wait = Number(retryAfter) * 1000;
  else wait = Date.parse(retryAfter) - now; // an HTTP date, else NaN
  if (Number.isNaN(wait)) return undefined;
  return Math.max(0, wait); // a date in the past: now
}

/** Full-jitter exponential backoff for the retry after `attempt`. */
export const backoffDelay = (policy: RetryPolicy, attempt: number): number =>
  Math.round(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
