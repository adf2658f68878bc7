/** What `.withResponse()` resolves to. `raw` is the parsed JSON body before envelope unwrapping. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  raw: unknown;
}

import { parseBody } from './envelope.js';

/** @internal The transport's result for one successful non-streaming request. */
export interface RawResult {
  response: Response;
  text: string;
  requestId: string | undefined;
  method: string;
  path: string;
  attempts: number;
}

/**
 * A Promise of the typed value, with `.withResponse()` (value + Response + request id) and `.asResponse()`
 * (a Response carrying the body text, for reading it yourself). The request starts immediately.
 */
export interface APIPromise<T> extends Promise<T> {
  /** Resolves to `{ data, response, requestId, raw }`. */
  withResponse(): Promise<WithResponse<T>>;
  /** Resolves to a Response with the status, headers and body of the successful response (errors still throw). */
  asResponse(): Promise<Response>;
}

/**
 * @internal Builds an APIPromise over the transport's raw result; `transform` turns the parsed JSON body into the
 * typed value (e.g. envelope unwrapping). The body is parsed as soon as it arrives; the `withResponse()` object is
 * built only when asked for. The result is a native Promise carrying the two methods, so `await` takes the engine's
 * fast path (a Promise subclass or a custom thenable costs an extra job and a species lookup on every call).
 */
export function apiPromise<T>(raw: Promise<RawResult>, transform: (json: unknown) => T): APIPromise<T> {
  let json: unknown;
  const data = raw.then((r) => transform((json = parseBody(r.text, r.response.headers, r))));
  // whoever reads the result through one of the methods only must not get an unhandled rejection from `data`
  const handled = (): Promise<unknown> => data.catch(() => undefined);
  return Object.assign(data, {
    withResponse: () => (
      handled(), Promise.all([raw, data]).then(([r, value]) => ({ data: value, response: r.response, requestId: r.requestId, raw: json }))
    ),
    asResponse: () => (handled(), raw.then(({ response, text }) => new Response(text || null, response))),
  });
}
