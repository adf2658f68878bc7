// Input checks for resource packages: throw InvalidParameterError naming the parameter, before any request.
import { InvalidParameterError } from './errors.js';

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : typeof v);

/** Throws unless `value` is present (not undefined or null). */
export function requireParam<T>(value: T, name: string): asserts value is NonNullable<T> {
  if (value === undefined || value === null) throw new InvalidParameterError(name, 'is required');
}

/** Throws unless `value` is a string with at least one non-whitespace character. */
export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || !value.trim()) throw new InvalidParameterError(name, `expected a non-empty string, got ${show(value)}`);
}

/** Like assertNonEmptyString, but undefined is allowed. */
export function assertOptionalString(value: unknown, name: string): asserts value is string | undefined {
  if (value !== undefined) assertNonEmptyString(value, name);
}

/** Throws unless `value` is an integer in [min, max]. */
export function assertInteger(value: unknown, name: string, min = -Infinity, max = Infinity): asserts value is number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Infinity ? `≥ ${min}` : `${min}–${max}`;
    throw new InvalidParameterError(name, `expected an integer ${range}, got ${typeof value === 'number' ? value : show(value)}`);
  }
}

/** Throws unless `value` is a boolean. */
export function assertBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw new InvalidParameterError(name, `expected a boolean, got ${show(value)}`);
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new InvalidParameterError(name, `expected one of ${allowed.join(', ')}, got ${show(value)}`);
  }
}

/** Throws unless `value` is a plain object (not null, not an array). */
export function assertObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidParameterError(name, `expected an object, got ${Array.isArray(value) ? 'array' : show(value)}`);
  }
}

/**
 * Checks a method's parameter object and its required string fields before any request: a missing object (plain
 * JavaScript callers) or a missing/blank field throws InvalidParameterError naming it.
 */
export function assertParams(params: object, ...keys: string[]): void {
  assertObject(params, 'params');
  for (const key of keys) assertNonEmptyString(params[key as keyof object], key);
}
