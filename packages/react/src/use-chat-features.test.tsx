import { Agents } from '@livechatai/agents';
import { Conversations } from '@livechatai/conversations';
import { DataSources } from '@livechatai/data-sources';
import { isInternalServerError } from '@livechatai/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newQueryClient, startTestBed, wrapper, type TestBed } from '../test/helpers.js';
import { ChatBusyError, useChat, type ChatStorage, type UseChatOptions } from './index.js';

const QUESTION = 'What is the Falcon launch code?';
const SECOND = 'Where does Falcon launch from?';

let bed: TestBed;
let agentId: string;
let ownerId: string;

beforeAll(async () => {
  bed = await startTestBed({ streamDelayMs: 5 });
  agentId = (await new Agents(bed.admin).create({ name: 'Feature test agent', isLiveChatEnabled: true })).id;
  await new DataSources(bed.admin).addText({
    agentId,
    title: 'Falcon',
    content: 'The Falcon launch code is AZURE-7781. Falcon launches from the northern pad every spring.',
  });
  const members = await bed.emulator.store.listTeamMembers(bed.emulator.workspaceId);
  ownerId = members.find((m) => m.isOwner)!.id;
});
afterAll(async () => {
  await bed.close();
});
afterEach(() => {
  sessionStorage.clear();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

const sleep = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const gets = (conversationId: string | undefined) =>
  bed.requests.filter(
    (r) => r.method === 'GET' && conversationId && r.url.endsWith(`/conversations/${conversationId}`),
  );
const renderChat = (options: Partial<UseChatOptions> = {}) =>
  renderHook(
    (props: Partial<UseChatOptions>) => useChat({ agentId, throttleMs: 0, poll: false, ...options, ...props }),
    {
      wrapper: wrapper(bed.client, newQueryClient()),
      initialProps: {},
    },
  );

describe('useChat: regenerate, setMessages, clearError, busy', () => {
  it('regenerate() replaces the last answer with a new one; the question stays shown once', async () => {
    const { result } = renderChat();
    await act(() => result.current.send(QUESTION));
    const [question, first] = result.current.messages;
    await act(() => result.current.regenerate());
    await sleep(150); // the stored conversation (now with the question twice) was merged
    expect(result.current.messages.map((m) => [m.role, m.state])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
    expect(result.current.messages[0]!.id).toBe(question!.id);
    expect(result.current.messages[1]!.id).not.toBe(first!.id);
    expect(result.current.messages[1]!.serverId).not.toBe(first!.serverId);
    expect(result.current.messages[1]!.content).toContain('AZURE-7781');
    const stored = await new Conversations(bed.admin).retrieve(result.current.conversationId!);
    expect(stored.messages.filter((m) => m.role === 'user')).toHaveLength(2);
  });

  it('regenerate() with no answer yet rejects (typed), and retry()/regenerate() while busy reject with ChatBusyError', async () => {
    const { result } = renderChat();
    await expect(result.current.regenerate()).rejects.toMatchObject({ name: 'InvalidParameterError' });
    const holding = bed.holdNextStream();
    let sending!: Promise<void>;
    act(() => {
      sending = result.current.send(QUESTION);
    });
    const stream = await act(() => holding);
    await expect(result.current.retry()).rejects.toBeInstanceOf(ChatBusyError);
    await expect(result.current.regenerate()).rejects.toMatchObject({ code: 'chat_busy' });
    await act(() => stream.release());
    await act(() => stream.release(stream.events.length - 1));
    await act(() => sending);
    expect(result.current.status).toBe('idle');
  });

  it('setMessages() changes what is shown, and a refetch of the conversation does not bring removed ones back', async () => {
    const { result } = renderChat();
    await act(() => result.current.send(QUESTION));
    await act(() => result.current.send(SECOND));
    await sleep(150);
    act(() => {
      result.current.setMessages((prev) => prev.slice(2));
    });
    expect(result.current.messages.map((m) => m.content.slice(0, SECOND.length))[0]).toBe(SECOND);
    await act(() => result.current.send('Thanks!'));
    await sleep(150);
    expect(result.current.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([SECOND, 'Thanks!']);
  });

  it('clearError() forgets the error; retry() re-sends with the same Idempotency-Key', async () => {
    const { result } = renderChat();
    bed.injectFault('POST', '/conversations', 'status=500');
    await act(() => result.current.send(QUESTION));
    expect(isInternalServerError(result.current.error)).toBe(true);
    act(() => {
      result.current.clearError();
    });
    expect(result.current.error).toBeUndefined();
    expect(result.current.status).toBe('idle');
    await act(() => result.current.retry());
    const [failed, retried] = bed.requests.filter((r) => r.method === 'POST').slice(-2);
    expect(retried!.headers.get('idempotency-key')).toMatch(/\S/);
    expect(retried!.headers.get('idempotency-key')).toBe(failed!.headers.get('idempotency-key'));
    expect(result.current.messages.map((m) => m.state)).toEqual(['done', 'done']);
  });
});

describe('useChat: a stream that dies mid-answer', () => {
  it('shows the stored answer (refetched) instead of an error', async () => {
    const { result } = renderChat();
    await act(() => result.current.send(QUESTION));
    bed.injectFault('POST', '/conversations', 'error-after=2;id=recovery');
    const holding = bed.holdNextStream();
    let sending!: Promise<void>;
    act(() => {
      sending = result.current.send(SECOND);
    });
    const stream = await act(() => holding);
    await act(() => stream.loaded);
    // The stream did die: two deltas, then an error event.
    expect(stream.events.map((e) => e.event)).toEqual(['delta', 'delta', 'error']);
    await act(() => stream.release());
    await act(() => stream.release(2));
    await act(() => sending);
    expect(result.current.error).toBeUndefined();
    expect(result.current.status).toBe('idle');
    const answer = result.current.messages.at(-1)!;
    expect(answer).toMatchObject({ role: 'assistant', state: 'done' });
    expect(answer.content).toMatch(/northern pad/);
    const stored = await new Conversations(bed.admin).retrieve(result.current.conversationId!);
    expect(answer.serverId).toBe(stored.messages.at(-1)!.id);
  });

  it('shows the error when the conversation is not known yet (the first question), and retry() gets the stored answer', async () => {
    const { result } = renderChat();
    bed.injectFault('POST', '/conversations', 'error-after=2;id=first-question');
    await act(() => result.current.send(QUESTION));
    expect(result.current.status).toBe('error');
    expect(result.current.messages.map((m) => m.state)).toEqual(['error', 'error']);
    await act(() => result.current.retry());
    expect(result.current.messages.map((m) => m.state)).toEqual(['done', 'done']);
    expect(result.current.messages[1]!.content).toContain('AZURE-7781');
    // Same Idempotency-Key: the API replayed the stored exchange instead of storing the question twice.
    const stored = await new Conversations(bed.admin).retrieve(result.current.conversationId!);
    expect(stored.messages).toHaveLength(2);
  });
});

describe('useChat: a human team member replies', () => {
  it('polls while the conversation is open and shows the reply', async () => {
    const { result } = renderChat({ poll: { interval: 100, maxInterval: 200 } });
    await act(() => result.current.send(QUESTION));
    const id = result.current.conversationId!;
    await new Conversations(bed.admin).reply(id, {
      message: 'A human here, let me check.',
      userId: ownerId,
      messageType: 'TEXT',
    });
    await waitFor(() => {
      expect(result.current.messages.at(-1)).toMatchObject({ role: 'agent', content: 'A human here, let me check.' });
    });
    expect(result.current.messages.at(-1)!.teamMember).toMatchObject({ id: ownerId });
  });

  it('backs off while nothing new arrives, up to maxInterval, and not at all while the page is hidden', async () => {
    const { result } = renderChat({ poll: { interval: 100, maxInterval: 400 } });
    await act(() => result.current.send(QUESTION));
    const id = result.current.conversationId!;
    const start = gets(id).length;
    await sleep(1_700);
    const times = gets(id)
      .slice(start)
      .map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // 100, 200, 400, 400… ms: rising, then capped.
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times.length).toBeLessThanOrEqual(7);
    expect(gaps.at(-1)!).toBeGreaterThanOrEqual(350);
    expect(gaps.at(-1)!).toBeLessThan(1_000);
    expect(gaps[0]!).toBeLessThan(gaps.at(-1)!);

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await sleep(500); // a poll already on its way may land
    const hidden = gets(id).length;
    await sleep(900);
    expect(gets(id).length).toBe(hidden);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => {
      expect(gets(id).length).toBe(hidden + 1);
    });
  });

  it('poll: false never polls', async () => {
    const { result } = renderChat({ poll: false });
    await act(() => result.current.send(QUESTION));
    await sleep(150);
    const id = result.current.conversationId!;
    const after = gets(id).length;
    await sleep(400);
    expect(gets(id).length).toBe(after);
  });
});

describe('useChat: surviving a reload', () => {
  it('keeps the conversation ID in sessionStorage (per agent) and restores the chat', async () => {
    const first = renderChat();
    await act(() => first.result.current.send(QUESTION));
    const id = first.result.current.conversationId!;
    expect(sessionStorage.getItem(`livechatai:chat:client:${agentId}`)).toBe(id);
    first.unmount();

    const again = renderChat();
    await waitFor(() => {
      expect(again.result.current.messages).toHaveLength(2);
    });
    expect(again.result.current.conversationId).toBe(id);
    expect(again.result.current.messages[1]!.content).toContain('AZURE-7781');
    await act(() => again.result.current.send(SECOND));
    expect(again.result.current.conversationId).toBe(id);

    act(() => {
      again.result.current.reset();
    });
    expect(sessionStorage.getItem(`livechatai:chat:client:${agentId}`)).toBeNull();
  });

  it('uses the storage the app gives, and none with storage: false', async () => {
    const map = new Map<string, string>();
    const storage: ChatStorage = {
      getItem: (key) => map.get(key) ?? null,
      setItem: (key, value) => map.set(key, value),
      removeItem: (key) => map.delete(key),
    };
    const first = renderChat({ storage });
    await act(() => first.result.current.send(QUESTION));
    expect([...map.values()]).toEqual([first.result.current.conversationId]);
    expect(sessionStorage.length).toBe(0);
    first.unmount();
    const restored = renderChat({ storage });
    await waitFor(() => {
      expect(restored.result.current.messages).toHaveLength(2);
    });

    const off = renderChat({ storage: false });
    await act(() => off.result.current.send(QUESTION));
    expect(sessionStorage.length).toBe(0);
    off.unmount();
    const fresh = renderChat({ storage: false });
    await sleep(100);
    expect(fresh.result.current.messages).toEqual([]);
    expect(fresh.result.current.conversationId).toBeUndefined();
  });

  it('a kept conversation that is gone starts a new chat quietly', async () => {
    sessionStorage.setItem(`livechatai:chat:client:${agentId}`, 'conv_that_does_not_exist');
    const { result } = renderChat();
    await waitFor(() => {
      expect(result.current.isLoadingHistory).toBe(false);
    });
    expect(result.current.conversationId).toBeUndefined();
    expect(result.current.historyError).toBeNull();
    expect(sessionStorage.getItem(`livechatai:chat:client:${agentId}`)).toBeNull();
  });
});
