// Input checks for resource packages: each throws InvalidParameterError naming the parameter. A resource method runs
// them inside the function it gives `request`, `requestPage` or `requestStream`, so that a failure rejects the
// method's promise (never a synchronous throw), before any request.
import { isObj } from './envelope.js';
import { InvalidParameterError } from './errors.js';
import type { Channel, ConversationStatus, Resolution, Sentiment, SortOrder } from './models/index.js';

/** Checks one parameter value; throws InvalidParameterError naming `name` unless the value is acceptable. */
export type Check = (value: unknown, name: string) => void;

/** The most items per page every list of the API accepts (`limit`, `perPage`, `pageSize`: 1–100). */
export const MAX_PAGE_SIZE = 100;

/** How a bad value appears in a message: a string quoted (cut to 100 characters), a number or boolean as written,
 * anything else by its kind only (never an object's contents). */
function describe(value: unknown): string {
  if (typeof value == 'string') return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
  if (typeof value == 'number' || typeof value == 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date';
  return typeof value;
}

/**
 * @internal The one checker behind the assert* helpers: unless `ok`, throws `Invalid parameter <name>: expected
 * <what>, got <value>`.
 */
export function check(ok: unknown, value: unknown, name: string, what: string): void {
  if (!ok) throw new InvalidParameterError(name, `expected ${what}, got ${describe(value)}`);
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

/** Throws unless `value` is a string (empty allowed: free text such as a name). */
export function assertString(value: unknown, name: string): asserts value is string {
  check(typeof value == 'string', value, name, 'a string');
}

/** Throws unless `value` is an integer in [min, max]. */
export function assertInteger(value: unknown, name: string, min = -Infinity, max = Infinity): asserts value is number {
  const range = max === Infinity ? `≥ ${min}` : `${min}–${max}`;
  const ok = Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  check(ok, value, name, `an integer ${range}`);
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

/**
 * Checks the optional fields of `params`: each one given (not undefined) must pass its check. `null` is not
 * "not given": the API takes no nulls.
 */
export function assertOptionalFields(params: object, checks: Readonly<Record<string, Check>>): void {
  for (const [key, checkField] of Object.entries(checks)) {
    const value = (params as Record<string, unknown>)[key];
    if (value !== undefined) checkField(value, key);
  }
}

/** A Check for one of `allowed`. */
export const oneOf =
  (allowed: readonly string[]): Check =>
  (value, name) => {
    assertOneOf(value, name, allowed);
  };

/** A Check for an integer in [min, max]. */
export const integer =
  (min: number, max = Infinity): Check =>
  (value, name) => {
    assertInteger(value, name, min, max);
  };

/** The paging parameters of a list: `page` an integer ≥ 1, `sizeParam` (`limit`, `perPage`, `pageSize`) 1–100. */
export function assertPaging(params: object, sizeParam: string): void {
  assertOptionalFields(params, { page: integer(1), [sizeParam]: integer(1, MAX_PAGE_SIZE) });
}

/** Throws unless `value` is an object whose values are all strings (contact attributes). */
export function assertStringMap(value: unknown, name: string): asserts value is Record<string, string> {
  assertObject(value, name);
  for (const key in value) assertString(value[key], `${name}.${key}`);
}

/** Throws unless `value` is a non-empty array of at most `max` non-empty strings (a list of ids). */
export function assertIdList(value: unknown, name: string, max: number): asserts value is string[] {
  check(Array.isArray(value) && value.length > 0 && value.length <= max, value, name, `an array of 1–${max} ids`);
  (value as unknown[]).forEach((id, index) => {
    assertNonEmptyString(id, `${name}[${index}]`);
  });
}

const DAY_MS = 86_400_000;
const YMD = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of a `YYYY-MM-DD` calendar day (UTC midnight), or NaN when it is not one (e.g. 2024-02-30). */
function dayMs(value: string): number {
  if (!YMD.test(value)) return NaN;
  const time = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(time) || !new Date(time).toISOString().startsWith(value)) return NaN;
  return time;
}

/**
 * Throws unless `value` is a calendar day as `YYYY-MM-DD` (analytics). A `Date` is refused: which day it names
 * depends on a time zone, so format it in the one you mean.
 */
export function assertDay(value: unknown, name: string): asserts value is string {
  check(typeof value == 'string' && !Number.isNaN(dayMs(value)), value, name, 'a date as YYYY-MM-DD');
}

/**
 * Throws unless `startDate`..`endDate` (checked days, inclusive) runs forward and spans at most `maxDays` days;
 * the error names `endDate`.
 */
export function assertDayRange(startDate: string, endDate: string, maxDays: number): void {
  const days = (dayMs(endDate) - dayMs(startDate)) / DAY_MS + 1;
  if (days < 1) throw new InvalidParameterError('endDate', `must not be before startDate (${startDate})`);
  if (days > maxDays)
    throw new InvalidParameterError('endDate', `the period may span at most ${maxDays} days, got ${days}`);
}

/**
 * Throws unless `value` is a point in time the API reads: Unix seconds (a non-negative integer, or its digits as a
 * string), an ISO 8601 date (`2024-01-31`) or date-time with a time zone (`2024-01-31T12:00:00Z`), or a valid Date.
 */
export function assertInstant(value: unknown, name: string): void {
  let ok: boolean;
  if (value instanceof Date) ok = !Number.isNaN(value.getTime());
  else if (typeof value == 'number') ok = Number.isInteger(value) && value >= 0;
  else if (typeof value != 'string') ok = false;
  else if (/^\d{1,12}$/.test(value)) ok = true;
  else if (YMD.test(value)) ok = !Number.isNaN(dayMs(value));
  else ok = DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
  check(ok, value, name, 'Unix seconds, an ISO 8601 date or a date-time with a time zone');
}

// The conversation-list filters, shared by `conversations.list` and `contacts.listConversations`.
export const SORT_ORDERS = ['asc', 'desc'] as const satisfies readonly SortOrder[];
export const CONVERSATION_STATUSES = ['open', 'close'] as const satisfies readonly ConversationStatus[];
export const SENTIMENTS = ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED'] as const satisfies readonly Sentiment[];
export const CHANNELS = [
  'WHATSAPP',
  'SLACK',
  'MESSENGER',
  'FULLPAGE',
  'INLINECHAT',
  'PREVIEW',
  'ONBOARDING',
] as const satisfies readonly Channel[];
export const RESOLUTIONS = ['AIHelped', 'AIDidNotHelp', 'TalkToAgent'] as const satisfies readonly Resolution[];

/** Checks the filters of a conversation list (ConversationFilters): paging, enums, dates, ids. */
export function assertConversationFilters(filters: object): void {
  assertObject(filters, 'params');
  assertPaging(filters, 'perPage');
  assertOptionalFields(filters, {
    sort: oneOf(SORT_ORDERS),
    status: oneOf(CONVERSATION_STATUSES),
    startDate: assertInstant,
    endDate: assertInstant,
    assignee: assertNonEmptyString,
    sentiment: oneOf(SENTIMENTS),
    topic: assertNonEmptyString,
    channel: oneOf(CHANNELS),
    resolution: oneOf(RESOLUTIONS),
    viewId: assertNonEmptyString,
  });
}
