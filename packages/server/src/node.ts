import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatHandler } from './handler.js';

export interface NodeHandlerOptions {
  /**
   * Take the scheme and host from `X-Forwarded-Proto` / `X-Forwarded-Host` (behind a reverse proxy you run).
   * Default false: the socket's scheme and the `Host` header.
   */
  trustProxy?: boolean | undefined;
}

/** A `node:http` / Express request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

// A refused body up to this size is read to its end and dropped, so the browser's keep-alive connection stays
// usable; a larger one closes the connection instead of reading it.
const DRAIN_LIMIT = 1_000_000;

/** The first of a header's comma-separated values, or undefined when there is none. */
function firstValue(value: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

function requestURL(req: IncomingMessage, trustProxy: boolean): string {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const forwarded = (name: string) => (trustProxy ? firstValue(req.headers[name]) : undefined);
  const proto = forwarded('x-forwarded-proto') ?? (encrypted ? 'https' : 'http');
  const host = forwarded('x-forwarded-host') ?? firstValue(req.headers.host) ?? 'localhost';
  return `${proto}://${host}${req.url ?? '/'}`;
}

/** Drops what is left of a request body, or closes the connection when too much is left. */
function drain(req: IncomingMessage): void {
  if (req.complete) return;
  let left = DRAIN_LIMIT;
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) req.destroy();
  });
  req.resume();
}

/** The request body as a web stream that, when cancelled, drains the rest instead of destroying the socket. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!cancelled) controller.close();
      });
      req.on('error', (error) => {
        if (!cancelled) controller.error(error);
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      drain(req);
    },
  });
}

function toRequest(req: IncomingMessage, signal: AbortSignal, trustProxy: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headersDistinct)) {
    for (const v of value ?? []) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    // Express's body parsers may have read the body already: hand on what they parsed.
    const parsed = (req as { body?: unknown }).body;
    if (req.readableEnded && parsed !== undefined) {
      init.body = typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
      headers.delete('content-length');
    } else {
      init.body = bodyOf(req);
      init.duplex = 'half';
    }
  }
  return new Request(requestURL(req, trustProxy), init);
}

async function writeResponse(response: Response, res: ServerResponse, req: IncomingMessage): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  // a refused body too large to drain: tell the client this connection ends with the answer
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!req.complete && declared > DRAIN_LIMIT) headers.connection = 'close';
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    // each chunk goes out as it arrives (SSE); wait when the socket's buffer is full
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}

/**
 * Mounts a chat handler on Node's `http` server or Express:
 *
 * ```ts
 * app.all('/api/chat', toNodeHandler(chat));                       // Express: before any body parser
 * http.createServer((req, res) => req.url?.startsWith('/api/chat') ? node(req, res) : …);
 * ```
 *
 * The browser's disconnect aborts the handler's request (and so the upstream one); a body the handler refuses is
 * drained (or, when large, the connection closed), so keep-alive connections keep working.
 */
export function toNodeHandler(handler: ChatHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const trustProxy = options.trustProxy ?? false;
  return (req, res, next) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      const response = await handler(toRequest(req, controller.signal, trustProxy));
      await writeResponse(response, res, req);
      drain(req);
    })().catch((error: unknown) => {
      if (next) {
        next(error);
      } else if (!res.headersSent) {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"status":"error","message":"Internal error","code":"internal_error"}');
      } else {
        res.destroy();
      }
    });
  };
}
