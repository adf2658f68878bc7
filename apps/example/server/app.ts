// The example's server: holds the API key and forwards /api/v2/* to the LiveChatAI API (or the emulator),
// streaming responses through as they arrive; in production it also serves the built app.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, relative, sep } from 'node:path';
import { Hono } from 'hono';

export interface ProxyAppOptions {
  /** Base URL of the API, ending with `/api/v2` (the emulator's `url`, or the real service's). */
  target: string;
  /** The secret API key, added to every forwarded request. Never sent to the browser. */
  apiKey: string;
  /** Folder of the built app (vite's `dist`) to serve; omit to serve the API proxy only. */
  staticDir?: string | undefined;
}

// Headers the browser sends that must not reach the API: credentials it must not choose, hop-by-hop
// headers, and what fetch sets itself.
const DROP_REQUEST = new Set([
  'authorization',
  'cookie',
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'accept-encoding',
  'origin',
  'referer',
  'upgrade',
]);
// fetch has already decoded the body, so the upstream length and encoding no longer describe it.
const DROP_RESPONSE = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ status: 'error', code, message }, { status });
}

export function createProxyApp(options: ProxyAppOptions): Hono {
  const target = options.target.replace(/\/+$/, '');
  const authorization = `Bearer ${options.apiKey}`;
  const app = new Hono();

  app.all('/api/v2/*', async (c) => {
    const incoming = new URL(c.req.url);
    const upstreamURL = target + incoming.pathname.slice('/api/v2'.length) + incoming.search;
    const headers = new Headers();
    c.req.raw.headers.forEach((value, name) => {
      if (!DROP_REQUEST.has(name) && !name.startsWith('sec-')) headers.set(name, value);
    });
    headers.set('authorization', authorization);
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? null : await c.req.arrayBuffer();
    let upstream: Response;
    try {
      // The browser's abort (e.g. useChat's stop()) aborts the upstream request too.
      upstream = await fetch(upstreamURL, { method, headers, body, signal: c.req.raw.signal, redirect: 'manual' });
    } catch (error) {
      if (c.req.raw.signal.aborted) return errorResponse(499, 'client_closed', 'The browser closed the request.');
      const reason = error instanceof Error ? error.message : String(error);
      return errorResponse(502, 'bad_gateway', `The LiveChatAI API at ${target} could not be reached: ${reason}`);
    }
    const out = new Headers();
    upstream.headers.forEach((value, name) => {
      if (!DROP_RESPONSE.has(name)) out.set(name, value);
    });
    if (out.get('content-type')?.startsWith('text/event-stream')) {
      out.set('cache-control', 'no-cache, no-transform');
      out.set('x-accel-buffering', 'no');
    }
    // The body stream is handed on as is: each chunk goes to the browser as soon as it arrives.
    return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
  });

  app.all('/api/*', () => errorResponse(404, 'not_found', 'Only /api/v2/* is forwarded.'));

  const root = options.staticDir;
  if (root) {
    app.get('*', async (c) => {
      const pathname = decodeURIComponent(new URL(c.req.url).pathname);
      let file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
      if (relative(root, file).split(sep).includes('..')) {
        return c.text('Not found', 404);
      }
      // Unknown paths get the app (its router is hash-based, but a reload on any path should still work).
      if (!isFile(file)) file = join(root, 'index.html');
      const ext = file.slice(file.lastIndexOf('.'));
      const immutable = pathname.startsWith('/assets/');
      return new Response(await readFile(file), {
        headers: {
          'content-type': MIME[ext] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    });
  }
  return app;
}
