import type { QueryClient } from '@tanstack/react-query';
import {
  APIConnectionError,
  EventStream,
  isLiveChatAIError,
  type LiveChatAIClient,
  type Message,
  type ResponseFormat,
  type SendMessageResult,
} from '@livechatai/core';
import { conversationQueryOptions } from '../query-options.js';
import { conversationsOf, messagesOf } from './resources.js';

export interface ChatSend {
  agentId: string;
  question: string;
  conversationId: string | undefined;
  contactId: string | undefined;
  responseFormat: ResponseFormat | undefined;
  idempotencyKey: string;
}

/** How `useChat` reaches the API: through the chat handler (`api`), or through a client (internal tools). */
export interface ChatTransport {
  send: (input: ChatSend, signal: AbortSignal) => Promise<EventStream<SendMessageResult>>;
  /** The stored conversation's messages, oldest first. */
  load: (conversationId: string) => Promise<Message[]>;
}

export interface HandlerTransportOptions {
  api: string;
  fetch?: typeof globalThis.fetch | undefined;
  headers?: Record<string, string> | undefined;
  credentials?: RequestCredentials | undefined;
}

/** `api` resolved against the page's address (a relative path needs a `location`, i.e. a browser). */
const endpoint = (api: string) => new URL(api, (globalThis as { location?: { href: string } }).location?.href);

/** A failed fetch (network down, CORS) as the SDK's typed connection error; an abort stays an abort. */
async function fetchOrConnectionError(doFetch: () => Promise<Response>): Promise<Response> {
  try {
    return await doFetch();
  } catch (error) {
    if (isLiveChatAIError(error) || (error instanceof Error && error.name === 'AbortError')) throw error;
    throw new APIConnectionError('unknown', { cause: error });
  }
}

/** Talks to `createChatHandler` (from `@livechatai/server`) at `api` per its wire contract. */
export function handlerTransport(options: () => HandlerTransportOptions): ChatTransport {
  const request = (url: URL, init: RequestInit, own: Record<string, string>) => {
    const { fetch: customFetch, headers, credentials = 'same-origin' } = options();
    const doFetch = customFetch ?? globalThis.fetch;
    return fetchOrConnectionError(() => doFetch(url.href, { ...init, credentials, headers: { ...headers, ...own } }));
  };
  return {
    send: async ({ agentId, question, conversationId, responseFormat, idempotencyKey }, signal) => {
      const response = await request(
        endpoint(options().api),
        { method: 'POST', signal, body: JSON.stringify({ agentId, question, conversationId, responseFormat }) },
        { 'content-type': 'application/json', accept: 'text/event-stream', 'idempotency-key': idempotencyKey },
      );
      return EventStream.fromResponse<SendMessageResult>(response, { signal });
    },
    load: async (conversationId) => {
      const url = endpoint(options().api);
      url.searchParams.set('conversationId', conversationId);
      const response = await request(url, { method: 'GET' }, { accept: 'application/json' });
      // A JSON body is one `done` event to EventStream: the envelope's data, or the handler's typed error.
      const data = await EventStream.fromResponse<{ messages: Message[] }>(response).finalMessage();
      return data.messages;
    },
  };
}

/** Talks to the API through a client (the full-proxy mode, for internal tools). */
export function clientTransport(client: LiveChatAIClient, queryClient: QueryClient | undefined): ChatTransport {
  return {
    send: ({ agentId, question, conversationId, contactId, responseFormat, idempotencyKey }, signal) =>
      messagesOf(client).stream(
        {
          agentId,
          question,
          ...(conversationId ? { conversationId } : {}),
          ...(contactId ? { contactId } : {}),
          ...(responseFormat ? { responseFormat } : {}),
        },
        { signal, idempotencyKey },
      ),
    // Through the query cache when there is one, so useConversation(id) elsewhere sees the same data.
    load: async (conversationId) =>
      (queryClient
        ? await queryClient.query({ ...conversationQueryOptions(client, conversationId), staleTime: 0 })
        : await conversationsOf(client).retrieve(conversationId)
      ).messages,
  };
}
