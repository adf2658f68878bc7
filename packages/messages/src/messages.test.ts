import { APITimeoutError, APIUserAbortError, NotFoundError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { Messages } from './index.js';

// Paced events (15 ms apart) so that a stream is still running when a test aborts it.
const env = useEmulator({ streamDelayMs: 15 });
let agentId: string;

beforeAll(async () => {
  agentId = await env.createAgent();
});

const storedMessages = async (conversationId: string): Promise<number> =>
  (await env.emulator.store.listMessages(env.emulator.workspaceId, conversationId)).length;

describe('Messages.send and list', () => {
  it('starts a conversation, continues it, and lists its messages oldest first', async () => {
    const messages = new Messages(env.client);
    const first = await messages.send({ agentId, question: 'What are your opening hours?' });
    expect(first).toMatchObject({
      conversationId: expect.any(String),
      contactId: expect.any(String),
      response: expect.any(String),
      messageId: expect.any(String),
      responseMessageId: expect.any(String),
      links: expect.any(Array),
    });
    expect(first.response.length).toBeGreaterThan(0);

    const second = await messages.send({
      agentId,
      question: 'And on weekends?',
      conversationId: first.conversationId,
      responseFormat: 'PLAIN',
    });
    expect(second.conversationId).toBe(first.conversationId);

    const list = await messages.list(first.conversationId);
    expect(list.map((m) => m.id)).toEqual([
      first.messageId,
      first.responseMessageId,
      second.messageId,
      second.responseMessageId,
    ]);
    expect(list.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(list[0]).toMatchObject({ content: 'What are your opening hours?', type: 'TEXT', agent: null });
    expect(list[1]!.content).toBe(first.response);

    await expect(messages.list('chat_missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('retries a send whose answer was lost without storing the exchange twice', async () => {
    const { client, requests } = env.recordingClient();
    const messages = new Messages(client);
    const sent = await messages.send(
      { agentId, question: 'Is this stored once?' },
      { headers: { 'x-emulator-fault': 'after-write; status=502' } },
    );
    expect(requests).toHaveLength(2);
    expect(requests[0]!.headers.get('idempotency-key')).toBe(requests[1]!.headers.get('idempotency-key'));
    expect(await storedMessages(sent.conversationId)).toBe(2);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<Messages>[] = [
    ['send: empty question', (m) => m.send({ agentId: 'a', question: '' }), 'question'],
    ['send: no agentId', (m) => m.send({ question: 'hi' } as never), 'agentId'],
    ['send: no params', (m) => m.send(undefined as never), 'params'],
    [
      'send: unknown responseFormat',
      (m) => m.send({ agentId: 'a', question: 'hi', responseFormat: 'HTML' as never }),
      'responseFormat',
    ],
    [
      'send: unknown integrationType',
      (m) => m.send({ agentId: 'a', question: 'hi', integrationType: 'MESSENGER' as never }),
      'integrationType',
    ],
    [
      'send: blank conversationId',
      (m) => m.send({ agentId: 'a', question: 'hi', conversationId: '' }),
      'conversationId',
    ],
    ['stream: blank agentId', (m) => m.stream({ agentId: ' ', question: 'hi' }), 'agentId'],
    ['stream: empty agentId', (m) => m.stream({ agentId: '', question: 'hi' }), 'agentId'],
    [
      'stream: unknown messageType',
      (m) => m.stream({ agentId: 'a', question: 'hi', messageType: 'AUDIO' as never }),
      'messageType',
    ],
    ['stream: ip not a string', (m) => m.stream({ agentId: 'a', question: 'hi', ip: 127 as never }), 'ip'],
    ['list: empty id', (m) => m.list(''), 'conversationId'],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(Messages).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new Messages(client)), param);
    expect(requests).toHaveLength(0);
  });
});

describe('Messages.stream', () => {
  it('streams text deltas in order, then the final message', async () => {
    const messages = new Messages(env.client);
    const stream = await messages.stream({ agentId, question: 'What are your hours?' });
    const pieces: string[] = [];
    for await (const text of stream.textStream) pieces.push(text);
    const done = await stream.finalMessage();

    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(done.response);
    expect(done).toMatchObject({
      conversationId: expect.any(String),
      messageId: expect.any(String),
      links: expect.any(Array),
    });
    const stored = await messages.list(done.conversationId);
    expect(stored.at(-1)).toMatchObject({ id: done.responseMessageId, role: 'assistant', content: done.response });
  });

  it('yields delta events with increasing ids, then one done event', async () => {
    const stream = await new Messages(env.client).stream({ agentId, question: 'Tell me about shipping.' });
    const events: { event: string; id: string | undefined }[] = [];
    for await (const e of stream) events.push({ event: e.event, id: e.id });
    expect(events.at(-1)?.event).toBe('done');
    expect(events.slice(0, -1).every((e) => e.event === 'delta')).toBe(true);
    // D5: every event has an id, the sequence 1, 2, 3, … (fails when ids are missing: Number(undefined) is NaN)
    expect(events.length).toBeGreaterThan(2);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i + 1)));
  });

  it('stops when aborted mid-stream; finalMessage rejects with APIUserAbortError', async () => {
    const messages = new Messages(env.client);
    const question = 'Please describe everything you know in detail.';
    const full = await messages.stream({ agentId, question });
    const all: string[] = [];
    for await (const piece of full.textStream) all.push(piece);
    const total = all.length;

    const stream = await messages.stream({ agentId, question });
    const seen: string[] = [];
    for await (const text of stream.textStream) {
      seen.push(text);
      if (seen.length === 1) stream.abort();
    }
    expect(total).toBeGreaterThan(3);
    expect(seen.length).toBeLessThan(total);
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('aborts through the caller signal', async () => {
    const ctrl = new AbortController();
    const stream = await new Messages(env.client).stream({ agentId, question: 'Anything?' }, { signal: ctrl.signal });
    const it = stream.textStream[Symbol.asyncIterator]();
    await it.next();
    ctrl.abort();
    const err = await (async () => {
      for (;;) if ((await it.next()).done) return undefined;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIUserAbortError);
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('still works when the server ignores `streaming` and answers JSON', async () => {
    // Middleware turns the request into a non-streaming one, as a server without streaming support would treat it.
    const client = env.makeClient({
      middleware: [
        async ({ request }, next) => {
          const body = (await request.json()) as Record<string, unknown>;
          return next(new Request(request, { body: JSON.stringify({ ...body, streaming: false }) }));
        },
      ],
    });
    const stream = await new Messages(client).stream({ agentId, question: 'Plain JSON please?' });
    expect(stream.response.headers.get('content-type')).toContain('application/json');
    const pieces: string[] = [];
    for await (const text of stream.textStream) pieces.push(text);
    const done = await stream.finalMessage();
    expect(pieces).toEqual([done.response]);
    expect(done).toMatchObject({ conversationId: expect.any(String), responseMessageId: expect.any(String) });
  });

  it('fails with APITimeoutError when the server stalls longer than idleTimeout', async () => {
    const stream = await new Messages(env.client).stream(
      { agentId, question: 'Stall please.' },
      { idleTimeout: 150, headers: { 'x-emulator-fault': 'stall-after=2' } },
    );
    const seen: string[] = [];
    const err = await (async () => {
      for await (const text of stream.textStream) seen.push(text);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(err).toMatchObject({ timeout: 'idleTimeout', ms: 150 });
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APITimeoutError);
  });
});
