// Input checks for resource packages: throw InvalidParameterError naming the parameter, before any request.
import { isObj } from './envelope.js';
import { InvalidParameterError } from './errors.js';

/**
 * @internal The one checker behind the assert* helpers: unless `ok`, throws `Invalid parameter <name>: expected
 * <what>, got <value>` (a string quoted, anything else only its kind: never an object's contents).
 */
export function check(ok: unknown, value: unknown, name: string, what: string): void {
  if (!ok) throw new InvalidParameterError(name, `expected ${what}, got ${typeof value == 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`);
}

/** Throws unless `value` is present (not undefined or null). */
export function requireParam<T>(value: T, name: string): asserts value is NonNullable<T> {
  if (value == null) throw new InvalidParameterError(name, 'is required');
}

/** Throws unless `value` is a string with at least one non-whitespace character. */
export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  check(typeof value == 'string' && value.trim(), value, name, 'a non-empty string');
}

/** Like assertNonEmptyString, but undefined is allowed. */
export function assertOptionalString(value: unknown, name: string): asserts value is string | undefined {
  if (value !== undefined) assertNonEmptyString(value, name);
}

/** Throws unless `value` is an integer in [min, max]. */
export function assertInteger(value: unknown, name: string, min = -Infinity, max = Infinity): asserts value is number {
  const what = `an integer ${max === Infinity ? `≥ ${min}` : `${min}–${max}`}`;
  check(typeof value == 'number', value, name, what);
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw new InvalidParameterError(name, `expected ${what}, got ${String(value)}`);
}

/** Throws unless `value` is a boolean. */
export function assertBoolean(value: unknown, name: string): asserts value is boolean {
  check(typeof value == 'boolean', value, name, 'a boolean');
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): asserts value is T {
  check(allowed.includes(value as T), value, name, `one of ${allowed.join(', ')}`);
}

/** Throws unless `value` is a plain object (not null, not an array). */
export function assertObject(value: unknown, name: string): asserts value is Record<string, unknown> {
  check(isObj(value), value, name, 'an object');
}

/**
 * Checks a method's parameter object and its required string fields before any request: a missing object (plain
 * JavaScript callers) or a missing/blank field throws InvalidParameterError naming it.
 */
export function assertParams(params: object, ...keys: string[]): void {
  assertObject(params, 'params');
  for (const key of keys) assertNonEmptyString(params[key as keyof object], key);
}
