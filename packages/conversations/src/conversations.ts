import { path } from '@livechatai/core';
import { assertNonEmptyString, assertParams, listItems, requestPage, withAttributeMap } from '@livechatai/core/internal';
import type {
  APIPromise,
  Conversation,
  ConversationEndParams,
  ConversationEndResult,
  ConversationListParams,
  ConversationReplyParams,
  ConversationReplyResult,
  ConversationSummary,
  ConversationView,
  ConversationViewListParams,
  LiveChatAIClient,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';


/** An agent's conversations (chats) and saved inbox views: `/conversations`. */
export class Conversations {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** List an agent's conversations with filters; iterate the result to walk every page. `GET /conversations` */
  list(params: ConversationListParams, options?: RequestOptions): PagePromise<ConversationSummary> {
    assertParams(params, 'agentId');
    return requestPage(this.#client,
      {
        path: '/conversations',
        query: { ...params },
        items: (json) => (listItems(json, 'conversations') as ConversationSummary[]).map(withAttributeMap),
      },
      options,
    );
  }

  /** Retrieve a conversation with its messages. `GET /conversations/{conversationId}` */
  retrieve(conversationId: string, options?: RequestOptions): APIPromise<Conversation> {
    assertNonEmptyString(conversationId, 'conversationId');
    return this.#client.request<Conversation>({ method: 'GET', path: path`/conversations/${conversationId}` }, options);
  }

  /** Reply into a conversation as a human team member. `POST /conversations/{conversationId}/reply` */
  reply(conversationId: string, params: ConversationReplyParams, options?: RequestOptions): APIPromise<ConversationReplyResult> {
    assertNonEmptyString(conversationId, 'conversationId');
    assertParams(params, 'message');
    return this.#client.request<ConversationReplyResult>(
      { method: 'POST', path: path`/conversations/${conversationId}/reply`, body: params },
      options,
    );
  }

  /** End (resolve) a conversation. `POST /conversations/{conversationId}/end` */
  end(conversationId: string, params: ConversationEndParams = {}, options?: RequestOptions): APIPromise<ConversationEndResult> {
    assertNonEmptyString(conversationId, 'conversationId');
    return this.#client.request<ConversationEndResult>(
      { method: 'POST', path: path`/conversations/${conversationId}/end`, body: params },
      options,
    );
  }

  /** List an agent's saved inbox views; iterate the result to walk every page. `GET /conversations/views` */
  listViews(params: ConversationViewListParams, options?: RequestOptions): PagePromise<ConversationView> {
    assertParams(params, 'agentId');
    return requestPage(this.#client,
      { path: '/conversations/views', query: { ...params }, items: 'views' },
      options,
    );
  }
}
