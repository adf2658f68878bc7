// What a visitor sees: each test here names a bug useChat had, and fails on the code that had it.
import { Agents } from '@livechatai/agents';
import { DataSources } from '@livechatai/data-sources';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newQueryClient, startTestBed, wrapper, type TestBed } from '../test/helpers.js';
import { useChat } from './use-chat.js';

const QUESTION = 'What is the Falcon launch code?';
const SECOND = 'Where does Falcon launch from?';
const THIRD = 'Who reviews the Falcon telemetry?';

let bed: TestBed;
let agentId: string;

beforeAll(async () => {
  bed = await startTestBed({ streamDelayMs: 5 });
  agentId = (await new Agents(bed.admin).create({ name: 'Visitor test agent', isLiveChatEnabled: true })).id;
  await new DataSources(bed.admin).addText({
    agentId,
    title: 'Falcon',
    content:
      'The Falcon launch code is AZURE-7781. Falcon launches from the northern pad every spring. The mission team reviews the Falcon telemetry on Tuesdays.',
  });
});
afterAll(async () => {
  await bed.close();
});
afterEach(() => {
  sessionStorage.clear();
});

const posts = () =>
  bed.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/conversations'));
const renderChat = () =>
  renderHook(() => useChat({ agentId, throttleMs: 0 }), { wrapper: wrapper(bed.client, newQueryClient()) });
type Chat = ReturnType<typeof renderChat>['result'];
const questions = (result: Chat) => result.current.messages.filter((m) => m.role === 'user').map((m) => m.content);

/** Sends `text`, lets exactly one delta through, and stops the answer there. */
async function sendAndStopAfterOneDelta(result: Chat, text: string) {
  const holding = bed.holdNextStream();
  let sending!: Promise<void>;
  act(() => {
    sending = result.current.send(text);
  });
  const stream = await act(() => holding);
  await act(() => stream.release());
  act(() => {
    result.current.stop();
  });
  await act(() => sending);
  expect(result.current.messages.at(-1)).toMatchObject({ role: 'assistant', state: 'stopped' });
}

describe('useChat, as a visitor sees it', () => {
  it('after stop(), the next send shows the stopped question once and in order', async () => {
    const { result } = renderChat();
    await act(() => result.current.send(QUESTION));
    await sendAndStopAfterOneDelta(result, SECOND);
    await act(() => result.current.send(THIRD));
    // The stored conversation (fetched after the answer) holds the stopped exchange too: it must not be shown twice.
    await waitFor(() => {
      expect(bed.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);
      expect(result.current.messages.every((m) => m.state !== 'pending')).toBe(true);
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(questions(result)).toEqual([QUESTION, SECOND, THIRD]);
    expect(result.current.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('a first question stopped before its answer stays before the next one', async () => {
    const { result } = renderChat();
    await sendAndStopAfterOneDelta(result, QUESTION);
    await act(() => result.current.send(SECOND));
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(questions(result)).toEqual([QUESTION, SECOND]);
    expect(result.current.messages.at(-1)).toMatchObject({ role: 'assistant', state: 'done' });
  });

  it('reset() during a stream, then send(): the new question is sent and answered', async () => {
    const { result } = renderChat();
    const holding = bed.holdNextStream();
    act(() => {
      void result.current.send(QUESTION);
    });
    const stream = await act(() => holding);
    await act(() => stream.release());
    const before = posts().length;
    act(() => {
      result.current.reset();
    });
    await act(() => result.current.send(SECOND));
    expect(posts().length - before).toBe(1);
    expect(result.current.messages.map((m) => [m.role, m.content.slice(0, SECOND.length), m.state])).toEqual([
      ['user', SECOND, 'done'],
      ['assistant', expect.any(String), 'done'],
    ]);
    expect(result.current.status).toBe('idle');
  });

  it('message ids stay the same when the answer completes (React keeps the elements)', async () => {
    const { result } = renderChat();
    const holding = bed.holdNextStream();
    let sending!: Promise<void>;
    act(() => {
      sending = result.current.send(QUESTION);
    });
    const stream = await act(() => holding);
    await act(() => stream.release());
    await waitFor(() => {
      expect(result.current.messages.at(-1)?.state).toBe('streaming');
    });
    const whileStreaming = result.current.messages.map((m) => m.id);
    await act(() => stream.release(stream.events.length - 1));
    await act(() => sending);
    expect(result.current.messages.at(-1)).toMatchObject({ state: 'done' });
    expect(result.current.messages.map((m) => m.id)).toEqual(whileStreaming);
    await act(() => new Promise((resolve) => setTimeout(resolve, 200))); // and after the stored conversation was merged
    expect(result.current.messages.map((m) => m.id)).toEqual(whileStreaming);
  });

  it('send() while an answer runs shows the question at once (queued) and sends it after that answer', async () => {
    const { result } = renderChat();
    const holding = bed.holdNextStream();
    let first!: Promise<void>;
    act(() => {
      first = result.current.send(QUESTION);
    });
    const stream = await act(() => holding);
    await act(() => stream.release());
    const before = posts().length;
    let second!: Promise<void>;
    act(() => {
      second = result.current.send(SECOND);
    });
    expect(result.current.messages.at(-1)).toMatchObject({ role: 'user', content: SECOND, state: 'queued' });
    expect(posts().length).toBe(before);
    await act(() => stream.release(stream.events.length - 1));
    await act(() => Promise.all([first, second]));
    expect(posts().length - before).toBe(1);
    expect(questions(result)).toEqual([QUESTION, SECOND]);
    expect(result.current.messages.map((m) => [m.role, m.state])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
  });
});
