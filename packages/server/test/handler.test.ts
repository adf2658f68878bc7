// Every rule of the chat handler, over real HTTP (node:http via toNodeHandler) against the emulator.
import { request as httpRequest, Agent } from 'node:http';
import { Conversations } from '@livechatai/conversations';
import { EventStream } from '@livechatai/core';
import { useEmulator } from '@livechatai/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatHandler } from '../src/index.js';
import { addKnowledge, Browser, chatSetup, doneOf, mountNode, SECRET, upstreamCalls } from './helpers.js';
import type { Mounted } from './helpers.js';

const env = useEmulator({ streamDelayMs: 1 });
let agentId = '';
let otherAgent = '';
let setup: ReturnType<typeof chatSetup>;
let server: Mounted;

beforeAll(async () => {
  agentId = await env.createAgent('Shop');
  otherAgent = await env.createAgent('Internal');
  await addKnowledge(env.client, agentId);
  setup = chatSetup(env, () => agentId);
  server = await mountNode(setup.handler);
});
afterAll(() => server.close());
const browsers: Browser[] = [];
const browser = () => {
  const b = new Browser(server.url);
  browsers.push(b);
  return b;
};
// No answer of any test may carry the secret key.
afterEach(() => {
  for (const b of browsers.splice(0)) {
    for (const r of b.responses) {
      expect(r.body).not.toContain(env.emulator.apiKey);
      r.headers.forEach((value) => {
        expect(value).not.toContain(env.emulator.apiKey);
      });
    }
  }
});

describe('sending and reading', () => {
  it('streams the answer as SSE, and the visitor reads their conversation back', async () => {
    const visitor = browser();
    const answer = await visitor.send({ agentId, question: 'When are you open?' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-cache, no-transform');
    const cookie = answer.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(
      /^livechatai_visitor=anon_[\w-]+\.[\w-]+; Path=\/api\/chat; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    // the same parser serves the API and the handler
    const stream = EventStream.fromResponse(new Response(answer.body, { headers: answer.headers }));
    const text = await stream.finalText();
    expect(text).toMatch(/9 am to 5 pm/);
    const done = doneOf(answer.body);

    const restored = await visitor.read(done.conversationId);
    expect(restored.status).toBe(200);
    const data = (
      JSON.parse(restored.body) as {
        data: { conversationId: string; agentId: string; messages: { role: string; content: string }[] };
      }
    ).data;
    expect(data).toMatchObject({ conversationId: done.conversationId, agentId });
    expect(data.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(data.messages[1]!.content).toBe(done.response);

    // continuing it works, and the visitor is one contact
    const second = await visitor.send({ agentId, question: 'And shipping?', conversationId: done.conversationId });
    expect(doneOf(second.body)).toMatchObject({ conversationId: done.conversationId, contactId: done.contactId });
  });

  it('Accept: application/json gets the whole answer as JSON', async () => {
    const visitor = browser();
    const answer = await visitor.send({ agentId, question: 'When are you open?' }, { accept: 'application/json' });
    expect(answer.status).toBe(200);
    const json = JSON.parse(answer.body) as { status: string; data: { conversationId: string; response: string } };
    expect(json.status).toBe('success');
    expect(json.data.response).toMatch(/9 am/);
    expect(answer.headers.get('x-request-id')).toBeTruthy();
  });

  it('upserts the visitor as a contact with distinctId = the visitor id; identify() names your user', async () => {
    const identified = createChatHandler({
      client: env.client,
      agents: [agentId],
      identify: (request) =>
        request.headers.get('x-user')
          ? { id: `user_${request.headers.get('x-user')!}`, name: 'Ada', email: 'ada@example.com' }
          : null,
      secret: SECRET,
      rateLimit: false,
    });
    const mounted = await mountNode(identified);
    try {
      const ada = new Browser(mounted.url);
      const answer = await ada.send({ agentId, question: 'Hi' }, { 'x-user': '42' });
      expect(answer.headers.getSetCookie()).toEqual([]); // a signed-in user needs no cookie
      const { contactId, conversationId } = doneOf(answer.body);
      const contact = await env.client.request<{ distinctId: string; name: string; email: string }>({
        method: 'GET',
        path: `/contacts/${contactId}`,
      });
      expect(contact).toMatchObject({ distinctId: 'user_42', name: 'Ada', email: 'ada@example.com' });
      // the same user elsewhere (another browser, no cookie) reads it; an anonymous visitor does not
      expect(
        (
          await new Browser(mounted.url).fetch({
            query: `?conversationId=${conversationId}`,
            headers: { 'x-user': '42' },
          })
        ).status,
      ).toBe(200);
      expect((await new Browser(mounted.url).read(conversationId)).status).toBe(404);
    } finally {
      await mounted.close();
    }
  });

  it('shows visitor, AI and human replies, without the team member’s email', async () => {
    const visitor = browser();
    const { conversationId } = doneOf((await visitor.send({ agentId, question: 'Can a human help?' })).body);
    await new Conversations(env.client).reply(conversationId, { message: 'Hi, this is Sam from the team.' });
    const data = (
      JSON.parse((await visitor.read(conversationId)).body) as {
        data: { messages: { role: string; content: string; agent: { email: unknown; name: string } | null }[] };
      }
    ).data;
    const human = data.messages.at(-1)!;
    expect(human.content).toBe('Hi, this is Sam from the team.');
    expect(human.agent).toMatchObject({ email: null });
    expect(human.agent!.name).toBeTruthy();
  });
});

describe('a visitor sees only their own conversations', () => {
  it('another visitor, no cookie or a forged cookie: 404 on read and on continue, never the conversation', async () => {
    const alice = browser();
    const { conversationId } = doneOf((await alice.send({ agentId, question: 'My order number is 12345' })).body);

    const bob = browser();
    await bob.send({ agentId, question: 'Hello' }); // bob is a visitor too, with a valid cookie of his own
    const read = await bob.read(conversationId);
    expect(read.status).toBe(404);
    expect(JSON.parse(read.body)).toEqual({ status: 'error', message: 'Conversation not found', code: 'not_found' });
    expect(read.body).not.toContain('12345');
    const cont = await bob.send({ agentId, question: 'What did you say?', conversationId });
    expect(cont.status).toBe(404);
    // exactly as if it did not exist
    expect((await bob.read('chat_does_not_exist')).body).toBe(read.body);

    const nobody = browser();
    expect((await nobody.read(conversationId)).status).toBe(404);

    const forger = browser();
    const [id] = alice.cookie.split('=')[1]!.split('.');
    forger.cookie = `livechatai_visitor=${id!}.${'A'.repeat(43)}`; // alice's id, a signature of our own
    expect((await forger.read(conversationId)).status).toBe(404);
    const forged = await forger.send({ agentId, question: 'Continue', conversationId });
    expect(forged.status).toBe(404);
    expect(forged.body).not.toContain('12345');
    // alice still reads it
    expect((await alice.read(conversationId)).status).toBe(200);
  });

  it('a conversation of a disallowed agent is not readable, even by its contact', async () => {
    const visitor = browser();
    await visitor.send({ agentId, question: 'Hello' });
    const internal = await env.client.request<{ conversationId: string }>({
      method: 'POST',
      path: '/conversations',
      body: { agentId: otherAgent, question: 'Internal note' },
    });
    expect((await visitor.read(internal.conversationId)).status).toBe(404);
  });
});

describe('refusals cost no upstream call', () => {
  const refused = async (run: () => Promise<{ status: number; body: string; headers: Headers }>) => {
    const before = setup.requests.length;
    const result = await run();
    expect(upstreamCalls(setup.requests.slice(before))).toEqual([]);
    return { ...result, json: JSON.parse(result.body) as { status: string; code: string; message: string } };
  };

  it('a disallowed agent: 403', async () => {
    const r = await refused(() => browser().send({ agentId: otherAgent, question: 'Delete everything' }));
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      status: 'error',
      code: 'forbidden',
      message: `Agent '${otherAgent}' is not available here`,
    });
  });

  it('bad bodies: 415, 400, 413', async () => {
    const b = browser();
    const send = (body: string, type = 'application/json') => refused(() => b.send(body, { 'content-type': type }));
    expect((await send('question=hi', 'application/x-www-form-urlencoded')).json.code).toBe('unsupported_media_type');
    expect((await send('question=hi', 'text/plain')).status).toBe(415);
    expect((await send('{not json')).json).toMatchObject({
      code: 'validation_error',
      message: 'The request body is not valid JSON',
    });
    expect((await send('[1]')).status).toBe(400);
    expect((await send(JSON.stringify({ agentId, question: '  ' }))).json.message).toMatch(/question/);
    expect((await send(JSON.stringify({ question: 'hi' }))).json.message).toMatch(/agentId/);
    expect(
      (await send(JSON.stringify({ agentId, question: 'hi', contactId: 'contact_someone_else' }))).json.message,
    ).toBe("Unknown field 'contactId'");
    expect((await send(JSON.stringify({ agentId, question: 'hi', conversationId: '' }))).status).toBe(400);
    expect((await send(JSON.stringify({ agentId, question: 'hi', responseFormat: 'HTML' }))).status).toBe(400);
    const long = await send(JSON.stringify({ agentId, question: 'x'.repeat(20_001) }));
    expect(long.status).toBe(413);
    expect(long.json.message).toMatch(/20000 characters/);
    const big = await send(JSON.stringify({ agentId, question: 'hi', pad: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect(big.json.code).toBe('payload_too_large');
    expect((await refused(() => b.send({ agentId, question: 'hi' }, { 'idempotency-key': 'has spaces' }))).status).toBe(
      400,
    );
  });

  it('a chunked body over the limit (no Content-Length): 413 while reading', async () => {
    const r = await refused(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
          c.close();
        },
      });
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      return { status: response.status, headers: response.headers, body: await response.text() };
    });
    expect(r.status).toBe(413);
  });

  it('a cross-site Origin or Sec-Fetch-Site: 403; the page’s own origin passes', async () => {
    const b = browser();
    const evil = await refused(() => b.send({ agentId, question: 'hi' }, { origin: 'https://evil.example' }));
    expect(evil.status).toBe(403);
    expect(evil.json.message).toBe('Origin https://evil.example is not allowed');
    expect(
      (
        await refused(async () =>
          b.record(await b.fetch({ query: '?conversationId=chat_x', headers: { 'sec-fetch-site': 'cross-site' } })),
        )
      ).status,
    ).toBe(403);
    const own = await b.send({ agentId, question: 'hi' }, { origin: new URL(server.url).origin });
    expect(own.status).toBe(200);
  });

  it('methods other than GET and POST: 405 with Allow', async () => {
    for (const method of ['DELETE', 'PUT', 'PATCH', 'OPTIONS']) {
      const r = await refused(async () => browser().record(await fetch(server.url, { method })));
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('GET, POST');
      expect(r.json.code).toBe('method_not_allowed');
    }
  });

  it('GET without a conversationId: 400', async () => {
    expect((await refused(async () => browser().record(await fetch(server.url)))).status).toBe(400);
  });
});

describe('origins option', () => {
  it('an allowed other origin passes, with CORS headers for it and its preflight', async () => {
    const handler = createChatHandler({
      client: env.client,
      agents: [agentId],
      secret: SECRET,
      origins: ['https://www.shop.example'],
      rateLimit: false,
    });
    const mounted = await mountNode(handler);
    try {
      const b = new Browser(mounted.url);
      const ok = await b.send({ agentId, question: 'hi' }, { origin: 'https://www.shop.example' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.shop.example');
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      const preflight = await fetch(mounted.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://www.shop.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
      const other = await b.send({ agentId, question: 'hi' }, { origin: 'https://other.example' });
      expect(other.status).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await mounted.close();
    }
  });
});

describe('rate limit', () => {
  it('429 with Retry-After past the per-visitor limit, before any upstream call; other visitors unaffected', async () => {
    const limited = chatSetup(env, () => agentId, {
      rateLimit: { send: { limit: 2, windowMs: 60_000 }, read: { limit: 1, windowMs: 60_000 } },
    });
    const mounted = await mountNode(limited.handler);
    try {
      const v = new Browser(mounted.url);
      const { conversationId } = doneOf((await v.send({ agentId, question: 'one' })).body);
      expect((await v.send({ agentId, question: 'two', conversationId })).status).toBe(200);
      const before = limited.requests.length;
      const third = await v.send({ agentId, question: 'three', conversationId });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(third.body)).toMatchObject({ status: 'error', code: 'rate_limited' });
      expect(limited.requests.length).toBe(before);
      // reads have their own budget
      expect((await v.read(conversationId)).status).toBe(200);
      expect((await v.read(conversationId)).status).toBe(429);
      // another visitor has their own
      expect((await new Browser(mounted.url).send({ agentId, question: 'one' })).status).toBe(200);
    } finally {
      await mounted.close();
    }
  });
});

describe('upstream failures reach the browser as the API said them', () => {
  it('an error before the stream: JSON envelope with the API’s status, code, message and request id', async () => {
    const b = browser();
    await b.send({ agentId, question: 'warm up' }); // the visitor's contact is cached: the next upstream call is the send
    setup.faults.push('status=500;count=3;id=json-500'); // the first attempt and both retries
    const r = await b.send({ agentId, question: 'fail please' });
    expect(r.status).toBe(500);
    const body = JSON.parse(r.body) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'error', code: 'internal_error' });
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'status']);
    expect(String(body.message)).not.toMatch(/\[POST|^500 |at .*\(/);
    expect(r.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('an error mid-stream: one error event with status, code, message and request id, after the deltas', async () => {
    const b = browser();
    await b.send({ agentId, question: 'warm up' });
    setup.faults.push('error-after=1;id=mid');
    const r = await b.send({ agentId, question: 'When are you open?' });
    expect(r.status).toBe(200);
    const frames = r.body.split('\n\n').filter(Boolean);
    expect(frames[0]).toContain('event: delta');
    const error = frames.find((f) => f.includes('event: error'))!;
    const data = JSON.parse(error.slice(error.indexOf('data: ') + 6)) as Record<string, unknown>;
    expect(data).toEqual({
      status: 'error',
      message: 'Injected fault: the answer generation failed',
      code: 'internal_error',
      statusCode: 500,
      requestId: r.headers.get('x-request-id'),
    });
    const err = await EventStream.fromResponse(new Response(r.body, { headers: r.headers }))
      .finalMessage()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 500, code: 'internal_error', retryable: true });
  });

  it('an unreachable API: 502 connection_error, naming no host', async () => {
    const handler = createChatHandler({
      client: env.makeClient({ baseURL: 'http://127.0.0.1:9/api/v2', maxRetries: 0 }),
      agents: [agentId],
      secret: SECRET,
      rateLimit: false,
    });
    const mounted = await mountNode(handler);
    try {
      const r = await new Browser(mounted.url).send({ agentId, question: 'hi' });
      expect(r.status).toBe(502);
      expect(JSON.parse(r.body)).toEqual({
        status: 'error',
        message: expect.stringMatching(/^Connection error \(\w+\)$/) as string,
        code: 'connection_error',
      });
      expect(r.body).not.toContain('127.0.0.1');
    } finally {
      await mounted.close();
    }
  });
});

describe('idempotency and disconnects', () => {
  it('a retried send with the same Idempotency-Key is stored once; another visitor’s same key is not theirs', async () => {
    const b = browser();
    const first = doneOf((await b.send({ agentId, question: 'Store me once' }, { 'idempotency-key': 'send-1' })).body);
    const again = doneOf((await b.send({ agentId, question: 'Store me once' }, { 'idempotency-key': 'send-1' })).body);
    expect(again.messageId).toBe(first.messageId);
    const stored = await env.emulator.store.listMessages(env.emulator.workspaceId, first.conversationId);
    expect(stored).toHaveLength(2);
    const other = doneOf(
      (await browser().send({ agentId, question: 'Store me once' }, { 'idempotency-key': 'send-1' })).body,
    );
    expect(other.conversationId).not.toBe(first.conversationId);
  });

  it('the browser disconnecting aborts the upstream stream', async () => {
    const b = browser();
    await b.send({ agentId, question: 'warm up' });
    setup.faults.push('stall-after=1;id=stall');
    const controller = new AbortController();
    const response = await b.fetch({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId, question: 'When are you open?' }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // the first delta arrived; the upstream stream now stalls, open
    const activeStreams = async () =>
      ((await (await fetch(`${env.emulator.origin}/_emulator/health`)).json()) as { activeStreams: number })
        .activeStreams;
    await expect.poll(activeStreams).toBe(1);
    controller.abort();
    await expect.poll(activeStreams, { timeout: 3000 }).toBe(0);
  });

  it('a refused oversized body keeps the keep-alive connection usable', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = httpRequest(
          server.url,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect((await post('x'.repeat(100_000))).status).toBe(413);
      const next = await post(JSON.stringify({ agentId, question: 'still there?' }));
      expect(next).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });
});

describe('configuration mistakes fail at creation', () => {
  it('no secret and no identify, a short secret, no agents', () => {
    expect(() => createChatHandler({ client: env.client, agents: [agentId] })).toThrow(/secret/);
    expect(() => createChatHandler({ client: env.client, agents: [agentId], secret: 'short' })).toThrow(
      /32 characters/,
    );
    expect(() => createChatHandler({ client: env.client, agents: [], secret: SECRET })).toThrow(/agents/);
  });
});
