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
export class APIPromise<T> extends Promise<T> {
  #raw: Promise<RawResult>;
  #parsed: Promise<WithResponse<T>>;

  /** @internal `transform` turns the parsed JSON body into the typed value (e.g. envelope unwrapping). */
  constructor(raw: Promise<RawResult>, transform: (json: unknown) => T) {
    const parsed = raw.then((r) => {
      const json = parseBody(r.text, r.response.headers.get('content-type'), r);
      return { data: transform(json), response: r.response, requestId: r.requestId, raw: json };
    });
    super((resolve, reject) => {
      parsed.then((r) => {
        resolve(r.data);
      }, reject);
    });
    this.#raw = raw;
    this.#parsed = parsed;
    // whoever uses only asResponse() must not get an unhandled rejection from here
    this.catch(() => undefined);
  }

  /** then/catch/finally return plain Promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** Resolves to `{ data, response, requestId, raw }`. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#parsed;
  }

  /** Resolves to a Response with the status, headers and body of the successful response (errors still throw). */
  asResponse(): Promise<Response> {
    return this.#raw.then(({ response, text }) => new Response(text || null, response));
  }
}
