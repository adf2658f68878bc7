import { InvalidParameterError } from './errors.js';
import { check } from './validate.js';

/**
 * Tagged template for request paths: every interpolated value is percent-encoded as one path segment, so
 * `/`, `?`, `#` and `..` in an id can never change which endpoint is called.
 *
 * ```ts
 * client.request({ method: 'GET', path: path`/agents/${agentId}` });
 * ```
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => {
    const v = values[--i];
    check(typeof v == 'string' ? !/^\.{0,2}$/.test(v) : Number.isFinite(v), v, `path[${i}]`, 'a non-empty id');
    return out + encodeURIComponent(v as string) + s;
  });
}

/** A query value: arrays repeat the key, Dates become ISO strings, undefined and null are skipped. */
export type QueryValue = string | number | boolean | Date | null | undefined | readonly (string | number | boolean | Date)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** Serialises query parameters predictably (`?a=1&b=true&c=x&c=y`), or returns '' when there are none. */
export function buildQuery(query: QueryParams | undefined): string {
  let out = '';
  for (const key in query) {
    for (let v of [query[key]].flat()) {
      if (v instanceof Date) v = v.toISOString();
      if (v == null) continue;
      if (!'string number boolean'.includes(typeof v)) throw new InvalidParameterError(key, `unsupported query value of type ${typeof v}`);
      out += `&${encodeURIComponent(key)}=${encodeURIComponent(v)}`;
    }
  }
  return out && `?${out.slice(1)}`;
}
