import { unwrapEnvelope, isObj, parseBody, parseJSON } from './envelope.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  connectionErrorKind,
  isLiveChatAIError,
  LiveChatAIError,
  makeAPIError,
  toErrorEnvelope,
  unexpectedResponse,
} from './errors.js';
import type { ErrorContext, TimeoutKind } from './errors.js';
import type { LiveChatAIClient, RequestOptions, StreamRequestSpec } from './client.js';
import { byteLimit, DEFAULT_MAX_RESPONSE_BYTES, MAX_TIMER, ms as millis } from './internal/options.js';
import { parseRetryAfter } from './retry.js';
import { SSEParser } from './sse.js';
import type { SSEMessage } from './sse.js';

/** A piece of the answer. */
export interface DeltaEvent {
  event: 'delta';
  data: { text: string };
  id: string | undefined;
}
/** The final result (for send-message: the same object as the non-streaming `data`). */
export interface DoneEvent<TDone> {
  event: 'done';
  data: TDone;
  id: string | undefined;
}
export type StreamEvent<TDone = unknown> = DeltaEvent | DoneEvent<TDone>;

/** The text-fallback final message: a non-event-stream body is taken as plain answer text. */
export interface TextStreamResult {
  response: string;
}

/** Options of `EventStream.fromResponse` / `fromReadableStream`. */
export interface FromResponseOptions {
  /** Aborting it stops the stream (iteration ends quietly, `finalMessage()` rejects with APIUserAbortError). */
  signal?: AbortSignal | undefined;
  /** Longest wait for the next chunk, in ms (default 30 000; 0 = none). */
  idleTimeout?: number | undefined;
  /** Longest the stream may stay open, keep-alive comments or not, in ms (default 600 000; 0 = none). */
  streamTimeout?: number | undefined;
  /** Most characters one event, or the whole answer text, may hold (default 10 MiB; 0 = none). */
  maxResponseBytes?: number | undefined;
}

/** @internal How the transport hands a started stream over. */
export interface StreamInit {
  ctrl: AbortController;
  idleTimeout: number;
  streamTimeout: number;
  deadline: number;
  deadlineAt: number;
  /**
   * `maxResponseBytes`, counted in characters (bytes, for ASCII): the most one event, the whole answer text, or a
   * JSON or error body may hold.
   */
  maxLength: number;
  ctx: ErrorContext;
  cleanup: () => void;
}

/** How a body is read: server-sent events, a whole JSON answer, plain text deltas, or an error response. */
type BodyMode = 'sse' | 'json' | 'text' | 'error';

function bodyMode(response: Response): BodyMode {
  if (!response.ok) return 'error';
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('event-stream')) return 'sse';
  if (type.includes('json')) return 'json';
  return 'text';
}

/** A body that can be read chunk by chunk: React Native's fetch, for one, gives none (`body` is undefined). */
const canStream = (response: Response): boolean => typeof response.body?.getReader === 'function';

/** The error for a streamed answer that this runtime's fetch cannot deliver piece by piece. */
const streamingUnsupported = (response: Response, ctx: ErrorContext): LiveChatAIError =>
  unexpectedResponse(
    'streaming_unsupported',
    'No streaming body from this fetch (response.body is missing, as in React Native): use the non-streaming call (e.g. messages.send()) or a fetch that streams',
    response,
    ctx,
  );

/** The error for an event, answer or body over `maxLength` characters. */
const tooLarge = (response: Response, ctx: ErrorContext) => (maxLength: number) =>
  unexpectedResponse('response_too_large', `Streamed response over ${maxLength} characters`, response, ctx);

/** The text of a `delta` event: `{ text }` as the API sends it, or a bare JSON string. */
function deltaText(data: unknown): string {
  if (isObj(data) && typeof data.text === 'string') return data.text;
  if (typeof data === 'string') return data;
  return '';
}

/**
 * A streamed response. Iterate it once — `for await (const e of stream)`, or `.textStream`, or `.finalMessage()` —
 * any of them drains the same underlying body. `text/event-stream` bodies follow decisions D5 (`delta`, `done`,
 * `error` events; other event names are ignored). Any other content type is a plain-text fallback: each chunk is a
 * delta and the final message is `{ response: <all text> }`; an `application/json` body is read whole, unwrapped,
 * and becomes one delta (its `response` text) plus the done event.
 *
 * On the far side of your own server (a browser reading what `toReadableStream()` wrote), rebuild it with
 * `EventStream.fromResponse(await fetch('/api/chat', …))`: the same events, and the same typed errors.
 */
export class EventStream<TDone = unknown> implements AsyncIterable<StreamEvent<TDone>> {
  readonly response: Response;
  readonly requestId: string | undefined;
  #init: StreamInit;
  /** Epoch milliseconds at which `streamTimeout` ends the stream. */
  #streamEndsAt: number;
  #started = false;
  #aborted = false;
  /** The whole body has been read: nothing left to cancel. */
  #bodyEnded = false;
  #final: Promise<TDone>;
  #settle!: (value: TDone | LiveChatAIError) => void;
  #text = '';

  /** @internal Created by `requestStream(client, …)`. */
  constructor(response: Response, init: StreamInit) {
    this.response = response;
    this.requestId = init.ctx.requestId;
    this.#init = init;
    this.#streamEndsAt = Date.now() + init.streamTimeout;
    this.#final = new Promise<TDone>((resolve, reject) => {
      this.#settle = (value) => {
        if (value instanceof LiveChatAIError) reject(value);
        else resolve(value);
      };
    });
    this.#final.catch(() => undefined);
  }

  /**
   * Rebuilds a stream from a `fetch` Response, e.g. in the browser from your own server's
   * `text/event-stream` answer. A non-2xx response rejects iteration and `finalMessage()` with the typed error
   * its body describes (status, code, message, `x-request-id`, `Retry-After`), as an `error` event does.
   */
  static fromResponse<TDone = unknown>(response: Response, options: FromResponseOptions = {}): EventStream<TDone> {
    const { signal } = options;
    const onAbort = (): void => {
      stream.abort();
    };
    const stream = new EventStream<TDone>(response, {
      ctrl: new AbortController(),
      idleTimeout: millis(options.idleTimeout, 'idleTimeout', 30_000),
      streamTimeout: millis(options.streamTimeout, 'streamTimeout', 600_000),
      deadline: Infinity,
      deadlineAt: Infinity,
      maxLength: byteLimit(options.maxResponseBytes, 'maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES),
      ctx: { requestId: response.headers.get('x-request-id') ?? undefined },
      cleanup: () => signal?.removeEventListener('abort', onAbort),
    });
    if (signal?.aborted) stream.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    return stream;
  }

  /** Rebuilds a stream from a bare `text/event-stream` body (see `fromResponse`). */
  static fromReadableStream<TDone = unknown>(
    body: ReadableStream<Uint8Array>,
    options?: FromResponseOptions,
  ): EventStream<TDone> {
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    return EventStream.fromResponse<TDone>(response, options);
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamEvent<TDone>> {
    if (this.#started) throw new LiveChatAIError('The stream can be read only once', 'stream_consumed');
    this.#started = true;
    return this.#run();
  }

  /** The text deltas only (reads the stream, like iterating it). */
  get textStream(): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => this.#texts() };
  }

  async *#texts(): AsyncGenerator<string> {
    for await (const event of this) if (event.event === 'delta') yield event.data.text;
  }

  /**
   * The `done` event's data. Call it before, during or after iterating: when nobody has started reading the stream
   * by the end of the current synchronous run, it drains the stream itself. Rejects with the typed error on failure.
   */
  finalMessage(): Promise<TDone> {
    queueMicrotask(() => {
      if (this.#started) return;
      void (async () => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          for await (const _event of this);
        } catch {
          // surfaced through #final
        }
      })();
    });
    return this.#final;
  }

  /** The whole answer text (every delta, in order); drains the stream if nobody is reading it, like `finalMessage()`. */
  async finalText(): Promise<string> {
    await this.finalMessage();
    return this.#text;
  }

  /** Stops the stream: iteration ends quietly, `finalMessage()` rejects with APIUserAbortError. */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    const error = new APIUserAbortError(this.#init.ctx);
    this.#settle(error);
    this.#init.ctrl.abort(error);
  }

  /**
   * Re-encodes the events as a `text/event-stream` body, e.g. to answer a browser from your own server:
   * `new Response(stream.toReadableStream(), { headers: { 'content-type': 'text/event-stream' } })`.
   * A failure becomes an `event: error` whose data is `toErrorEnvelope(error)`: the API's own message, its code,
   * HTTP status (`statusCode`) and request id. `EventStream.fromResponse` in the browser turns it back into the same
   * typed error.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const events = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const frame = (event: string, data: unknown, id?: string): Uint8Array => {
      const idLine = id === undefined ? '' : `id: ${id}\n`;
      return encoder.encode(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const next = await events.next();
          if (next.done) controller.close();
          else controller.enqueue(frame(next.value.event, next.value.data, next.value.id));
        } catch (error) {
          controller.enqueue(frame('error', toErrorEnvelope(error)));
          controller.close();
        }
      },
      cancel: () => {
        this.abort();
      },
    });
  }

  async *#run(): AsyncGenerator<StreamEvent<TDone>> {
    const { ctx, ctrl, cleanup } = this.#init;
    const mode = bodyMode(this.response);
    const { body } = this.response;
    const reader = body && canStream(this.response) ? body.getReader() : undefined;
    // An abort (stop, timeout, early break) cancels the body, whoever made the request (fetch's own signal may not
    // be ours: see fromResponse).
    ctrl.signal.addEventListener('abort', () => void reader?.cancel().catch(() => undefined), { once: true });
    try {
      for await (const event of this.#source(mode, reader)) {
        // stopped between two events of one chunk: nothing more is handed out, as if the next read had seen it
        if (ctrl.signal.aborted) throw ctrl.signal.reason;
        yield event;
      }
    } catch (caught) {
      const error = isLiveChatAIError(caught)
        ? caught
        : new APIConnectionError(connectionErrorKind(caught), { ...ctx, cause: caught });
      this.#settle(error);
      if (!this.#aborted) throw error;
    } finally {
      cleanup();
      if (!this.#bodyEnded) {
        // stopped early (break, error, abort, or done before the body closed): settle (no-op once settled), cancel
        const error = new APIUserAbortError(ctx);
        this.#settle(error);
        ctrl.abort(error);
      }
    }
  }

  /** The events of the body, read the way its content type says. */
  #source(
    mode: BodyMode,
    reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  ): AsyncGenerator<StreamEvent<TDone>> {
    if (mode === 'sse') return this.#events(reader);
    if (mode === 'text') return this.#plainText(reader);
    return this.#wholeBody(mode, reader);
  }

  /** `text/event-stream`: the D5 events, up to the `done` event (which ends the stream, closed or not). */
  async *#events(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): AsyncGenerator<StreamEvent<TDone>> {
    const { ctx, maxLength } = this.#init;
    if (!reader) throw streamingUnsupported(this.response, ctx);
    const parser = new SSEParser(maxLength, tooLarge(this.response, ctx));
    for await (const text of this.#decoded(reader)) {
      for (const message of parser.push(text)) {
        const event = this.#event(message);
        if (event) yield event;
        if (event?.event === 'done') return;
      }
    }
    for (const message of parser.end()) {
      const event = this.#event(message);
      if (event) yield event;
      if (event?.event === 'done') return;
    }
    throw new APIConnectionError('reset', { ...ctx, cause: new Error('stream ended before its done event') });
  }

  /** One server-sent event as a stream event; `error` throws its typed error; other event names are skipped. */
  #event(message: SSEMessage): StreamEvent<TDone> | undefined {
    const { ctx } = this.#init;
    if (message.event === 'error') throw makeAPIError(0, parseJSON(message.data), ctx);
    if (message.event === 'delta') {
      const text = deltaText(parseJSON(message.data));
      this.#addText(text);
      return { event: 'delta', data: { text }, id: message.id };
    }
    if (message.event === 'done') {
      // done is final (D5): settle first (a consumer may stop at it)
      const data = unwrapEnvelope(parseJSON(message.data)) as TDone;
      this.#settle(data);
      return { event: 'done', data, id: message.id };
    }
    return undefined;
  }

  /** Any other 2xx content type: each chunk of text is a delta; the final message is `{ response: <all text> }`. */
  async *#plainText(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): AsyncGenerator<StreamEvent<TDone>> {
    if (!reader) throw streamingUnsupported(this.response, this.#init.ctx);
    for await (const text of this.#decoded(reader)) {
      this.#addText(text);
      yield { event: 'delta', data: { text }, id: undefined };
    }
    const data = { response: this.#text } satisfies TextStreamResult as TDone;
    this.#settle(data);
    yield { event: 'done', data, id: undefined };
  }

  /** A JSON answer (one delta with its `response` text, then done) or an error response (its typed error). */
  async *#wholeBody(
    mode: 'json' | 'error',
    reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  ): AsyncGenerator<StreamEvent<TDone>> {
    const { ctx, maxLength } = this.#init;
    let body: string;
    if (reader) {
      const pieces: string[] = [];
      let length = 0;
      for await (const text of this.#decoded(reader)) {
        length += text.length;
        if (length > maxLength) throw tooLarge(this.response, ctx)(maxLength);
        pieces.push(text);
      }
      body = pieces.join('');
    } else {
      // no streaming body (React Native): the whole text is all this fetch offers, and all that is needed here
      body = await this.response.text();
      this.#bodyEnded = true;
      if (body.length > maxLength) throw tooLarge(this.response, ctx)(maxLength);
    }
    const { status, headers } = this.response;
    if (mode === 'error') throw makeAPIError(status, parseJSON(body), ctx, undefined, parseRetryAfter(headers));
    const data = unwrapEnvelope(parseBody(body, headers, ctx));
    const text = isObj(data) && typeof data.response === 'string' ? data.response : '';
    this.#text = text;
    if (text) yield { event: 'delta', data: { text }, id: undefined };
    this.#settle(data as TDone);
    yield { event: 'done', data: data as TDone, id: undefined };
  }

  /** Adds to the whole answer text, which may not grow past `maxLength`. */
  #addText(text: string): void {
    const { ctx, maxLength } = this.#init;
    if (this.#text.length + text.length > maxLength) throw tooLarge(this.response, ctx)(maxLength);
    this.#text += text;
  }

  /** The body as text, chunk by chunk (the decoder's final flush included); marks the body ended once read. */
  async *#decoded(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<string> {
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await this.#read(reader);
      if (!chunk) break;
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    this.#bodyEnded = true;
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  /** The next chunk (undefined at the end), or the timeout that comes first: idle, the stream's total, the deadline. */
  async #read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | undefined> {
    const { ctrl, idleTimeout, streamTimeout, deadline, deadlineAt, ctx } = this.#init;
    const now = Date.now();
    let kind: TimeoutKind = 'idleTimeout';
    let wait = idleTimeout;
    let limit = idleTimeout;
    if (this.#streamEndsAt - now < wait) {
      kind = 'streamTimeout';
      wait = this.#streamEndsAt - now;
      limit = streamTimeout;
    }
    if (deadlineAt - now < wait) {
      kind = 'deadline';
      wait = deadlineAt - now;
      limit = deadline;
    }
    const timer =
      wait < MAX_TIMER
        ? setTimeout(
            () => {
              ctrl.abort(new APITimeoutError(kind, limit, ctx));
            },
            Math.max(0, wait),
          )
        : undefined;
    try {
      const result = await reader.read();
      if (ctrl.signal.aborted) throw ctrl.signal.reason;
      return result.done ? undefined : result.value;
    } catch (error) {
      const reason: unknown = ctrl.signal.reason;
      throw ctrl.signal.aborted && isLiveChatAIError(reason) ? reason : error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * A streamed response (SSE, or the plain-text fallback). The initial request is retried like any other.
 * `spec` may be a function that checks the method's input and returns the spec: whatever it throws rejects the
 * returned promise, before any request.
 *
 * ```ts
 * const stream = await requestStream(client, { path: '/conversations', body: { …, streaming: true } });
 * for await (const text of stream.textStream) process.stdout.write(text);
 * ```
 */
export async function requestStream<TDone = unknown>(
  client: LiveChatAIClient,
  spec: StreamRequestSpec | (() => StreamRequestSpec),
  options?: RequestOptions,
): Promise<EventStream<TDone>> {
  const { method = 'POST', ...rest } = typeof spec === 'function' ? spec() : spec;
  const idleTimeout = millis(options?.idleTimeout, 'idleTimeout', client.idleTimeout);
  const streamTimeout = millis(options?.streamTimeout, 'streamTimeout', client.streamTimeout);
  const maxLength = byteLimit(options?.maxResponseBytes, 'maxResponseBytes', client.maxResponseBytes);
  const sent = await client.send(
    { ...rest, method, stream: true },
    { ...options, headers: { accept: 'text/event-stream, application/json;q=0.9, */*;q=0.8', ...options?.headers } },
  );
  const { response, requestId, path, attempts, ctrl = new AbortController() } = sent;
  const ctx = { requestId, method: sent.method, path, attempts };
  const mode = bodyMode(response);
  if ((mode === 'sse' || mode === 'text') && !canStream(response)) {
    // fail now, where the caller can fall back to the non-streaming call, rather than at the first read
    sent.cleanup();
    ctrl.abort();
    throw streamingUnsupported(response, ctx);
  }
  return new EventStream<TDone>(response, {
    ctrl,
    idleTimeout,
    streamTimeout,
    deadline: millis(options?.deadline, 'deadline', client.deadline),
    deadlineAt: sent.deadlineAt,
    maxLength,
    ctx,
    cleanup: sent.cleanup,
  });
}
