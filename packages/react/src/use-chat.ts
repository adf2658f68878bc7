'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  InvalidParameterError,
  isLiveChatAIError,
  LiveChatAIError,
  type Message,
  type MessageLink,
  type MessageSource,
  type ResponseFormat,
  type SendMessageResult,
  type TeamMember,
} from '@livechatai/core';
import { invalidateAfterMessage } from './internal/invalidate.js';
import { messagesOf } from './internal/resources.js';
import { useLiveChatAIClient } from './provider.js';
import { conversationQueryOptions } from './query-options.js';

/** `idle` (ready), `submitted` (waiting for the answer to start), `streaming` (answer arriving), `error`. */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'error';

/**
 * State of one message: `pending` (visitor message not yet confirmed by the server), `streaming`, `done`,
 * `stopped` (cut short by `stop()`), `error` (its request failed).
 */
export type ChatMessageState = 'pending' | 'streaming' | 'done' | 'stopped' | 'error';

/** A message as `useChat` shows it: the visitor (`user`), the AI (`assistant`) or a human team member (`agent`). */
export interface ChatMessage {
  /** The server's message ID once known; a local `local-…` ID before. */
  id: string;
  role: 'user' | 'assistant' | 'agent';
  content: string;
  state: ChatMessageState;
  /** The links (knowledge sources with a URL) behind an AI answer. */
  links: MessageLink[];
  /** Knowledge sources behind an AI answer, from the stored conversation (empty while streaming). */
  sources: MessageSource[];
  /** The human team member who wrote it, for `agent` messages. */
  teamMember: TeamMember | null;
  createdAt: string;
}

export interface UseChatOptions {
  /** The AI agent to talk to. */
  agentId: string;
  /** Continue this conversation (its history is loaded); without it the first `send` starts a new one. */
  conversationId?: string | undefined;
  /** Associate the visitor with an existing contact. */
  contactId?: string | undefined;
  /** `MARKDOWN` (the API's default) or `PLAIN`. */
  responseFormat?: ResponseFormat | undefined;
  /** At most one re-render per this many milliseconds while the answer streams. Default 50. */
  throttleMs?: number | undefined;
  /** How many history messages to show at first, and how many more each `loadOlderMessages()` reveals. Default 50. */
  historyPageSize?: number | undefined;
  /** Called with the full result after each answer. */
  onFinish?: ((result: SendMessageResult) => void) | undefined;
  /** Called when a send fails (not on `stop()`). */
  onError?: ((error: LiveChatAIError) => void) | undefined;
}

export interface UseChatResult {
  /** History (when a conversation is loaded), then this session's messages, oldest first. */
  messages: ChatMessage[];
  status: ChatStatus;
  /** The error of the last failed send, until the next send. */
  error: LiveChatAIError | undefined;
  /** The conversation: the one given, or the new one created by the first answer. */
  conversationId: string | undefined;
  /** The visitor's contact, once an answer has told it. */
  contactId: string | undefined;
  /**
   * Send a visitor message and stream the answer. While a send is in progress, further calls are ignored
   * (one request at a time; this is also what keeps StrictMode's double effects from sending twice).
   * Resolves when the answer is complete, stopped or failed; never rejects (see `error`).
   */
  send: (text: string) => Promise<void>;
  /** Abort the request in progress; the partial answer stays, marked `stopped`. */
  stop: () => void;
  /** Send the last failed or stopped message again, replacing the failed attempt. */
  retry: () => Promise<void>;
  /** Forget the conversation and this session's messages (start a new chat). */
  reset: () => void;
  isLoadingHistory: boolean;
  historyError: LiveChatAIError | null;
  /** Whether the loaded history has older messages not shown yet. */
  hasOlderMessages: boolean;
  /** Show `historyPageSize` more older messages. */
  loadOlderMessages: () => void;
}

interface Attempt {
  text: string;
  userId: string;
  assistantId: string;
  outcome: 'running' | 'done' | 'stopped' | 'error';
}

const historyPageSizeOf = (options: UseChatOptions) => Math.max(1, options.historyPageSize ?? 50);

let localCounter = 0;
const localId = (role: string) => `local-${role}-${String(++localCounter)}`;

function toChatMessage(message: Message): ChatMessage {
  const role = message.role === 'user' ? 'user' : message.role === 'agent' || message.agent ? 'agent' : 'assistant';
  return {
    id: message.id,
    role,
    content: message.content,
    state: 'done',
    links: message.source.flatMap((s) => (s.link ? [{ link: s.link, type: s.type }] : [])),
    sources: message.source,
    teamMember: message.agent,
    createdAt: message.createdAt,
  };
}

function toLiveChatAIError(error: unknown): LiveChatAIError {
  if (isLiveChatAIError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LiveChatAIError(`The answer stream failed: ${message}`, 'stream_error', false, { cause: error });
}

/**
 * A chat with an AI agent: history, streamed answers, optimistic visitor messages, stop, retry.
 *
 * ```tsx
 * const chat = useChat({ agentId });
 * chat.messages.map((m) => <p key={m.id}>{m.content}</p>);
 * <button onClick={() => void chat.send(text)} disabled={chat.status !== 'idle'}>Send</button>
 * ```
 */
export function useChat(options: UseChatOptions): UseChatResult {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();

  // The latest options, read by the stable callbacks below (no stale closures).
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const [conversationId, setConversationId] = useState(options.conversationId);
  const [contactId, setContactId] = useState(options.contactId);
  const [local, setLocal] = useState<ChatMessage[]>([]);
  const [status, setStatus] = useState<ChatStatus>('idle');
  const [error, setError] = useState<LiveChatAIError | undefined>(undefined);
  const [visible, setVisible] = useState(() => historyPageSizeOf(options));

  const conversationIdRef = useRef(conversationId);
  const contactIdRef = useRef(contactId);
  const busyRef = useRef(false);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const attemptRef = useRef<Attempt | undefined>(undefined);
  const mountedRef = useRef(false);

  // Abort the request when the component really unmounts. StrictMode unmounts and remounts once in
  // development; the check runs after that remount, so a send started on mount is not cut off.
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      setTimeout(() => {
        if (!mountedRef.current) abortRef.current?.abort();
      }, 0);
    };
  }, []);

  const reset = useCallback((nextConversationId?: string) => {
    abortRef.current?.abort();
    conversationIdRef.current = nextConversationId;
    contactIdRef.current = optionsRef.current.contactId;
    attemptRef.current = undefined;
    setConversationId(nextConversationId);
    setContactId(optionsRef.current.contactId);
    setLocal([]);
    setStatus('idle');
    setError(undefined);
    setVisible(historyPageSizeOf(optionsRef.current));
  }, []);

  // Another conversation (or agent) given by the caller: start over with it. The ID this hook created
  // itself, passed back by the caller, is not a change.
  const givenKey = `${options.agentId}\u0000${options.conversationId ?? ''}`;
  const givenKeyRef = useRef(givenKey);
  useEffect(() => {
    if (givenKeyRef.current === givenKey) return;
    givenKeyRef.current = givenKey;
    if (options.conversationId !== undefined && options.conversationId === conversationIdRef.current) return;
    reset(options.conversationId);
  }, [givenKey, options.conversationId, reset]);

  const history = useQuery({
    ...conversationQueryOptions(client, conversationId ?? ''),
    enabled: Boolean(conversationId),
  });

  const send = useCallback(
    async (text: string): Promise<void> => {
      if (busyRef.current) return;
      const { agentId, responseFormat, throttleMs = 50 } = optionsRef.current;
      if (text.trim() === '') {
        setError(new InvalidParameterError('text', 'must be a non-empty string'));
        setStatus('error');
        return;
      }
      busyRef.current = true;
      const controller = new AbortController();
      abortRef.current = controller;
      const attempt: Attempt = { text, userId: localId('user'), assistantId: localId('assistant'), outcome: 'running' };
      attemptRef.current = attempt;
      const now = new Date().toISOString();
      const base = { links: [], sources: [], teamMember: null, createdAt: now };
      setError(undefined);
      setStatus('submitted');
      setLocal((prev) => [...prev, { ...base, id: attempt.userId, role: 'user', content: text, state: 'pending' }]);

      const patch = (id: string, change: Partial<ChatMessage>) => {
        setLocal((prev) => prev.map((m) => (m.id === id ? { ...m, ...change } : m)));
      };
      let answer = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      let started = false;
      const flush = () => {
        timer = undefined;
        patch(attempt.assistantId, { content: answer });
      };

      try {
        const stream = await messagesOf(client).stream(
          {
            agentId,
            question: text,
            ...(conversationIdRef.current ? { conversationId: conversationIdRef.current } : {}),
            ...(contactIdRef.current ? { contactId: contactIdRef.current } : {}),
            ...(responseFormat ? { responseFormat } : {}),
          },
          { signal: controller.signal },
        );
        started = true;
        setStatus('streaming');
        setLocal((prev) => [...prev, { ...base, id: attempt.assistantId, role: 'assistant', content: '', state: 'streaming' }]);
        for await (const delta of stream.textStream) {
          answer += delta;
          timer ??= setTimeout(flush, throttleMs);
        }
        const result = await stream.finalMessage();
        clearTimeout(timer);
        attempt.outcome = 'done';
        conversationIdRef.current = result.conversationId;
        contactIdRef.current = result.contactId;
        setConversationId(result.conversationId);
        setContactId(result.contactId);
        setLocal((prev) =>
          prev.map((m) => {
            if (m.id === attempt.userId) return { ...m, id: result.messageId, state: 'done' };
            if (m.id === attempt.assistantId) {
              return { ...m, id: result.responseMessageId, content: result.response, links: result.links, state: 'done' };
            }
            return m;
          }),
        );
        setStatus('idle');
        // The conversation (now with both messages), the agent's lists, analytics and suggestions changed.
        void invalidateAfterMessage(queryClient, result.conversationId, agentId, ['aiSuggestions', 'contacts']);
        optionsRef.current.onFinish?.(result);
      } catch (caught) {
        clearTimeout(timer);
        const stopped = controller.signal.aborted;
        attempt.outcome = stopped ? 'stopped' : 'error';
        const state: ChatMessageState = stopped ? 'stopped' : 'error';
        patch(attempt.userId, { state });
        if (started) patch(attempt.assistantId, { content: answer, state });
        if (stopped) {
          setStatus('idle');
        } else {
          const err = toLiveChatAIError(caught);
          setError(err);
          setStatus('error');
          optionsRef.current.onError?.(err);
        }
      } finally {
        busyRef.current = false;
        if (abortRef.current === controller) abortRef.current = undefined;
      }
    },
    [client, queryClient],
  );

  const stop = useCallback(() => {
    abortRef.current?.abort();
  }, []);

  const retry = useCallback(async () => {
    const attempt = attemptRef.current;
    if (busyRef.current || !attempt || (attempt.outcome !== 'error' && attempt.outcome !== 'stopped')) return;
    setLocal((prev) => prev.filter((m) => m.id !== attempt.userId && m.id !== attempt.assistantId));
    await send(attempt.text);
  }, [send]);

  const loadOlderMessages = useCallback(() => {
    setVisible((count) => count + historyPageSizeOf(optionsRef.current));
  }, []);

  const historyMessages = history.data?.messages;
  const messages = useMemo(() => {
    const stored = (historyMessages ?? []).map(toChatMessage);
    const storedIds = new Set(stored.map((m) => m.id));
    const shown = stored.slice(Math.max(0, stored.length - visible));
    return [...shown, ...local.filter((m) => !storedIds.has(m.id))];
  }, [historyMessages, local, visible]);

  return {
    messages,
    status,
    error,
    conversationId,
    contactId,
    send,
    stop,
    retry,
    reset: useCallback(() => {
      reset(undefined);
    }, [reset]),
    isLoadingHistory: history.isLoading,
    historyError: history.error,
    hasOlderMessages: (historyMessages?.length ?? 0) > visible,
    loadOlderMessages,
  };
}
