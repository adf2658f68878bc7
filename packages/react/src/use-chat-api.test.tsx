// useChat({ api }): the browser talks only to the chat handler, over real HTTP; no provider of any kind.
import { Agents } from '@livechatai/agents';
import { Conversations } from '@livechatai/conversations';
import { DataSources } from '@livechatai/data-sources';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cookieFetch, startChatHandler, type ChatHandlerServer } from '../test/chat-handler.js';
import { startTestBed, type TestBed } from '../test/helpers.js';
import { useChat, type UseChatOptions } from './index.js';

const QUESTION = 'What is the Falcon launch code?';
const SECOND = 'Where does Falcon launch from?';

let bed: TestBed;
let handler: ChatHandlerServer;
let agentId: string;

beforeAll(async () => {
  bed = await startTestBed({ streamDelayMs: 5 });
  agentId = (await new Agents(bed.admin).create({ name: 'Widget agent', isLiveChatEnabled: true })).id;
  handler = await startChatHandler(bed.emulator, agentId);
  await new DataSources(bed.admin).addText({
    agentId,
    title: 'Falcon',
    content: 'The Falcon launch code is AZURE-7781. Falcon launches from the northern pad every spring.',
  });
});
afterAll(async () => {
  await handler.close();
  await bed.close();
});
afterEach(() => {
  sessionStorage.clear();
});

const posts = () => handler.received.filter((r) => r.method === 'POST');

/** No wrapper at all: api mode needs neither LiveChatAIProvider nor QueryClientProvider. */
const renderWidget = (options: Partial<UseChatOptions> = {}) =>
  renderHook(() => useChat({ api: handler.url, agentId, fetch: visitorFetch, throttleMs: 0, poll: false, ...options }));
let visitorFetch = cookieFetch();

describe('useChat({ api }) over the chat handler', () => {
  it('sends per the contract, streams the answer, continues the conversation and restores it after a reload', async () => {
    visitorFetch = cookieFetch();
    const first = renderWidget();
    await act(() => first.result.current.send(QUESTION));
    expect(first.result.current.error).toBeUndefined();
    expect(first.result.current.messages.map((m) => [m.role, m.state])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
    expect(first.result.current.messages[1]!.content).toContain('AZURE-7781');
    const sent = posts().at(-1)!;
    expect(sent.body).toEqual({ agentId, question: QUESTION });
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.accept).toBe('text/event-stream');
    expect(sent.headers['idempotency-key']).toMatch(/^[A-Za-z0-9._:-]{16,200}$/);

    const id = first.result.current.conversationId!;
    await act(() => first.result.current.send(SECOND));
    expect(posts().at(-1)!.body).toEqual({ agentId, question: SECOND, conversationId: id });
    expect(sessionStorage.getItem(`livechatai:chat:${handler.url}:${agentId}`)).toBe(id);
    first.unmount();

    // A reload: the kept conversation comes back through the handler's GET (with the visitor's cookie).
    const again = renderWidget();
    await waitFor(() => {
      expect(again.result.current.messages).toHaveLength(4);
    });
    expect(again.result.current.conversationId).toBe(id);
    expect(handler.received.at(-1)!.method).toBe('GET');
    const stored = await new Conversations(bed.admin).retrieve(id);
    expect(again.result.current.messages.map((m) => m.serverId)).toEqual(stored.messages.map((m) => m.id));
  });

  it('another visitor (no cookie) cannot restore the conversation: the kept id is dropped, a new chat starts', async () => {
    visitorFetch = cookieFetch();
    const first = renderWidget();
    await act(() => first.result.current.send(QUESTION));
    first.unmount();
    visitorFetch = cookieFetch(); // another browser, same sessionStorage
    const other = renderWidget();
    await waitFor(() => {
      expect(other.result.current.isLoadingHistory).toBe(false);
    });
    expect(other.result.current.conversationId).toBeUndefined();
    expect(other.result.current.messages).toEqual([]);
    expect(other.result.current.historyError).toBeNull();
  });

  it('resolves a relative api against location and sends credentials: same-origin by default', async () => {
    visitorFetch = cookieFetch();
    const seen: { url: string; credentials: RequestCredentials | undefined }[] = [];
    const toHandler: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      seen.push({ url, credentials: init?.credentials });
      return visitorFetch(url.replace(location.origin, new URL(handler.url).origin), init);
    };
    const { result } = renderHook(() => useChat({ api: '/api/chat', agentId, fetch: toHandler, poll: false }));
    await act(() => result.current.send(QUESTION));
    expect(result.current.messages.at(-1)).toMatchObject({ role: 'assistant', state: 'done' });
    expect(seen[0]).toEqual({ url: `${location.origin}/api/chat`, credentials: 'same-origin' });
  });

  it('a handler error before the stream is a typed error; retry() reuses the Idempotency-Key', async () => {
    visitorFetch = cookieFetch();
    const { result } = renderWidget();
    handler.injectFault('status=429;retry-after=3;id=api-429');
    await act(() => result.current.send(QUESTION));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ name: 'RateLimitError', status: 429 });
    const failedKey = posts().at(-1)!.headers['idempotency-key'];
    await act(() => result.current.retry());
    expect(posts().at(-1)!.headers['idempotency-key']).toBe(failedKey);
    expect(result.current.messages.map((m) => m.state)).toEqual(['done', 'done']);
  });

  it('a stream that dies mid-answer (error event) shows the stored answer, refetched through the GET', async () => {
    visitorFetch = cookieFetch();
    const { result } = renderWidget();
    await act(() => result.current.send(QUESTION));
    handler.injectFault('error-after=2;id=api-mid-stream');
    await act(() => result.current.send(SECOND));
    expect(result.current.error).toBeUndefined();
    expect(result.current.messages.at(-1)).toMatchObject({ role: 'assistant', state: 'done' });
    expect(result.current.messages.at(-1)!.content).toContain('northern pad');
    expect(handler.received.at(-1)!.method).toBe('GET');
  });
});
