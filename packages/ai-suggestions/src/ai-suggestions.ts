import { path } from '@livechatai/core';
import {
  assertInstant,
  assertNonEmptyString,
  assertOptionalFields,
  assertPaging,
  assertParams,
  request,
  requestPage,
  unwrapEnvelope,
} from '@livechatai/core/internal';
import type {
  AISuggestion,
  AISuggestionDetail,
  AISuggestionDismissResult,
  AISuggestionListParams,
  APIPromise,
  LiveChatAIClient,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';

/**
 * Improvement ideas drawn from exchanges where the AI answer fell short: `/ai-suggestions`. Bad input rejects the
 * returned promise with InvalidParameterError before any request; no method throws.
 */
export class AISuggestions {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** List an agent's open suggestions; iterate the result to walk every page. `GET /ai-suggestions` */
  list(params: AISuggestionListParams, options?: RequestOptions): PagePromise<AISuggestion> {
    return requestPage(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertPaging(params, 'limit');
        assertOptionalFields(params, { startDate: assertInstant, endDate: assertInstant });
        return { path: '/ai-suggestions', query: { ...params }, items: 'suggestions' };
      },
      options,
    );
  }

  /** Retrieve one suggestion. `GET /ai-suggestions/{suggestionId}` */
  retrieve(suggestionId: string, options?: RequestOptions): APIPromise<AISuggestionDetail> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(suggestionId, 'suggestionId');
        return { method: 'GET', path: path`/ai-suggestions/${suggestionId}` };
      },
      options,
    );
  }

  /** Dismiss a suggestion: it is marked ignored and leaves the list. `DELETE /ai-suggestions/{suggestionId}` */
  dismiss(suggestionId: string, options?: RequestOptions): APIPromise<AISuggestionDismissResult> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(suggestionId, 'suggestionId');
        return {
          method: 'DELETE',
          path: path`/ai-suggestions/${suggestionId}`,
          // The confirmation text sits at the top level, beside `data: { id, dismissed }`.
          unwrap: (json: { message?: unknown }): AISuggestionDismissResult => ({
            ...(unwrapEnvelope(json) as object),
            id: suggestionId,
            dismissed: true,
            ...(typeof json.message == 'string' && { message: json.message }),
          }),
        };
      },
      options,
    );
  }
}
