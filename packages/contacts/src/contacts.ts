import { path } from '@livechatai/core';
import {
  assertConversationFilters,
  assertNonEmptyString,
  assertOptionalFields,
  assertPaging,
  assertParams,
  assertString,
  assertStringMap,
  listItems,
  request,
  requestPage,
  unwrapEnvelope,
  withAttributeMap,
} from '@livechatai/core/internal';
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

/**
 * An agent's contacts (identified visitors): `/contacts`. Bad input rejects the returned promise with
 * InvalidParameterError before any request; no method throws.
 */
export class Contacts {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Create a contact, or update it when it exists (identify a visitor). `POST /contacts` */
  upsert(params: ContactUpsertParams, options?: RequestOptions): APIPromise<ContactUpsertResult> {
    return request(
      this.#client,
      () => {
        assertParams(params, 'agentId', 'distinctId');
        assertOptionalFields(params, {
          contactId: assertNonEmptyString,
          userHash: assertNonEmptyString,
          name: assertString,
          email: assertString,
          phone: assertString,
          attributes: assertStringMap,
        });
        return { method: 'POST', path: '/contacts', body: params };
      },
      options,
    );
  }

  /** List an agent's contacts; iterate the result to walk every page. `GET /contacts` */
  list(params: ContactListParams, options?: RequestOptions): PagePromise<ContactListItem> {
    return requestPage(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertPaging(params, 'limit');
        return { path: '/contacts', query: { ...params }, items: 'contacts' };
      },
      options,
    );
  }

  /** Retrieve a contact; `attributes` is always a plain object map. `GET /contacts/{contactId}` */
  retrieve(contactId: string, options?: RequestOptions): APIPromise<Contact> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(contactId, 'contactId');
        return {
          method: 'GET',
          path: path`/contacts/${contactId}`,
          unwrap: (json) => withAttributeMap(unwrapEnvelope(json) as Contact),
        };
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
    return requestPage(
      this.#client,
      () => {
        assertNonEmptyString(contactId, 'contactId');
        assertConversationFilters(filters);
        return {
          path: path`/contacts/${contactId}/conversations`,
          query: { ...filters },
          items: (json) => (listItems(json, 'conversations') as ConversationSummary[]).map(withAttributeMap),
        };
      },
      options,
    );
  }
}
