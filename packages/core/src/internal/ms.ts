import { InvalidParameterError } from '../errors.js';

/** Validates a millisecond option (≥ 0); undefined → `dflt`, 0 → Infinity (no limit). */
export function ms(v: number | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !(v >= 0)) throw new InvalidParameterError(name, `expected milliseconds >= 0, got ${String(v)}`);
  return v || Infinity;
}

/** setTimeout's largest delay; longer (or Infinity) means no timer. */
export const MAX_TIMER = 2 ** 31 - 1;
