// The same handler object mounted three ways: a Hono app (Fetch API), an Express app and plain node:http
// (through toNodeHandler). Each visitor chats, restores the chat, and another visitor is refused.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Hono } from 'hono';
import { useEmulator } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChatHandler, toNodeHandler } from '../src/index.js';
import type { ChatHandler } from '../src/index.js';
import { addKnowledge, Browser, doneOf, listen, SECRET } from './helpers.js';
import type { Mounted } from './helpers.js';

const env = useEmulator({ streamDelayMs: 1 });
let agentId = '';
let handler: ChatHandler;
beforeAll(async () => {
  agentId = await env.createAgent('Shop');
  await addKnowledge(env.client, agentId);
  handler = createChatHandler({ client: env.client, agents: [agentId], secret: SECRET, rateLimit: false });
});

async function hono(chat: ChatHandler): Promise<Mounted> {
  const app = new Hono();
  app.all('/api/chat', (c) => chat(c.req.raw));
  app.get('/api/v2/*', (c) => c.text('not here', 404));
  // overrideGlobalObjects: false keeps Node's own Request/Response (see the emulator's README)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, overrideGlobalObjects: false }, () => {
      resolve(s);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/api/chat`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function expressApp(chat: ChatHandler): Promise<Mounted> {
  const app = express();
  app.all('/api/chat', toNodeHandler(chat));
  app.use(express.json()); // body parsers after the chat route, as the README says
  return listen(app);
}

async function nodeHttp(chat: ChatHandler): Promise<Mounted> {
  const node = toNodeHandler(chat);
  return listen((req, res) => {
    if (req.url?.startsWith('/api/chat')) node(req, res);
    else res.writeHead(404).end();
  });
}

describe.each([
  ['Hono', hono],
  ['Express', expressApp],
  ['node:http', nodeHttp],
])('mounted in %s', (_name, mount) => {
  it('chats with a streamed answer, restores the chat, refuses another visitor and a DELETE', async () => {
    const mounted = await mount(handler);
    try {
      const visitor = new Browser(mounted.url);
      const answer = await visitor.send({ agentId, question: 'When are you open?' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(answer.body).toMatch(/event: delta/);
      const done = doneOf(answer.body);
      expect(done.response).toMatch(/9 am/);
      const restored = await visitor.read(done.conversationId);
      expect(restored.status).toBe(200);
      expect((await new Browser(mounted.url).read(done.conversationId)).status).toBe(404);
      const del = await fetch(mounted.url, { method: 'DELETE' });
      expect(del.status).toBe(405);
      expect(del.headers.get('allow')).toBe('GET, POST');
    } finally {
      await mounted.close();
    }
  });
});

describe('Express with a body parser in front', () => {
  it('uses the body the parser already read', async () => {
    const app = express();
    app.use(express.json());
    app.all('/api/chat', toNodeHandler(handler));
    const mounted = await listen(app);
    try {
      const answer = await new Browser(mounted.url).send({ agentId, question: 'When are you open?' });
      expect(answer.status).toBe(200);
      expect(doneOf(answer.body).response).toMatch(/9 am/);
    } finally {
      await mounted.close();
    }
  });
});
