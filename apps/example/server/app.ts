// The admin console's server: holds the API key and forwards /api/v2/* to the LiveChatAI API (or the emulator),
// streaming responses through as they arrive; in production it also serves the built console.
//
// This is an internal tool: whoever can send it a request acts as the workspace owner. So it listens on
// loopback only (start.ts), and refuses every request that a web page on another site could make it send:
// a `Host` that is not the console's own (DNS rebinding: evil.example resolving to 127.0.0.1), an `Origin`
// that is not its own (a cross-site fetch or form), and for the API a `Sec-Fetch-Site` other than
// same-origin (a cross-site <img> or <script>, which sends no Origin). It never passes on the API's CORS
// headers, so no other origin can read a response even if the API allows every origin.
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { fileResponse, resolveStaticFile } from './static-files.js';

export interface ProxyAppOptions {
  /** Base URL of the API, ending with `/api/v2` (the emulator's `url`, or the real service's). */
  target: string;
  /** The secret API key, added to every forwarded request. Never sent to the browser. */
  apiKey: string;
  /** Folder of the built console (vite's `dist/public`) to serve; omit to serve the API proxy only. */
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

// The names a browser on this machine uses for a loopback server. A rebinding attack's Host is the
// attacker's own domain, which is never one of these.
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The API's error envelope, with its status. */
export function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ status: 'error', code, message }, { status });
}

/** Why the console refuses this request (a browser on another site could have sent it), or `undefined`. */
function refusal(headers: Headers, port: number | undefined, isApi: boolean): string | undefined {
  const ownHosts = LOOPBACK_NAMES.map((name) => `${name}:${String(port)}`);
  const host = headers.get('host')?.toLowerCase();
  if (!host || !ownHosts.includes(host)) {
    return `The console answers only requests for its own address (${ownHosts[0] ?? ''}), not for "${host ?? ''}".`;
  }
  const origin = headers.get('origin');
  if (origin !== null && !ownHosts.some((own) => origin.toLowerCase() === `http://${own}`)) {
    return `The console answers only its own pages, not requests from ${origin}.`;
  }
  const site = headers.get('sec-fetch-site');
  if (isApi && site !== null && site !== 'same-origin' && site !== 'none') {
    return 'The console API answers only its own pages, not requests from other sites.';
  }
  return undefined;
}

export function createProxyApp(options: ProxyAppOptions): Hono<{ Bindings: HttpBindings }> {
  const target = options.target.replace(/\/+$/, '');
  const authorization = `Bearer ${options.apiKey}`;
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.use('*', async (c, next) => {
    // The port this connection reached, so the check holds for whichever port `listen` ended up on.
    const reason = refusal(c.req.raw.headers, c.env.incoming.socket.localPort, c.req.path.startsWith('/api/'));
    if (reason) return errorResponse(403, 'forbidden', reason);
    await next();
    return undefined;
  });

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
      // The API may allow every origin (the emulator does); the console's responses are for its own pages only.
      if (!DROP_RESPONSE.has(name) && !name.startsWith('access-control-')) out.set(name, value);
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
      const pathname = new URL(c.req.url).pathname;
      // Unknown paths get the app (its router is hash-based, but a reload on any path should still work).
      const file = resolveStaticFile(root, pathname, 'index.html') ?? resolveStaticFile(root, '/', 'index.html');
      if (!file) return c.text('Not found', 404);
      return fileResponse(file, pathname);
    });
  }
  return app;
}
