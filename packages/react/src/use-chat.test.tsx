import { Agents } from '@livechatai/agents';
import { Conversations } from '@livechatai/conversations';
import { DataSources } from '@livechatai/data-sources';
import { Messages } from '@livechatai/messages';
import { isInternalServerError, isNotFoundError } from '@livechatai/core';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { newQueryClient, startTestBed, wrapper, type TestBed } from '../test/helpers.js';
import { useChat, type ChatStatus, type UseChatResult } from './index.js';

const FACT = 'The Falcon launch code is AZURE-7781.';
const QUESTION = 'What is the Falcon launch code?';
const LONG_QUESTION = 'How does the Heron rover cross the dunes?';
const LONG_ANSWER =
  'The Heron rover crosses the dunes slowly and carefully. It first climbs each ridge at an angle, then pauses at ' +
  'the crest to scan the far slope with its cameras, and only then rolls down in low gear. The crew keeps a spare ' +
  'wheel, two tow straps and a folding ramp on board, and they radio the base camp every hour with their position.';
/** The emulator's pause between stream events (its `streamDelayMs`); the throttle test's fake clock uses it too. */
const PACING_MS = 40;
const THROTTLE_MS = 400;

let bed: TestBed;
let agentId: string;

beforeAll(async () => {
  // A paced stream (40 ms between events), so that answers arrive as several deltas.
  bed = await startTestBed({ streamDelayMs: PACING_MS });
  const agent = await new Agents(bed.admin).create({ name: 'Chat test agent', isLiveChatEnabled: true });
  agentId = agent.id;
  await new DataSources(bed.admin).addText({
    agentId,
    title: 'Falcon',
    content: `${FACT} Project Falcon is the rocket programme of the company. It launches from the northern pad every spring, and the mission team meets on Tuesdays to review telemetry and the launch checklist.`,
  });
});
afterAll(async () => {
  await bed.close();
});
// Each test is a new visitor: no conversation kept from the one before.
afterEach(() => {
  sessionStorage.clear();
});

const conversationPosts = () =>
  bed.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/conversations'));

describe('useChat', () => {
  it('streams the answer with throttled updates, keeps the new conversationId and continues it', async () => {
    const snapshots: UseChatResult[] = [];
    const finished: string[] = [];
    const { result } = renderHook(
      () => {
        const chat = useChat({ agentId, throttleMs: 10, onFinish: (r) => finished.push(r.conversationId) });
        snapshots.push(chat);
        return chat;
      },
      { wrapper: wrapper(bed.client, newQueryClient()) },
    );
    expect(result.current.status).toBe('idle');
    expect(result.current.conversationId).toBeUndefined();

    let sending!: Promise<void>;
    act(() => {
      sending = result.current.send(QUESTION);
    });
    // Optimistic visitor message, before any answer.
    expect(result.current.status).toBe('submitted');
    expect(result.current.messages).toHaveLength(1);
    expect(result.current.messages[0]).toMatchObject({ role: 'user', content: QUESTION, state: 'pending' });

    // Not awaited inside act(): waitFor lets React render each throttled update as it happens.
    await waitFor(() => {
      expect(result.current.status).toBe('idle');
    });
    await sending;
    const final = result.current;
    expect(final.status).toBe('idle');
    expect(final.error).toBeUndefined();
    expect(final.conversationId).toMatch(/\S/);
    expect(finished).toEqual([final.conversationId]);
    const answer = final.messages.at(-1)!;
    expect(answer).toMatchObject({ role: 'assistant', state: 'done' });
    expect(answer.content).toContain('AZURE-7781');
    expect(final.messages[0]).toMatchObject({ role: 'user', state: 'done' });
    expect(final.messages[0]!.serverId).toMatch(/\S/);

    // The answer was rendered while it streamed, in growing partial contents, each a prefix of the final
    // (how often is the throttle test's subject).
    const partials = [
      ...new Set(
        snapshots
          .filter((s) => s.status === 'streaming')
          .map((s) => s.messages.find((m) => m.role === 'assistant')?.content ?? '')
          .filter((c) => c.length > 0),
      ),
    ];
    expect(partials.length).toBeGreaterThanOrEqual(1);
    for (const partial of partials) expect(answer.content.startsWith(partial)).toBe(true);
    expect(snapshots.map((s) => s.status)).toEqual(expect.arrayContaining(['submitted', 'streaming', 'idle']));

    // The second message continues the same conversation.
    await act(() => result.current.send('And where does Falcon launch from?'));
    expect(result.current.conversationId).toBe(final.conversationId);
    // the second POST named the conversation the first one created
    const lastPost = conversationPosts().at(-1);
    expect(JSON.parse(lastPost?.body ?? '{}')).toMatchObject({
      question: 'And where does Falcon launch from?',
      conversationId: final.conversationId,
    });
    const stored = await new Conversations(bed.admin).retrieve(final.conversationId!);
    expect(stored.messages).toHaveLength(4);
    await waitFor(() => {
      expect(result.current.messages.map((m) => m.serverId)).toEqual(stored.messages.map((m) => m.id));
    });
  });

  it('throttles re-renders while streaming: one per throttle interval, not one per delta', async () => {
    // A Q&A source is answered with its whole answer: a long stream of one-word deltas. The test paces them
    // itself, so this emulator sends them without pauses.
    const unpaced = await startTestBed({ streamDelayMs: 0 });
    onTestFinished(() => unpaced.close());
    const longAgentId = (await new Agents(unpaced.admin).create({ name: 'Long answers', isLiveChatEnabled: true })).id;
    await new DataSources(unpaced.admin).addQA({ agentId: longAgentId, question: LONG_QUESTION, answer: LONG_ANSWER });
    const renders: { status: ChatStatus; content: string | undefined }[] = [];
    const { result } = renderHook(
      () => {
        const chat = useChat({ agentId: longAgentId, throttleMs: THROTTLE_MS });
        renders.push({ status: chat.status, content: chat.messages.find((m) => m.role === 'assistant')?.content });
        return chat;
      },
      { wrapper: wrapper(unpaced.client, newQueryClient()) },
    );
    const holding = unpaced.holdNextStream();
    let sending!: Promise<void>;
    act(() => {
      sending = result.current.send(LONG_QUESTION);
    });
    const stream = await act(() => holding);
    await act(() => stream.loaded);
    const deltas = stream.deltas();
    expect(deltas.length).toBeGreaterThanOrEqual(40);
    expect(stream.events.map((e) => e.event)).toEqual([...deltas.map(() => 'delta'), 'done']);

    // The deltas reach the hook 40 ms apart on a fake clock that also drives the hook's throttle timer, so the
    // interleaving is the same on any machine. (The stream was read beforehand: no I/O waits on this clock.)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      while (stream.released < deltas.length) {
        await act(() => stream.release());
        act(() => {
          vi.advanceTimersByTime(PACING_MS);
        });
      }
    } finally {
      vi.useRealTimers();
    }
    await act(() => stream.release()); // done
    await act(() => sending);

    const answer = result.current.messages.at(-1)!;
    expect(answer).toMatchObject({ role: 'assistant', state: 'done' });
    expect(answer.content).toBe(deltas.join(''));
    expect(answer.content).toContain('spare wheel');

    const whileStreaming = renders.filter((r) => r.status === 'streaming');
    const partials = whileStreaming.map((r) => r.content ?? '').filter((c) => c !== '');
    // Partial answers were shown before the end...
    expect(partials.length).toBeGreaterThanOrEqual(1);
    // ...but far fewer renders than deltas:
    expect(whileStreaming.length).toBeLessThan(deltas.length);
    // exactly one per 400 ms, each showing everything received by then (ten 40 ms deltas more each time).
    const perInterval = THROTTLE_MS / PACING_MS;
    const shownDeltas = partials.map((p) => deltas.findIndex((_, i) => deltas.slice(0, i + 1).join('') === p) + 1);
    expect(shownDeltas).toEqual(
      Array.from({ length: Math.floor(deltas.length / perInterval) }, (_, i) => (i + 1) * perInterval),
    );
  });

  it('sends once under StrictMode, even when sending from a mount effect', async () => {
    const before = conversationPosts().length;
    let latest: UseChatResult | undefined;
    function Auto() {
      const chat = useChat({ agentId });
      latest = chat;
      const { send } = chat;
      useEffect(() => {
        void send(QUESTION);
      }, [send]);
      return null;
    }
    render(<Auto />, { wrapper: wrapper(bed.client, newQueryClient(), true) });
    await waitFor(() => {
      expect(latest?.status).toBe('idle');
      expect(latest?.messages.at(-1)?.state).toBe('done');
    });
    expect(conversationPosts().length - before).toBe(1);
    expect(latest!.messages.filter((m) => m.role === 'user')).toHaveLength(1);
    const conversations = await new Conversations(bed.admin).list({ agentId, perPage: 100 });
    const mine = await new Messages(bed.admin).list(latest!.conversationId!);
    expect(mine.filter((m) => m.role === 'user')).toHaveLength(1);
    expect(conversations.items.some((c) => c.id === latest!.conversationId)).toBe(true);
  });

  it('stop() aborts the request and keeps the partial answer', async () => {
    const { result } = renderHook(() => useChat({ agentId, throttleMs: 0 }), {
      wrapper: wrapper(bed.client, newQueryClient()),
    });
    // The answer reaches the hook only as far as the test lets it: stop() lands after exactly one delta.
    const holding = bed.holdNextStream();
    let sending!: Promise<void>;
    act(() => {
      sending = result.current.send(QUESTION);
    });
    const stream = await act(() => holding);
    await act(() => stream.release());
    const first = stream.deltas()[0]!;
    expect(stream.deltas().length).toBeGreaterThan(1);
    await waitFor(() => {
      expect(result.current.messages.at(-1)).toMatchObject({ role: 'assistant', state: 'streaming', content: first });
    });
    expect(result.current.status).toBe('streaming');
    const request = conversationPosts().at(-1)!;
    act(() => {
      result.current.stop();
    });
    await act(() => sending);
    expect(request.signal?.aborted).toBe(true);
    expect(stream.released).toBe(1);
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeUndefined();
    const partial = result.current.messages.at(-1)!;
    expect(partial).toMatchObject({ role: 'assistant', state: 'stopped', content: first });
    expect(partial.content).not.toContain('AZURE-7781');
  });

  it('reports a typed error and retry() sends the failed message again', async () => {
    const { result } = renderHook(() => useChat({ agentId }), { wrapper: wrapper(bed.client, newQueryClient()) });
    bed.injectFault('POST', '/conversations', 'status=500');
    await act(() => result.current.send(QUESTION));
    expect(result.current.status).toBe('error');
    expect(isInternalServerError(result.current.error)).toBe(true);
    expect(result.current.error?.status).toBe(500);
    expect(result.current.messages).toHaveLength(1);
    expect(result.current.messages[0]).toMatchObject({ role: 'user', state: 'error' });

    await act(() => result.current.retry());
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeUndefined();
    expect(result.current.messages.map((m) => [m.role, m.state])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
  });

  it('errors on an unknown agent with NotFoundError, and on empty text before any request', async () => {
    const { result } = renderHook(() => useChat({ agentId: 'agent_does_not_exist' }), {
      wrapper: wrapper(bed.client, newQueryClient()),
    });
    const before = bed.requests.length;
    await act(() => result.current.send('   '));
    expect(result.current.error?.name).toBe('InvalidParameterError');
    expect(bed.requests.length).toBe(before);
    await act(() => result.current.send('hello'));
    expect(isNotFoundError(result.current.error)).toBe(true);
  });

  it('loads the history of a given conversation and reveals older messages on demand', async () => {
    const messages = new Messages(bed.admin);
    const first = await messages.send({ agentId, question: QUESTION });
    await messages.send({ agentId, question: 'Who reviews telemetry?', conversationId: first.conversationId });
    const { result } = renderHook(
      () => useChat({ agentId, conversationId: first.conversationId, historyPageSize: 2 }),
      { wrapper: wrapper(bed.client, newQueryClient()) },
    );
    await waitFor(() => {
      expect(result.current.messages).toHaveLength(2);
    });
    expect(result.current.hasOlderMessages).toBe(true);
    expect(result.current.messages[0]).toMatchObject({ role: 'user', content: 'Who reviews telemetry?' });
    act(() => {
      result.current.loadOlderMessages();
    });
    expect(result.current.messages).toHaveLength(4);
    expect(result.current.hasOlderMessages).toBe(false);
    expect(result.current.messages[0]).toMatchObject({ role: 'user', content: QUESTION });
    expect(result.current.messages[1]!.content).toContain('AZURE-7781');

    // Continuing the loaded conversation appends to it.
    await act(() => result.current.send('Thanks!'));
    expect(result.current.conversationId).toBe(first.conversationId);
    await waitFor(() => {
      expect(result.current.messages).toHaveLength(6);
    });
  });
});

describe('useChat callbacks', () => {
  it('reads the latest options on every call (no stale closures)', async () => {
    const calls: string[] = [];
    const { result, rerender } = renderHook(
      ({ tag }: { tag: string }) => useChat({ agentId, onFinish: () => calls.push(tag) }),
      { wrapper: wrapper(bed.client, newQueryClient()), initialProps: { tag: 'first' } },
    );
    const sendFromFirstRender = result.current.send;
    rerender({ tag: 'second' });
    expect(result.current.send).toBe(sendFromFirstRender);
    act(() => {
      void sendFromFirstRender(QUESTION);
    });
    await waitFor(() => {
      expect(calls).toEqual(['second']);
    });
  });
});
