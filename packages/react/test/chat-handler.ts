// The chat handler (@livechatai/server's createChatHandler, mounted with toNodeHandler on node:http) over the
// emulator, recording what the browser sent it, with emulator faults injectable into the next upstream send.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@livechatai/core';
import type { Emulator } from '@livechatai/emulator';
import { createChatHandler, toNodeHandler } from '@livechatai/server';

export interface ChatHandlerServer {
  /** The handler's absolute URL, e.g. http://127.0.0.1:port/api/chat. */
  url: string;
  /** Every request the handler received: method, headers and JSON body. */
  received: { method: string; headers: IncomingMessage['headers']; body: unknown }[];
  /** An `x-emulator-fault` spec for the next upstream send (POST /conversations). */
  injectFault: (spec: string) => void;
  close: () => Promise<void>;
}

export async function startChatHandler(emulator: Emulator, agentId: string): Promise<ChatHandlerServer> {
  const faults: string[] = [];
  const received: ChatHandlerServer['received'] = [];
  const client = createClient({
    apiKey: emulator.apiKey,
    baseURL: emulator.url,
    maxRetries: 0,
    middleware: [
      (ctx, next) => {
        const isSend = ctx.request.method === 'POST' && new URL(ctx.request.url).pathname.endsWith('/conversations');
        const fault = isSend ? faults.shift() : undefined;
        if (!fault) return next(ctx.request);
        const headers = new Headers(ctx.request.headers);
        headers.set('x-emulator-fault', fault);
        return next(new Request(ctx.request, { headers }));
      },
    ],
  });
  const chat = createChatHandler({
    client,
    agents: [agentId],
    secret: 'react-tests-secret-0123456789-0123456789',
    rateLimit: false,
  });
  const node = toNodeHandler(async (request) => {
    const body: unknown =
      request.method === 'POST'
        ? await request
            .clone()
            .json()
            .catch(() => undefined)
        : undefined;
    received.push({ method: request.method, headers: Object.fromEntries(request.headers), body });
    return chat(request);
  });
  const server = createServer(node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/api/chat`,
    received,
    injectFault: (spec) => {
      faults.push(spec);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A fetch that keeps cookies, like a browser (Node's keeps none): the handler's visitor cookie. */
export function cookieFetch(): typeof globalThis.fetch {
  const jar = new Map<string, string>();
  const nodeFetch = globalThis.fetch.bind(globalThis);
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await nodeFetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
}
