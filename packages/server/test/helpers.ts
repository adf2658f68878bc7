// The chat handler over real HTTP: an emulator, the handler mounted on node:http (or Hono, or Express), and
// browser-like visitors that keep their cookie.
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveChatAIClient } from '@livechatai/core';
import type { RecordedRequest, TestEmulator } from '@livechatai/test-utils';
import { sentAs } from '@livechatai/test-utils';
import { createChatHandler, toNodeHandler } from '../src/index.js';
import type { ChatHandler, ChatHandlerOptions } from '../src/index.js';

export const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

export interface Mounted {
  url: string;
  close(): Promise<void>;
}

export async function listen(listener: RequestListener): Promise<Mounted> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/api/chat`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A handler over a client that records every upstream request and can add an emulator fault to the next ones. */
export function chatSetup(env: TestEmulator, agentId: () => string, options: Partial<ChatHandlerOptions> = {}) {
  const faults: string[] = [];
  const { client, requests } = env.recordingClient({
    middleware: [
      (ctx, next) => {
        const fault = faults.shift();
        if (!fault) return next(ctx.request);
        const headers = new Headers(ctx.request.headers);
        headers.set('x-emulator-fault', fault);
        return next(new Request(ctx.request, { headers }));
      },
    ],
  });
  const handler = createChatHandler({ client, agents: () => agentId(), secret: SECRET, rateLimit: false, ...options });
  return { handler, client, requests, faults };
}

export const mountNode = (handler: ChatHandler) => listen(toNodeHandler(handler));

/** A visitor's browser: keeps the cookies the handler sets, sends what a page would. */
export class Browser {
  cookie = '';
  responses: { status: number; headers: Headers; body: string }[] = [];

  constructor(readonly url: string) {}

  async fetch(init: RequestInit & { query?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(this.url + (init.query ?? ''), { ...init, headers });
    for (const set of response.headers.getSetCookie()) this.cookie = set.split(';')[0]!;
    return response;
  }

  /** POST a message; the answer's status, headers and whole text. */
  async send(
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: string }> {
    const response = await this.fetch({
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return this.record(response);
  }

  async read(conversationId: string): Promise<{ status: number; headers: Headers; body: string }> {
    return this.record(await this.fetch({ query: `?conversationId=${encodeURIComponent(conversationId)}` }));
  }

  async record(response: Response) {
    const result = { status: response.status, headers: response.headers, body: await response.text() };
    this.responses.push(result);
    return result;
  }
}

/** The `done` event's data of an SSE answer body. */
export function doneOf(sse: string): {
  conversationId: string;
  contactId: string;
  response: string;
  messageId: string;
} {
  const frame = sse.split('\n\n').find((f) => f.includes('event: done'));
  if (!frame) throw new Error(`no done event in ${sse}`);
  return JSON.parse(frame.slice(frame.indexOf('data: ') + 6)) as never;
}

/** Upstream requests other than the emulator's own bookkeeping. */
export const upstreamCalls = (requests: RecordedRequest[]) => requests.map(sentAs);

export async function addKnowledge(client: LiveChatAIClient, agentId: string): Promise<void> {
  await client.request({
    method: 'POST',
    path: '/data-sources/text',
    body: {
      agentId,
      title: 'Opening hours',
      content: 'Our shop is open from 9 am to 5 pm, Monday to Friday. Shipping takes three days.',
    },
  });
}
