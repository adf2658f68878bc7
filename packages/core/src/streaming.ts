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
} from './errors.js';
import type { ErrorContext } from './errors.js';
import type { LiveChatAIClient, RequestOptions, StreamRequestSpec } from './client.js';
import { MAX_TIMER, ms as millis } from './internal/ms.js';
import { parseRetryAfter } from './retry.js';
import { SSEParser } from './sse.js';

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
}

/** @internal How the transport hands a started stream over. */
export interface StreamInit {
  ctrl: AbortController;
  idleTimeout: number;
  deadline: number;
  deadlineAt: number;
  ctx: ErrorContext;
  cleanup: () => void;
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
  #started = false;
  #aborted = false;
  #final: Promise<TDone>;
  #settle!: (value: TDone | LiveChatAIError) => void;
  #text = '';

  /** @internal Created by `requestStream(client, …)`. */
  constructor(response: Response, init: StreamInit) {
    this.response = response;
    this.requestId = init.ctx.requestId;
    this.#init = init;
    this.#final = new Promise<TDone>((resolve, reject) => {
      this.#settle = (v) => {
        if (v instanceof LiveChatAIError) reject(v);
        else resolve(v);
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
    const idleTimeout = millis(options.idleTimeout, 'idleTimeout', 30_000);
    const { signal } = options;
    const onAbort = (): void => {
      stream.abort();
    };
    const stream = new EventStream<TDone>(response, {
      ctrl: new AbortController(),
      idleTimeout,
      deadline: Infinity,
      deadlineAt: Infinity,
      ctx: { requestId: response.headers.get('x-request-id') ?? undefined },
      cleanup: () => signal?.removeEventListener('abort', onAbort),
    });
    if (signal?.aborted) stream.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    return stream;
  }

  /** Rebuilds a stream from a bare `text/event-stream` body (see `fromResponse`). */
  static fromReadableStream<TDone = unknown>(body: ReadableStream<Uint8Array>, options?: FromResponseOptions): EventStream<TDone> {
    return EventStream.fromResponse<TDone>(new Response(body, { headers: { 'content-type': 'text/event-stream' } }), options);
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
    for await (const e of this) if (e.event === 'delta') yield e.data.text;
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
    const err = new APIUserAbortError(this.#init.ctx);
    this.#settle(err);
    this.#init.ctrl.abort(err);
  }

  /**
   * Re-encodes the events as a `text/event-stream` body, e.g. to answer a browser from your own server:
   * `new Response(stream.toReadableStream(), { headers: { 'content-type': 'text/event-stream' } })`.
   * A failure becomes an `event: error` whose data is `toErrorEnvelope(error)`: the API's own message, its code,
   * HTTP status (`statusCode`) and request id. `EventStream.fromResponse` in the browser turns it back into the same
   * typed error.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const it = this[Symbol.asyncIterator]();
    const enc = new TextEncoder();
    const frame = (event: string, data: unknown, id?: string): Uint8Array =>
      enc.encode(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    return new ReadableStream<Uint8Array>({
      pull: async (c) => {
        try {
          const r = await it.next();
          if (r.done) c.close();
          else c.enqueue(frame(r.value.event, r.value.data, r.value.id));
        } catch (e) {
          c.enqueue(frame('error', toErrorEnvelope(e)));
          c.close();
        }
      },
      cancel: () => {
        this.abort();
      },
    });
  }

  async *#run(): AsyncGenerator<StreamEvent<TDone>> {
    const { ctx, cleanup } = this.#init;
    const ct = this.response.headers.get('content-type') ?? '';
    // 0: SSE, 1: a whole JSON body, 2: plain text, 3: an error response (read whole, then thrown)
    const mode = !this.response.ok ? 3 : ct.includes('event-stream') ? 0 : ct.includes('json') ? 1 : 2;
    const reader = this.response.body?.getReader();
    // An abort (stop, timeout, early break) cancels the body, whoever made the request (fetch's own signal may not
    // be ours: see fromResponse).
    this.#init.ctrl.signal.addEventListener('abort', () => void reader?.cancel().catch(() => undefined), { once: true });
    const decoder = new TextDecoder();
    const parser = new SSEParser();
    let body = ''; // a JSON or error body, read whole
    let eof = false;
    try {
      for (;;) {
        const chunk = reader && (await this.#read(reader));
        const s = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
        if (mode === 0) {
          const msgs = parser.push(s);
          if (!chunk) parser.end(msgs);
          for (const m of msgs) {
            if (m.event === 'error') throw makeAPIError(0, parseJSON(m.data), ctx);
            if (m.event === 'delta') {
              const data = parseJSON(m.data);
              const t = isObj(data) && typeof data.text === 'string' ? data.text : typeof data === 'string' ? data : '';
              this.#text += t;
              yield { event: 'delta', data: { text: t }, id: m.id };
            } else if (m.event === 'done') {
              // done is final (D5): settle first (a consumer may stop at it), end without waiting for the body to close
              const data = unwrapEnvelope(parseJSON(m.data)) as TDone;
              this.#settle(data);
              yield { event: 'done', data, id: m.id };
              return;
            }
          }
        } else if (mode === 2 && s) {
          this.#text += s;
          yield { event: 'delta', data: { text: s }, id: undefined };
        } else body += s;
        if (!chunk) break;
      }
      eof = true;
      if (mode === 0) throw new APIConnectionError('reset', { ...ctx, cause: new Error('stream ended before its done event') });
      if (mode === 3) {
        const { status, headers } = this.response;
        throw makeAPIError(status, parseJSON(body), ctx, undefined, parseRetryAfter(headers));
      }
      let data: unknown = { response: this.#text } satisfies TextStreamResult;
      if (mode === 1) {
        data = unwrapEnvelope(parseBody(body, this.response.headers, ctx));
        const t = isObj(data) && typeof data.response === 'string' ? data.response : '';
        this.#text = t;
        if (t) yield { event: 'delta', data: { text: t }, id: undefined };
      }
      this.#settle(data as TDone);
      yield { event: 'done', data: data as TDone, id: undefined };
    } catch (e) {
      const err = isLiveChatAIError(e) ? e : new APIConnectionError(connectionErrorKind(e), { ...ctx, cause: e });
      this.#settle(err);
      if (!this.#aborted) throw err;
    } finally {
      cleanup();
      if (!eof) {
        // stopped early (break, error, abort, or done before the body closed): settle (no-op once settled), cancel
        const err = new APIUserAbortError(ctx);
        this.#settle(err);
        this.#init.ctrl.abort(err);
      }
    }
  }

  async #read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | undefined> {
    const { ctrl, idleTimeout, deadline, deadlineAt, ctx } = this.#init;
    const left = deadlineAt - Date.now();
    const [ms, kind, total] = left < idleTimeout ? [left, 'deadline' as const, deadline] : [idleTimeout, 'idleTimeout' as const, idleTimeout];
    const timer = ms < MAX_TIMER ? setTimeout(() => {
            ctrl.abort(new APITimeoutError(kind, total, ctx));
          }, Math.max(0, ms)) : undefined;
    try {
      const r = await reader.read();
      if (ctrl.signal.aborted) throw ctrl.signal.reason;
      return r.done ? undefined : r.value;
    } catch (e) {
      const reason: unknown = ctrl.signal.reason;
      throw ctrl.signal.aborted && isLiveChatAIError(reason) ? reason : e;
    } finally {
      clearTimeout(timer);
    }
  }
}


/**
 * A streamed response (SSE, or the plain-text fallback). The initial request is retried like any other.
 *
 * ```ts
 * const stream = await requestStream(client, { path: '/conversations', body: { …, streaming: true } });
 * for await (const text of stream.textStream) process.stdout.write(text);
 * ```
 */
export async function requestStream<TDone = unknown>(
  client: LiveChatAIClient,
  spec: StreamRequestSpec,
  options?: RequestOptions,
): Promise<EventStream<TDone>> {
  const idleTimeout = millis(options?.idleTimeout, 'idleTimeout', client.idleTimeout);
  const s = await client.send(
    { ...spec, method: spec.method ?? 'POST', stream: true },
    { ...options, headers: { accept: 'text/event-stream, application/json;q=0.9, */*;q=0.8', ...options?.headers } },
  );
  const { requestId, method, path, attempts, ctrl = new AbortController() } = s;
  return new EventStream<TDone>(s.response, {
    ctrl,
    idleTimeout,
    deadline: options?.deadline ?? client.deadline,
    deadlineAt: s.deadlineAt,
    ctx: { requestId, method, path, attempts },
    cleanup: s.cleanup,
  });
}
