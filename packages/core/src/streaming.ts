import { unwrapEnvelope, isObj, parseBody, parseJSON } from './envelope.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  connectionErrorKind,
  isLiveChatAIError,
  LiveChatAIError,
  makeAPIError,
} from './errors.js';
import type { ErrorContext } from './errors.js';
import type { LiveChatAIClient, RequestOptions, StreamRequestSpec } from './client.js';
import { MAX_TIMER, ms as millis } from './internal/ms.js';
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
 */
export class EventStream<TDone = unknown> implements AsyncIterable<StreamEvent<TDone>> {
  readonly response: Response;
  readonly requestId: string | undefined;
  #init: StreamInit;
  #started = false;
  #aborted = false;
  #final: Promise<TDone>;
  #settle!: (value: TDone | LiveChatAIError) => void;

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

  /** The `done` event's data; drains the stream if nobody is reading it. Rejects with the typed error on failure. */
  finalMessage(): Promise<TDone> {
    if (!this.#started) {
      void (async () => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          for await (const _event of this);
        } catch {
          // surfaced through #final
        }
      })();
    }
    return this.#final;
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
   * A failure becomes an `event: error` with the error envelope, which the browser-side client turns back into
   * the typed error.
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
          const err = isLiveChatAIError(e) ? e : undefined;
          c.enqueue(frame('error', { status: 'error', message: err?.message ?? 'Stream failed', code: err?.code ?? 'error' }));
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
    const mode = ct.includes('event-stream') ? 0 : ct.includes('json') ? 1 : 2;
    const reader = this.response.body?.getReader();
    const decoder = new TextDecoder();
    const parser = new SSEParser();
    let text = '';
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
              text += t;
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
          text += s;
          yield { event: 'delta', data: { text: s }, id: undefined };
        } else text += s;
        if (!chunk) break;
      }
      eof = true;
      if (mode === 0) throw new APIConnectionError('reset', { ...ctx, cause: new Error('stream ended before its done event') });
      let data: unknown = { response: text } satisfies TextStreamResult;
      if (mode === 1) {
        data = unwrapEnvelope(parseBody(text, this.response.headers, ctx));
        const t = isObj(data) && typeof data.response === 'string' ? data.response : '';
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
