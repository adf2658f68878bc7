import { path } from '@livechatai/core';
import { assertNonEmptyString, assertParams, listItems, requestPage, unwrapEnvelope, withAttributeMap } from '@livechatai/core/internal';
import type {
  APIPromise,
  Contact,
  ContactListItem,
  ContactListParams,
  ContactUpsertParams,
  ContactUpsertResult,
  ConversationFilters,
  ConversationSummary,
  LiveChatAIClient,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';


/** An agent's contacts (identified visitors): `/contacts`. */
export class Contacts {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Create a contact, or update it when it exists (identify a visitor). `POST /contacts` */
  upsert(params: ContactUpsertParams, options?: RequestOptions): APIPromise<ContactUpsertResult> {
    assertParams(params, 'agentId', 'distinctId');
    return this.#client.request<ContactUpsertResult>({ method: 'POST', path: '/contacts', body: params }, options);
  }

  /** List an agent's contacts; iterate the result to walk every page. `GET /contacts` */
  list(params: ContactListParams, options?: RequestOptions): PagePromise<ContactListItem> {
    assertParams(params, 'agentId');
    return requestPage(this.#client,
      { path: '/contacts', query: { ...params }, items: 'contacts' },
      options,
    );
  }

  /** Retrieve a contact; `attributes` is always a plain object map. `GET /contacts/{contactId}` */
  retrieve(contactId: string, options?: RequestOptions): APIPromise<Contact> {
    assertNonEmptyString(contactId, 'contactId');
    return this.#client.request(
      {
        method: 'GET',
        path: path`/contacts/${contactId}`,
        unwrap: (json) => withAttributeMap(unwrapEnvelope(json) as Contact),
      },
      options,
    );
  }

  /** List one contact's conversations, with the conversation-list filters. `GET /contacts/{contactId}/conversations` */
  listConversations(
    contactId: string,
    filters: ConversationFilters = {},
    options?: RequestOptions,
  ): PagePromise<ConversationSummary> {
    assertNonEmptyString(contactId, 'contactId');
    return requestPage(this.#client,
      {
        path: path`/contacts/${contactId}/conversations`,
        query: { ...filters },
        items: (json) => (listItems(json, 'conversations') as ConversationSummary[]).map(withAttributeMap),
      },
      options,
    );
  }
}
