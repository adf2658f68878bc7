/** What `.withResponse()` resolves to. `raw` is the parsed JSON body before envelope unwrapping. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  raw: unknown;
}

import { throwIfErrorEnvelope } from './envelope.js';

/** @internal The transport's result for one successful non-streaming request. */
export interface RawResult {
  response: Response;
  text: string;
  /** The parsed body of a non-streaming call: a JSON object or array (the transport refuses anything else). */
  json: unknown;
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
  const data = raw.then((result) => transform(throwIfErrorEnvelope(result.json, result)));
  // whoever reads the result through one of the methods only must not get an unhandled rejection from `data`
  const handled = (): void => {
    data.catch(() => undefined);
  };
  return Object.assign(data, {
    withResponse: async (): Promise<WithResponse<T>> => {
      handled();
      const [result, value] = await Promise.all([raw, data]);
      return { data: value, response: result.response, requestId: result.requestId, raw: result.json };
    },
    asResponse: async (): Promise<Response> => {
      handled();
      const { response, text } = await raw;
      return new Response(text || null, response);
    },
  });
}
