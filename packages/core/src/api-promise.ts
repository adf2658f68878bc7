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
export class APIPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'Promise';
  #raw: Promise<RawResult>;
  #transform: (json: unknown) => T;
  #parsed: Promise<WithResponse<T>> | undefined;
  #data: Promise<T> | undefined;

  /** @internal `transform` turns the parsed JSON body into the typed value (e.g. envelope unwrapping). */
  constructor(raw: Promise<RawResult>, transform: (json: unknown) => T) {
    this.#raw = raw;
    this.#transform = transform;
  }

  /** Resolves to `{ data, response, requestId, raw }`. */
  withResponse(): Promise<WithResponse<T>> {
    return (this.#parsed ??= this.#raw.then((r) => {
      const raw = parseBody(r.text, r.response.headers.get('content-type'), r);
      return { data: this.#transform(raw), response: r.response, requestId: r.requestId, raw };
    }));
  }

  /** Resolves to a Response with the status, headers and body of the successful response (errors still throw). */
  asResponse(): Promise<Response> {
    return this.#raw.then(({ response: r, text }) => new Response(text, { status: r.status, statusText: r.statusText, headers: r.headers }));
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return (this.#data ??= this.withResponse().then((r) => r.data)).then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
