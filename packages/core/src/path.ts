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
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const isId = typeof value == 'string' ? !/^\.{0,2}$/.test(value) : Number.isFinite(value);
    check(isId, value, `path[${i}]`, 'a non-empty id');
    out += encodeURIComponent(value as string) + (strings[i + 1] ?? '');
  });
  return out;
}

/** A query value: arrays repeat the key, Dates become ISO strings, undefined and null are skipped. */
export type QueryValue =
  string | number | boolean | Date | null | undefined | readonly (string | number | boolean | Date)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

const QUERY_SCALAR_TYPES = new Set(['string', 'number', 'boolean']);

/** Serialises query parameters predictably (`?a=1&b=true&c=x&c=y`), or returns '' when there are none. */
export function buildQuery(query: QueryParams | undefined): string {
  let out = '';
  for (const key in query) {
    for (let value of [query[key]].flat()) {
      if (value instanceof Date) value = value.toISOString();
      if (value == null) continue;
      if (!QUERY_SCALAR_TYPES.has(typeof value)) {
        throw new InvalidParameterError(key, `unsupported query value of type ${typeof value}`);
      }
      out += `&${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
    }
  }
  return out && `?${out.slice(1)}`;
}

/**
 * Layers query parameters, later ones over earlier ones (`defaultQuery`, then a call's `query` option, then the
 * call's own): `undefined` leaves the value below, `null` removes it. A key keeps the place it first had.
 */
export function mergeQuery(...layers: (QueryParams | undefined)[]): QueryParams | undefined {
  const given = layers.filter((layer) => layer !== undefined);
  for (const layer of given) {
    if (typeof layer != 'object' || (layer as unknown) === null)
      throw new InvalidParameterError('query', 'expected an object');
  }
  if (given.length < 2) return given[0];
  const merged: Record<string, QueryValue> = {};
  for (const layer of given) {
    for (const key in layer) if (layer[key] !== undefined) merged[key] = layer[key];
  }
  return merged;
}
