// The chat handler's side of the wire contract (.work-notes/chat-contract.md), on node:http over the emulator.
// A stand-in while @livechatai/server is being written: once `createChatHandler` and `toNodeHandler` are usable,
// mount them here instead (the tests talk only HTTP to this server, so they stay the same).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Conversations } from '@livechatai/conversations';
import { Messages } from '@livechatai/messages';
import { isLiveChatAIError, toErrorEnvelope, type LiveChatAIClient } from '@livechatai/core';

export interface ChatHandlerServer {
  /** The handler's absolute URL, e.g. http://127.0.0.1:port/api/chat. */
  url: string;
  /** Every request the handler received: method, headers and JSON body. */
  received: { method: string; headers: IncomingMessage['headers']; body: unknown }[];
  /** An `x-emulator-fault` spec for the next upstream send. */
  injectFault: (spec: string) => void;
  close: () => Promise<void>;
}

const readBody = async (req: IncomingMessage) => {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
};

function sendError(res: ServerResponse, error: unknown) {
  const envelope = toErrorEnvelope(error);
  const status = isLiveChatAIError(error) ? (error.status ?? 502) : 500;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'error', message: envelope.message, code: envelope.code }));
}

export async function startChatHandler(admin: LiveChatAIClient): Promise<ChatHandlerServer> {
  const owner = new Map<string, string>(); // conversation → visitor
  const faults: string[] = [];
  const received: ChatHandlerServer['received'] = [];
  const messages = new Messages(admin);
  const conversations = new Conversations(admin);

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const visitor = /(?:^|;\s*)visitor=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
      const body = await readBody(req);
      received.push({ method: req.method ?? '', headers: req.headers, body });
      if (req.method === 'GET') {
        const id = url.searchParams.get('conversationId') ?? '';
        if (!visitor || owner.get(id) !== visitor) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'error', message: 'Conversation not found', code: 'not_found' }));
          return;
        }
        const c = await conversations.retrieve(id);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'success', data: { conversationId: id, agentId: c.agentId, isResolved: c.isResolved, messages: c.messages } }));
        return;
      }
      const { agentId, question, conversationId } = body as { agentId: string; question: string; conversationId?: string };
      if (conversationId !== undefined && owner.get(conversationId) !== visitor) {
        sendError(res, Object.assign(new Error('not found'), { status: 404 }));
        return;
      }
      const me = visitor ?? randomUUID();
      const fault = faults.shift();
      const key = req.headers['idempotency-key'];
      const stream = await messages.stream(
        { agentId, question, ...(conversationId ? { conversationId } : {}) },
        {
          ...(typeof key === 'string' ? { idempotencyKey: `${me}:${key}` } : {}),
          ...(fault ? { headers: { 'x-emulator-fault': fault } } : {}),
        },
      );
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        ...(visitor ? {} : { 'set-cookie': `visitor=${me}; HttpOnly; SameSite=Lax; Path=/` }),
      });
      void stream.finalMessage().then((done) => owner.set((done as { conversationId: string }).conversationId, me), () => undefined);
      // The exchange is stored before the first event: a stream that dies later still has its conversation.
      const reader = stream.toReadableStream().getReader();
      res.on('close', () => void reader.cancel());
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        const text = new TextDecoder().decode(r.value);
        const started = /"conversationId":"([^"]+)"/.exec(text);
        if (started?.[1]) owner.set(started[1], me);
        res.write(r.value);
      }
      res.end();
    })().catch((error: unknown) => {
      if (res.headersSent) res.end();
      else sendError(res, error);
    });
  });
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
