import { path } from '@livechatai/core';
import {
  assertNonEmptyString,
  assertOptionalFields,
  assertParams,
  assertString,
  oneOf,
  request,
  requestStream,
  unwrapEnvelope,
} from '@livechatai/core/internal';
import type {
  APIPromise,
  Conversation,
  EventStream,
  LiveChatAIClient,
  Message,
  MessageType,
  RequestOptions,
  ResponseFormat,
  SendMessageIntegrationType,
  SendMessageParams,
  SendMessageResult,
} from '@livechatai/core';

/**
 * A streamed AI answer: iterate it for `delta`/`done` events, or read `.textStream` (text pieces in order),
 * then `.finalMessage()` (the same result as `send`). `.abort()` stops it.
 */
export type MessageStream = EventStream<SendMessageResult>;

const MESSAGE_TYPES = ['TEXT', 'IMAGE'] as const satisfies readonly MessageType[];
const RESPONSE_FORMATS = ['MARKDOWN', 'PLAIN'] as const satisfies readonly ResponseFormat[];
const INTEGRATION_TYPES = ['WHATSAPP', 'SLACK'] as const satisfies readonly SendMessageIntegrationType[];

/**
 * Visitor messages to an AI agent (`POST /conversations`) and a conversation's messages. Bad input rejects the
 * returned promise with InvalidParameterError before any request; no method throws.
 */
export class Messages {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Send a visitor message and wait for the whole AI answer. `POST /conversations` */
  send(params: SendMessageParams, options?: RequestOptions): APIPromise<SendMessageResult> {
    return request<SendMessageResult>(
      this.#client,
      () => ({ method: 'POST', path: '/conversations', body: body(params, false) }),
      options,
    );
  }

  /** Send a visitor message and stream the AI answer as it is written. `POST /conversations` with `streaming: true` */
  stream(params: SendMessageParams, options?: RequestOptions): Promise<MessageStream> {
    return requestStream<SendMessageResult>(
      this.#client,
      () => ({ method: 'POST', path: '/conversations', body: body(params, true) }),
      options,
    );
  }

  /** A conversation's messages, oldest first (read from `GET /conversations/{conversationId}`). */
  list(conversationId: string, options?: RequestOptions): APIPromise<Message[]> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(conversationId, 'conversationId');
        return {
          method: 'GET',
          path: path`/conversations/${conversationId}`,
          unwrap: (json) => (unwrapEnvelope(json) as Conversation).messages,
        };
      },
      options,
    );
  }
}

/** Checks a send's parameters and adds `streaming`. */
function body(params: SendMessageParams, streaming: boolean): SendMessageParams & { streaming: boolean } {
  assertParams(params, 'agentId', 'question');
  assertOptionalFields(params, {
    conversationId: assertNonEmptyString,
    contactId: assertNonEmptyString,
    messageType: oneOf(MESSAGE_TYPES),
    ip: assertString,
    country: assertString,
    responseFormat: oneOf(RESPONSE_FORMATS),
    integrationType: oneOf(INTEGRATION_TYPES),
  });
  return { ...params, streaming };
}
