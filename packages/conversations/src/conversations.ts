import { path } from '@livechatai/core';
import {
  assertConversationFilters,
  assertNonEmptyString,
  assertOptionalFields,
  assertPaging,
  assertParams,
  listItems,
  oneOf,
  request,
  requestPage,
  withAttributeMap,
} from '@livechatai/core/internal';
import type {
  APIPromise,
  Conversation,
  ConversationEndParams,
  ConversationEndResult,
  ConversationListParams,
  ConversationReplyParams,
  ConversationReplyResult,
  ConversationSummary,
  ConversationType,
  ConversationView,
  ConversationViewListParams,
  LiveChatAIClient,
  MessageType,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';

const CONVERSATION_TYPES = ['unassigned', 'your-inbox', 'all'] as const satisfies readonly ConversationType[];
const MESSAGE_TYPES = ['TEXT', 'IMAGE'] as const satisfies readonly MessageType[];

/**
 * An agent's conversations (chats) and saved inbox views: `/conversations`. Bad input rejects the returned promise
 * with InvalidParameterError before any request; no method throws.
 */
export class Conversations {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** List an agent's conversations with filters; iterate the result to walk every page. `GET /conversations` */
  list(params: ConversationListParams, options?: RequestOptions): PagePromise<ConversationSummary> {
    return requestPage(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertConversationFilters(params);
        assertOptionalFields(params, { type: oneOf(CONVERSATION_TYPES) });
        return {
          path: '/conversations',
          query: { ...params },
          items: (json) => (listItems(json, 'conversations') as ConversationSummary[]).map(withAttributeMap),
        };
      },
      options,
    );
  }

  /** Retrieve a conversation with its messages. `GET /conversations/{conversationId}` */
  retrieve(conversationId: string, options?: RequestOptions): APIPromise<Conversation> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(conversationId, 'conversationId');
        return { method: 'GET', path: path`/conversations/${conversationId}` };
      },
      options,
    );
  }

  /** Reply into a conversation as a human team member. `POST /conversations/{conversationId}/reply` */
  reply(
    conversationId: string,
    params: ConversationReplyParams,
    options?: RequestOptions,
  ): APIPromise<ConversationReplyResult> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(conversationId, 'conversationId');
        assertParams(params, 'message');
        assertOptionalFields(params, { userId: assertNonEmptyString, messageType: oneOf(MESSAGE_TYPES) });
        return { method: 'POST', path: path`/conversations/${conversationId}/reply`, body: params };
      },
      options,
    );
  }

  /** End (resolve) a conversation. `POST /conversations/{conversationId}/end` */
  end(
    conversationId: string,
    params: ConversationEndParams = {},
    options?: RequestOptions,
  ): APIPromise<ConversationEndResult> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(conversationId, 'conversationId');
        assertParams(params);
        assertOptionalFields(params, { userId: assertNonEmptyString });
        return { method: 'POST', path: path`/conversations/${conversationId}/end`, body: params };
      },
      options,
    );
  }

  /** List an agent's saved inbox views; iterate the result to walk every page. `GET /conversations/views` */
  listViews(params: ConversationViewListParams, options?: RequestOptions): PagePromise<ConversationView> {
    return requestPage(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertPaging(params, 'perPage');
        assertOptionalFields(params, { search: assertNonEmptyString });
        return { path: '/conversations/views', query: { ...params }, items: 'views' };
      },
      options,
    );
  }
}
