import { InvalidParameterError } from '../errors.js';

/** Validates a millisecond option (≥ 0); undefined → `fallback`, 0 → Infinity (no limit). */
export function ms(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new InvalidParameterError(name, `expected milliseconds >= 0, got ${String(value)}`);
  }
  return value || Infinity;
}

/** Validates a byte-count option (an integer ≥ 0); undefined → `fallback`, 0 → Infinity (no limit). */
export function byteLimit(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidParameterError(name, `expected a number of bytes >= 0 (0: no limit), got ${String(value)}`);
  }
  return value || Infinity;
}

/** setTimeout's largest delay; longer (or Infinity) means no timer. */
export const MAX_TIMER = 2 ** 31 - 1;
