'use client';
import { QueryClientContext } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import {
  InvalidParameterError,
  isLiveChatAIError,
  isNotFoundError,
  LiveChatAIError,
  type ResponseFormat,
  type SendMessageResult,
} from '@livechatai/core';
import { reconcile, type ChatMessage, type ChatMessageState } from './internal/chat-list.js';
import { clientTransport, handlerTransport, type ChatTransport } from './internal/chat-transport.js';
import { invalidateAfterMessage } from './internal/invalidate.js';
import { useOptionalLiveChatAIClient } from './provider.js';

export type { ChatMessage, ChatMessageState } from './internal/chat-list.js';

/** `idle` (ready), `submitted` (waiting for the answer to start), `streaming` (answer arriving), `error`. */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'error';

/** `retry()` or `regenerate()` while an answer is still running (`send()` queues instead). */
export class ChatBusyError extends LiveChatAIError {
  constructor() {
    super('useChat: an answer is still running; stop() it or wait for it first', 'chat_busy', false);
  }
}

/** Where `useChat` keeps the conversation ID across reloads (`sessionStorage`, `localStorage`, or your own). */
export type ChatStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Polling for a human team member's replies while the conversation is open and the page visible. */
export interface ChatPollOptions {
  /** First wait, and the wait after anything new arrived, in ms. Default 5 000. */
  interval?: number | undefined;
  /** Each quiet poll doubles the wait, up to this. Default 60 000. */
  maxInterval?: number | undefined;
}

export interface UseChatOptions {
  /** The AI agent to talk to. */
  agentId: string;
  /**
   * The chat handler's path or URL (`createChatHandler` from `@livechatai/server`), e.g. `'/api/chat'`; relative
   * paths resolve against the page's `location`. Without it, useChat uses the `LiveChatAIProvider`'s client
   * (the full-proxy mode: internal tools only).
   */
  api?: string | undefined;
  /** api mode: the `fetch` to use (default the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /** api mode: extra request headers (e.g. a CSRF token). */
  headers?: Record<string, string> | undefined;
  /** api mode: `fetch`'s `credentials` (the handler's visitor cookie). Default `'same-origin'`. */
  credentials?: RequestCredentials | undefined;
  /** Continue this conversation (its history is loaded); without it the first `send` starts a new one. */
  conversationId?: string | undefined;
  /** Client mode: associate the visitor with an existing contact (in api mode the handler decides). */
  contactId?: string | undefined;
  /** `MARKDOWN` (the API's default) or `PLAIN`. */
  responseFormat?: ResponseFormat | undefined;
  /** At most one re-render per this many milliseconds while the answer streams. Default 50. */
  throttleMs?: number | undefined;
  /** How many history messages to show at first, and how many more each `loadOlderMessages()` reveals. Default 50. */
  historyPageSize?: number | undefined;
  /** Poll for a human's replies (see `ChatPollOptions`); `false` turns it off. */
  poll?: ChatPollOptions | false | undefined;
  /**
   * Keeps the conversation ID so the chat survives a reload, under one key per agent and api. Default
   * `sessionStorage` (in a browser); `false` turns it off. A given `conversationId` wins over a kept one.
   */
  storage?: ChatStorage | false | undefined;
  /** Called with the full result after each answer. */
  onFinish?: ((result: SendMessageResult) => void) | undefined;
  /** Called when a send fails (not on `stop()`). */
  onError?: ((error: LiveChatAIError) => void) | undefined;
}

export interface UseChatResult {
  /** The stored conversation (as far as shown), then this session's messages, oldest first. */
  messages: ChatMessage[];
  status: ChatStatus;
  /** The error of the last failed send, until the next send or `clearError()`. */
  error: LiveChatAIError | undefined;
  /** The conversation: the one given or kept, or the new one created by the first answer. */
  conversationId: string | undefined;
  /** The visitor's contact, once an answer has told it. */
  contactId: string | undefined;
  /**
   * Send a visitor message and stream the answer. While another answer runs, the message is shown at once as
   * `queued` and sent after it. Resolves when its answer is complete, stopped or failed; never rejects (see `error`).
   */
  send: (text: string) => Promise<void>;
  /** Abort the answer in progress (the partial answer stays, marked `stopped`) and any queued messages. */
  stop: () => void;
  /** Send the last failed or stopped message again (same Idempotency-Key). Rejects with ChatBusyError while busy. */
  retry: () => Promise<void>;
  /** Ask the last question again for a new answer, replacing the last answer. Rejects with ChatBusyError while busy. */
  regenerate: () => Promise<void>;
  /** Replace the shown messages (e.g. to remove one); the stored conversation is not changed. */
  setMessages: (next: ChatMessage[] | ((prev: ChatMessage[]) => ChatMessage[])) => void;
  /** Forget the error (status back to `idle`). */
  clearError: () => void;
  /** Forget the conversation and this session's messages (start a new chat). */
  reset: () => void;
  isLoadingHistory: boolean;
  historyError: LiveChatAIError | null;
  /** Whether the loaded history has older messages not shown yet. */
  hasOlderMessages: boolean;
  /** Show `historyPageSize` more older messages. */
  loadOlderMessages: () => void;
}

/** One send: its shown messages and its Idempotency-Key, the same on `retry()`. */
interface Job {
  text: string;
  userId: string;
  assistantId: string;
  idempotencyKey: string;
  /** regenerate(): the question is already shown once; the server's second copy stays hidden. */
  repeat: boolean;
  generation: number;
  epoch: number;
  outcome: 'queued' | 'running' | 'done' | 'stopped' | 'error';
  settle: () => void;
  promise: Promise<void>;
}

const historyPageSizeOf = (options: UseChatOptions) => Math.max(1, options.historyPageSize ?? 50);

let localCounter = 0;
const localId = (role: string) => `local-${role}-${String(++localCounter)}`;

/** A random Idempotency-Key (getRandomValues works on plain-http pages too, unlike randomUUID). */
const newKey = () =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function toLiveChatAIError(error: unknown): LiveChatAIError {
  if (isLiveChatAIError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LiveChatAIError(`The answer stream failed: ${message}`, 'stream_error', false, { cause: error });
}

function defaultStorage(): ChatStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined; // storage disabled by the browser
  }
}

/**
 * A chat with an AI agent: history, streamed answers, optimistic visitor messages, stop, retry, human replies.
 *
 * ```tsx
 * const chat = useChat({ api: '/api/chat', agentId });
 * chat.messages.map((m) => <p key={m.id}>{m.content}</p>);
 * <button onClick={() => void chat.send(text)}>Send</button>
 * ```
 */
export function useChat(options: UseChatOptions): UseChatResult {
  const client = useOptionalLiveChatAIClient();
  const queryClient = useContext(QueryClientContext);
  if (options.api === undefined && !client) {
    throw new Error('useChat: pass { api } (your chat handler) or render it inside <LiveChatAIProvider client={…}>.');
  }

  // The latest options, read by the stable callbacks below (no stale closures).
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const transport = useMemo<ChatTransport>(
    () =>
      client && optionsRef.current.api === undefined
        ? clientTransport(client, queryClient)
        : handlerTransport(() => ({ ...optionsRef.current, api: optionsRef.current.api ?? '' })),
    [client, queryClient],
  );
  const transportRef = useRef(transport);
  transportRef.current = transport;

  const [conversationId, setConversationIdState] = useState(options.conversationId);
  const [contactId, setContactId] = useState(options.contactId);
  const [list, setListState] = useState<ChatMessage[]>([]);
  const [status, setStatus] = useState<ChatStatus>('idle');
  const [error, setError] = useState<LiveChatAIError | undefined>(undefined);
  const [visible, setVisible] = useState(() => historyPageSizeOf(options));
  const [historyLength, setHistoryLength] = useState(0);
  const [isLoadingHistory, setIsLoadingHistory] = useState(Boolean(options.conversationId));
  const [historyError, setHistoryError] = useState<LiveChatAIError | null>(null);

  const listRef = useRef(list);
  const conversationIdRef = useRef(conversationId);
  const contactIdRef = useRef(contactId);
  /** Server IDs the app (setMessages) or regenerate() took out of the list: a refetch does not bring them back. */
  const hiddenRef = useRef(new Set<string>());
  /** Bumped by reset() and a new conversation: work of an older generation changes nothing any more. */
  const generationRef = useRef(0);
  /** Bumped each time React tears the effects down (StrictMode's rehearsal, Activity, unmount). */
  const epochRef = useRef(0);
  const queueRef = useRef<Job[]>([]);
  const runningRef = useRef<Job | undefined>(undefined);
  const lastJobRef = useRef<Job | undefined>(undefined);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const pollDelayRef = useRef(0);
  const mountedRef = useRef(false);

  const storageKey = `livechatai:chat:${options.api ?? 'client'}:${options.agentId}`;
  const storageOf = () => {
    const { storage } = optionsRef.current;
    return storage === false ? undefined : (storage ?? defaultStorage());
  };

  const setList = useCallback((change: (prev: ChatMessage[]) => ChatMessage[]) => {
    listRef.current = change(listRef.current);
    setListState(listRef.current);
  }, []);
  const patch = useCallback(
    (id: string, change: Partial<ChatMessage>) => {
      setList((prev) => prev.map((m) => (m.id === id ? { ...m, ...change } : m)));
    },
    [setList],
  );
  const setConversationId = useCallback((id: string | undefined) => {
    conversationIdRef.current = id;
    setConversationIdState(id);
  }, []);

  // Abort the request when the component really unmounts. StrictMode unmounts and remounts once in
  // development; the check runs after that remount, so a send started on mount is not cut off.
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      epochRef.current++;
      setTimeout(() => {
        if (!mountedRef.current) abortRef.current?.abort();
      }, 0);
    };
  }, []);

  /**
   * Fetches the stored conversation and merges it into the list. Resolves whether anything new appeared
   * (false when it failed or the conversation changed meanwhile).
   */
  const refresh = useCallback(
    async (id: string): Promise<boolean> => {
      const generation = generationRef.current;
      const stored = await transportRef.current.load(id);
      if (generation !== generationRef.current || id !== conversationIdRef.current) return false;
      const before = listRef.current;
      setList((prev) => reconcile(prev, stored, hiddenRef.current));
      return (
        listRef.current.length !== before.length || listRef.current.some((m, i) => m.content !== before[i]?.content)
      );
    },
    [setList],
  );

  /** Starts over, with another conversation (loading its history) or none. */
  const startOver = useCallback(
    (nextConversationId: string | undefined, kept = false) => {
      generationRef.current++;
      abortRef.current?.abort();
      for (const job of [...queueRef.current, ...(runningRef.current ? [runningRef.current] : [])]) job.settle();
      queueRef.current = [];
      runningRef.current = undefined;
      lastJobRef.current = undefined;
      hiddenRef.current = new Set();
      contactIdRef.current = optionsRef.current.contactId;
      setConversationId(nextConversationId);
      setContactId(optionsRef.current.contactId);
      setList(() => []);
      setStatus('idle');
      setError(undefined);
      setHistoryError(null);
      setHistoryLength(0);
      setVisible(historyPageSizeOf(optionsRef.current));
      setIsLoadingHistory(Boolean(nextConversationId));
      if (!nextConversationId) return;
      const generation = generationRef.current;
      void transportRef.current.load(nextConversationId).then(
        (stored) => {
          if (generation !== generationRef.current) return;
          setList((prev) => reconcile(prev, stored, hiddenRef.current));
          setHistoryLength(stored.length);
          setIsLoadingHistory(false);
        },
        (caught: unknown) => {
          if (generation !== generationRef.current) return;
          const err = toLiveChatAIError(caught);
          if (kept && isNotFoundError(err)) {
            // A kept ID that is no longer this visitor's (cookie gone, conversation deleted): a new chat.
            storageOf()?.removeItem(storageKey);
            setConversationId(undefined);
          } else setHistoryError(err);
          setIsLoadingHistory(false);
        },
      );
    },
    [setConversationId, setList, storageKey],
  );

  // The given conversation (or the kept one) on mount, and whenever the caller gives another conversation or
  // agent. The ID this hook created itself, passed back by the caller, is not a change.
  const givenKey = `${storageKey}\u0000${options.conversationId ?? ''}`;
  const givenKeyRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (givenKeyRef.current === givenKey) return;
    givenKeyRef.current = givenKey;
    const given = optionsRef.current.conversationId;
    if (given !== undefined && given === conversationIdRef.current && listRef.current.length > 0) return;
    const kept = given === undefined ? (storageOf()?.getItem(storageKey) ?? undefined) : undefined;
    startOver(given ?? kept, kept !== undefined);
  }, [givenKey, startOver]);

  const run = useCallback(
    async (job: Job): Promise<void> => {
      const { agentId, responseFormat, throttleMs = 50 } = optionsRef.current;
      const current = () => job.generation === generationRef.current;
      job.outcome = 'running';
      const controller = new AbortController();
      abortRef.current = controller;
      setError(undefined);
      setStatus('submitted');
      patch(job.userId, { state: 'pending' });
      pollDelayRef.current = 0;

      const base = { serverId: undefined, links: [], sources: [], teamMember: null };
      let answer = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      let started = false;
      const flush = () => {
        timer = undefined;
        if (current()) patch(job.assistantId, { content: answer });
      };

      try {
        const stream = await transportRef.current.send(
          {
            agentId,
            question: job.text,
            conversationId: conversationIdRef.current,
            contactId: contactIdRef.current,
            responseFormat,
            idempotencyKey: job.idempotencyKey,
          },
          controller.signal,
        );
        if (!current()) return;
        for await (const delta of stream.textStream) {
          if (!started) {
            started = true;
            setStatus('streaming');
            const assistant: ChatMessage = {
              ...base,
              id: job.assistantId,
              role: 'assistant',
              content: '',
              state: 'streaming',
              createdAt: new Date().toISOString(),
            };
            setList((prev) => {
              const at = prev.findIndex((m) => m.id === job.userId);
              return [...prev.slice(0, at + 1), assistant, ...prev.slice(at + 1)];
            });
          }
          answer += delta;
          timer ??= setTimeout(flush, throttleMs);
        }
        const result = await stream.finalMessage();
        clearTimeout(timer);
        if (!current()) return;
        job.outcome = 'done';
        if (job.repeat) hiddenRef.current.add(result.messageId);
        patch(job.userId, job.repeat ? { state: 'done' } : { serverId: result.messageId, state: 'done' });
        patch(job.assistantId, {
          serverId: result.responseMessageId,
          content: result.response,
          links: result.links,
          state: 'done',
        });
        contactIdRef.current = result.contactId;
        setConversationId(result.conversationId);
        setContactId(result.contactId);
        storageOf()?.setItem(storageKey, result.conversationId);
        setStatus('idle');
        if (queryClient && optionsRef.current.api === undefined) {
          // The conversation, the agent's lists, analytics and suggestions changed.
          void invalidateAfterMessage(queryClient, result.conversationId, agentId, ['aiSuggestions', 'contacts']);
        }
        optionsRef.current.onFinish?.(result);
        // Sources of the answer, and a human's reply written meanwhile.
        void refresh(result.conversationId).catch(() => undefined);
      } catch (caught) {
        clearTimeout(timer);
        if (!current()) return;
        const stopped = controller.signal.aborted;
        job.outcome = stopped ? 'stopped' : 'error';
        const state: ChatMessageState = stopped ? 'stopped' : 'error';
        patch(job.userId, { state });
        if (started) patch(job.assistantId, { content: answer, state });
        if (stopped) {
          setStatus('idle');
          return;
        }
        const err = toLiveChatAIError(caught);
        // The stream died, not the answer: it is stored with the conversation. Show the stored one.
        const id = conversationIdRef.current;
        if (started && id) {
          await refresh(id).catch(() => false);
          const recovered = listRef.current.find((m) => m.id === job.assistantId)?.state === 'done';
          if (!current()) return;
          if (recovered) {
            job.outcome = 'done';
            setStatus('idle');
            return;
          }
        }
        setError(err);
        setStatus('error');
        optionsRef.current.onError?.(err);
      } finally {
        if (abortRef.current === controller) abortRef.current = undefined;
      }
    },
    [patch, queryClient, refresh, setConversationId, setList, storageKey],
  );

  /** Runs the queued sends one after the other. */
  const pump = useCallback(() => {
    if (runningRef.current) return;
    const job = queueRef.current.shift();
    if (!job) return;
    runningRef.current = job;
    void run(job).finally(() => {
      job.settle();
      if (runningRef.current === job) runningRef.current = undefined;
      pump();
    });
  }, [run]);

  const enqueue = useCallback(
    (job: Omit<Job, 'generation' | 'epoch' | 'outcome' | 'settle' | 'promise'>): Job => {
      let settle!: () => void;
      const promise = new Promise<void>((resolve) => {
        settle = resolve;
      });
      const queued: Job = {
        ...job,
        generation: generationRef.current,
        epoch: epochRef.current,
        outcome: 'queued',
        settle,
        promise,
      };
      queueRef.current.push(queued);
      lastJobRef.current = queued;
      pump();
      return queued;
    },
    [pump],
  );

  const send = useCallback(
    (text: string): Promise<void> => {
      if (text.trim() === '') {
        setError(new InvalidParameterError('text', 'must be a non-empty string'));
        setStatus('error');
        return Promise.resolve();
      }
      // React re-running the effects (StrictMode's rehearsal in development, Activity) replays an effect's
      // send of the same text while the first is still unanswered: that is the same send, not a second one.
      const last = lastJobRef.current;
      if (
        last?.text === text &&
        last.epoch !== epochRef.current &&
        (last.outcome === 'queued' || last.outcome === 'running')
      ) {
        return last.promise;
      }
      const userId = localId('user');
      const busy = Boolean(runningRef.current) || queueRef.current.length > 0;
      const user: ChatMessage = {
        id: userId,
        serverId: undefined,
        role: 'user',
        content: text,
        state: busy ? 'queued' : 'pending',
        links: [],
        sources: [],
        teamMember: null,
        createdAt: new Date().toISOString(),
      };
      setList((prev) => [...prev, user]);
      return enqueue({ text, userId, assistantId: localId('assistant'), idempotencyKey: newKey(), repeat: false })
        .promise;
    },
    [enqueue, setList],
  );

  const isBusy = () => Boolean(runningRef.current) || queueRef.current.length > 0;

  const stop = useCallback(() => {
    for (const job of queueRef.current) {
      job.outcome = 'stopped';
      patch(job.userId, { state: 'stopped' });
      job.settle();
    }
    queueRef.current = [];
    abortRef.current?.abort();
  }, [patch]);

  const retry = useCallback(async () => {
    const last = lastJobRef.current;
    if (isBusy()) throw new ChatBusyError();
    if (!last || (last.outcome !== 'error' && last.outcome !== 'stopped')) return;
    setList((prev) =>
      prev.filter((m) => m.id !== last.assistantId).map((m) => (m.id === last.userId ? { ...m, state: 'pending' } : m)),
    );
    await enqueue({ ...last }).promise;
  }, [enqueue, setList]);

  const regenerate = useCallback(async () => {
    if (isBusy()) throw new ChatBusyError();
    const shown = listRef.current;
    const answerAt = shown.map((m) => m.role).lastIndexOf('assistant');
    const question = shown
      .slice(0, Math.max(0, answerAt))
      .filter((m) => m.role === 'user')
      .at(-1);
    const answer = shown[answerAt];
    if (!answer || !question) throw new InvalidParameterError('regenerate', 'there is no answer to regenerate');
    if (answer.serverId) hiddenRef.current.add(answer.serverId);
    setList((prev) => prev.filter((m) => m.id !== answer.id));
    await enqueue({
      text: question.content,
      userId: question.id,
      assistantId: localId('assistant'),
      idempotencyKey: newKey(),
      repeat: true,
    }).promise;
  }, [enqueue, setList]);

  const setMessages = useCallback(
    (next: ChatMessage[] | ((prev: ChatMessage[]) => ChatMessage[])) => {
      setList((prev) => {
        const value = typeof next === 'function' ? next(prev) : next;
        const kept = new Set(value.map((m) => m.serverId));
        for (const m of prev) if (m.serverId && !kept.has(m.serverId)) hiddenRef.current.add(m.serverId);
        return value;
      });
    },
    [setList],
  );

  const clearError = useCallback(() => {
    setError(undefined);
    setStatus((s) => (s === 'error' ? 'idle' : s));
  }, []);

  // A human team member's reply: poll the stored conversation while it is open and the page visible, waiting
  // `interval` after anything new and doubling the wait after each quiet poll, up to `maxInterval`.
  const pollOption = options.poll === false ? undefined : (options.poll ?? {});
  const polling = pollOption !== undefined;
  const minDelay = Math.max(100, pollOption?.interval ?? 5_000);
  const maxDelay = Math.max(minDelay, pollOption?.maxInterval ?? 60_000);
  useEffect(() => {
    if (!conversationId || !polling || typeof document === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    pollDelayRef.current = minDelay;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void tick(), pollDelayRef.current || minDelay);
    };
    const tick = async () => {
      if (document.visibilityState === 'visible' && !isBusy()) {
        const changed = await refresh(conversationId).catch(() => false);
        if (cancelled) return;
        pollDelayRef.current = changed ? minDelay : Math.min(maxDelay, (pollDelayRef.current || minDelay) * 2);
      }
      schedule();
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      pollDelayRef.current = minDelay;
      void tick();
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [conversationId, polling, minDelay, maxDelay, refresh]);

  const loadOlderMessages = useCallback(() => {
    setVisible((count) => count + historyPageSizeOf(optionsRef.current));
  }, []);

  const olderHidden = Math.max(0, historyLength - visible);
  const messages = useMemo(() => (olderHidden ? list.slice(olderHidden) : list), [list, olderHidden]);

  return {
    messages,
    status,
    error,
    conversationId,
    contactId,
    send,
    stop,
    retry,
    regenerate,
    setMessages,
    clearError,
    reset: useCallback(() => {
      storageOf()?.removeItem(storageKey);
      startOver(undefined);
    }, [startOver, storageKey]),
    isLoadingHistory,
    historyError,
    hasOlderMessages: olderHidden > 0,
    loadOlderMessages,
  };
}
