import { path } from '@livechatai/core';
import { assertNonEmptyString, assertParams, requestStream, unwrapEnvelope } from '@livechatai/core/internal';
import type {
  APIPromise,
  Conversation,
  EventStream,
  LiveChatAIClient,
  Message,
  RequestOptions,
  SendMessageParams,
  SendMessageResult,
} from '@livechatai/core';

/**
 * A streamed AI answer: iterate it for `delta`/`done` events, or read `.textStream` (text pieces in order),
 * then `.finalMessage()` (the same result as `send`). `.abort()` stops it.
 */
export type MessageStream = EventStream<SendMessageResult>;

/** Visitor messages to an AI agent (`POST /conversations`) and a conversation's messages. */
export class Messages {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Send a visitor message and wait for the whole AI answer. `POST /conversations` */
  send(params: SendMessageParams, options?: RequestOptions): APIPromise<SendMessageResult> {
    return this.#client.request<SendMessageResult>(
      { method: 'POST', path: '/conversations', body: body(params, false) },
      options,
    );
  }

  /** Send a visitor message and stream the AI answer as it is written. `POST /conversations` with `streaming: true` */
  stream(params: SendMessageParams, options?: RequestOptions): Promise<MessageStream> {
    return requestStream<SendMessageResult>(this.#client,
      { method: 'POST', path: '/conversations', body: body(params, true) },
      options,
    );
  }

  /** A conversation's messages, oldest first (read from `GET /conversations/{conversationId}`). */
  list(conversationId: string, options?: RequestOptions): APIPromise<Message[]> {
    assertNonEmptyString(conversationId, 'conversationId');
    return this.#client.request(
      {
        method: 'GET',
        path: path`/conversations/${conversationId}`,
        unwrap: (json) => (unwrapEnvelope(json) as Conversation).messages,
      },
      options,
    );
  }
}

function body(params: SendMessageParams, streaming: boolean): SendMessageParams & { streaming: boolean } {
  assertParams(params, 'agentId', 'question');
  return { ...params, streaming };
}
