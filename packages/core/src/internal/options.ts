import { check } from '../validate.js';

// The numeric and typed client options (`timeout`, `maxResponseBytes`, `maxPages`, `maxRetries`, `retry.*`), checked
// by one checker (validate.ts's `check`), so every message reads `expected <what>, got <value>`.

/** The default `maxResponseBytes`: 10 MiB (a non-streaming body; for a stream, each event and the whole answer). */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** setTimeout's largest delay; longer (or Infinity) means no timer. */
export const MAX_TIMER = 2 ** 31 - 1;

/** Validates a millisecond option (≥ 0); undefined → `fallback`, 0 → Infinity (no limit). */
export function ms(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  check(typeof value == 'number' && value >= 0, value, name, 'milliseconds >= 0');
  return (value as number) || Infinity;
}

/** Validates a byte-count option (an integer ≥ 0); undefined → `fallback`, 0 → Infinity (no limit). */
export function byteLimit(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  check(Number.isSafeInteger(value) && (value as number) >= 0, value, name, 'a number of bytes >= 0 (0: no limit)');
  return (value as number) || Infinity;
}

/** Validates a page-count option (an integer ≥ 0); undefined → `fallback`, 0 → Infinity (no limit). */
export function pageCount(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  check(Number.isInteger(value) && (value as number) >= 0, value, name, 'an integer >= 0 (0: no limit)');
  return (value as number) || Infinity;
}

/** Validates a retry count: an integer ≥ 0 (NaN, from an unset environment variable, is refused). */
export function retryCount(value: unknown, name: string): number {
  check(Number.isSafeInteger(value) && (value as number) >= 0, value, name, 'an integer >= 0');
  return value as number;
}

/** Validates a finite number ≥ 0 (`Infinity` too when `infinite`); undefined → `fallback`. */
export function nonNegative(value: unknown, name: string, fallback: number, infinite = false): number {
  if (value === undefined) return fallback;
  const ok = typeof value == 'number' && value >= 0 && (infinite || value !== Infinity);
  check(ok, value, name, infinite ? 'a number >= 0' : 'a finite number >= 0');
  return value as number;
}

/** Validates a function or boolean option; undefined → `fallback`. */
export function typedOption<T>(value: unknown, name: string, type: 'function' | 'boolean', fallback: T): T {
  if (value === undefined) return fallback;
  check(typeof value == type, value, name, `a ${type}`);
  return value as T;
}
