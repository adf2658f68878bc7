import { InvalidParameterError } from './errors.js';

/**
 * Tagged template for request paths: every interpolated value is percent-encoded as one path segment, so
 * `/`, `?`, `#` and `..` in an id can never change which endpoint is called.
 *
 * ```ts
 * client.request({ method: 'GET', path: path`/agents/${agentId}` });
 * ```
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const s = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
    if (s === undefined || s === '' || s === '.' || s === '..') {
      throw new InvalidParameterError(`path[${i}]`, `expected a non-empty id, got ${s === undefined ? typeof v : JSON.stringify(s)}`);
    }
    out += encodeURIComponent(s) + (strings[i + 1] ?? '');
  }
  return out;
}

/** A query value: arrays repeat the key, Dates become ISO strings, undefined and null are skipped. */
export type QueryValue = string | number | boolean | Date | null | undefined | readonly (string | number | boolean | Date)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

function q(key: string, v: unknown): string {
  const s =
    typeof v === 'string' ? v
    : typeof v === 'number' || typeof v === 'boolean' ? String(v)
    : v instanceof Date ? v.toISOString()
    : undefined;
  if (s === undefined) throw new InvalidParameterError(key, `unsupported query value of type ${typeof v}`);
  return `${encodeURIComponent(key)}=${encodeURIComponent(s)}`;
}

/** Serialises query parameters predictably (`?a=1&b=true&c=x&c=y`), or returns '' when there are none. */
export function buildQuery(query: QueryParams | undefined): string {
  let out = '';
  if (query) {
    for (const key in query) {
      const v = query[key];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const item of v as unknown[]) out += `&${q(key, item)}`;
      else out += `&${q(key, v)}`;
    }
  }
  return out && `?${out.slice(1)}`;
}
