import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventStream } from '@livechatai/spec';
import type { Emulator } from '../src/index.js';
import { apiFor, createAgent, withEmulator, type Api } from './helpers.js';

let em: Emulator;
let api: Api;

beforeAll(async () => {
  ({ em, api } = await withEmulator({ faults: true, streamDelayMs: 5 }));
});
afterAll(async () => {
  await em.close();
});

const agentNames = async (): Promise<string[]> =>
  ((await api('GET', '/agents?limit=100')).body.data as { name: string }[]).map((a) => a.name);

describe('fault injection', () => {
  it('answers the chosen status for the next N matching requests without applying the write', async () => {
    const body = { name: 'Faulted', isLiveChatEnabled: true };
    const headers = { 'x-emulator-fault': 'status=503;count=2;retry-after=1' };
    const first = await api('POST', '/agents', { body, headers, noValidate: true });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body).toMatchObject({ status: 'error', code: 'internal_error' });
    // The same header again (as an SDK retry sends it) does not re-arm the rule.
    const second = await api('POST', '/agents', { body, headers, noValidate: true });
    expect(second.status).toBe(503);
    expect(await agentNames()).not.toContain('Faulted');
    const third = await api('POST', '/agents', { body, headers });
    expect(third.status).toBe(200);
    expect((await agentNames()).filter((n) => n === 'Faulted')).toHaveLength(1);
  });

  it('only matches the same key, method and path', async () => {
    const other = apiFor(em, await em.mintKey());
    await api('GET', '/agents?limit=2', {
      headers: { 'x-emulator-fault': 'status=500;count=2;id=scope' },
      noValidate: true,
    });
    expect((await other('GET', '/agents')).status).toBe(200);
    expect((await api('GET', '/conversations/views?agentId=x')).status).toBe(404);
    expect((await api('GET', '/agents', { noValidate: true })).status).toBe(500);
    expect((await api('GET', '/agents')).status).toBe(200);
  });

  it('adds latency and resets connections', async () => {
    const started = performance.now();
    const slow = await api('GET', '/agents', { headers: { 'x-emulator-fault': 'latency=150' } });
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await expect(
      fetch(`${em.url}/agents?reset=1`, {
        headers: { authorization: `Bearer ${em.apiKey}`, 'x-emulator-fault': 'reset' },
      }),
    ).rejects.toThrow();
    expect((await api('GET', '/agents?reset=1')).status).toBe(200);
  });

  it('after-write applies the write, fails, and an idempotent retry replays it', async () => {
    const body = { name: 'Written then failed', isLiveChatEnabled: false };
    const headers = { 'x-emulator-fault': 'after-write;status=502', 'idempotency-key': 'aw-1' };
    const failed = await api('POST', '/agents', { body, headers, noValidate: true });
    expect(failed.status).toBe(502);
    const retry = await api('POST', '/agents', { body, headers });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await agentNames()).filter((n) => n === body.name)).toHaveLength(1);

    const resetBody = { name: 'Written then reset', isLiveChatEnabled: false };
    const resetHeaders = {
      authorization: `Bearer ${em.apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': 'aw-2',
    };
    await expect(
      fetch(`${em.url}/agents`, {
        method: 'POST',
        headers: { ...resetHeaders, 'x-emulator-fault': 'after-write;reset' },
        body: JSON.stringify(resetBody),
      }),
    ).rejects.toThrow();
    const again = await api('POST', '/agents', { body: resetBody, headers: { 'idempotency-key': 'aw-2' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await agentNames()).filter((n) => n === resetBody.name)).toHaveLength(1);
  });

  it('stalls a stream after N events', async () => {
    const agent = await createAgent(api, 'Streamer');
    const res = await fetch(`${em.url}/conversations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${em.apiKey}`,
        'content-type': 'application/json',
        'x-emulator-fault': 'stall-after=3',
      },
      body: JSON.stringify({
        agentId: agent.id,
        question: 'Tell me anything about nothing at all, please',
        streaming: true,
      }),
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(/\n\n/g) ?? []).length < 3) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      text += decoder.decode(value);
    }
    const next = await Promise.race([
      reader.read().then(() => 'data'),
      new Promise((r) =>
        setTimeout(() => {
          r('stalled');
        }, 300),
      ),
    ]);
    expect(next).toBe('stalled');
    expect(text).not.toContain('event: done');
    await reader.cancel();
  });

  it('ends a stream with an error event after N events', async () => {
    const agent = await createAgent(api, 'Erroring');
    const res = await api('POST', '/conversations', {
      body: { agentId: agent.id, question: 'Tell me something about anything at all', streaming: true },
      headers: { 'x-emulator-fault': 'error-after=2' },
    });
    const events = parseEventStream(res.text);
    expect(events.map((e) => e.event)).toEqual(['delta', 'delta', 'error']);
    expect(JSON.parse(events[2]!.data)).toMatchObject({ status: 'error', code: 'internal_error' });
  });

  it('rejects a malformed fault header', async () => {
    const bad = await api('GET', '/agents', { headers: { 'x-emulator-fault': 'status=abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('x-emulator-fault');
    expect((await api('GET', '/agents', { headers: { 'x-emulator-fault': 'explode' } })).status).toBe(400);
  });

  it('clears armed faults through the admin route', async () => {
    await api('GET', '/agents?limit=3', { headers: { 'x-emulator-fault': 'status=500;count=5' }, noValidate: true });
    expect((await api('DELETE', '/_emulator/faults')).status).toBe(200);
    expect((await api('GET', '/agents?limit=3')).status).toBe(200);
  });
});

describe('without --faults', () => {
  it('ignores the fault header', async () => {
    const plain = await withEmulator();
    try {
      expect((await plain.api('GET', '/agents', { headers: { 'x-emulator-fault': 'status=503' } })).status).toBe(200);
    } finally {
      await plain.em.close();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After per key once the budget is spent', async () => {
    // a frozen clock: the bucket never refills during the test, however slow the machine is
    const at = Date.now();
    const limited = await withEmulator({ rateLimit: 5, clock: () => at });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await limited.api('GET', '/agents')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses).toContain(429);
      const limitedRes = await limited.api('GET', '/agents');
      expect(limitedRes.status).toBe(429);
      expect(limitedRes.body.code).toBe('rate_limited');
      expect(Number(limitedRes.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const otherKey = apiFor(limited.em, await limited.em.mintKey());
      expect((await otherKey('GET', '/agents')).status).toBe(200);
    } finally {
      await limited.em.close();
    }
  });
});

describe('streaming disconnects', () => {
  it('keeps the committed exchange and stops sending when the client goes away', async () => {
    const slow = await withEmulator({ streamDelayMs: 60_000 });
    try {
      const agent = await createAgent(slow.api, 'Slow');
      const ac = new AbortController();
      const res = await fetch(`${slow.em.url}/conversations`, {
        method: 'POST',
        signal: ac.signal,
        headers: { authorization: `Bearer ${slow.em.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          agentId: agent.id,
          question: 'Is anyone there to talk with me about many different things?',
          streaming: true,
        }),
      });
      const reader = res.body!.getReader();
      await reader.read();
      ac.abort();
      // The server stops producing events: with a 60 s pause between events only the disconnect can end it.
      while ((await slow.api('GET', '/_emulator/health')).body.activeStreams !== 0)
        await new Promise((r) => setTimeout(r, 20));
      const convs = await slow.api('GET', `/conversations?agentId=${agent.id}`);
      const id = convs.body.data.conversations[0].id as string;
      const conv = await slow.api('GET', `/conversations/${id}`);
      expect(conv.body.data.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
      expect((await slow.api('GET', '/_emulator/health')).status).toBe(200);
    } finally {
      await slow.em.close();
    }
  });
});
