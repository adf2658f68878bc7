import { path } from '@livechatai/core';
import { assertNonEmptyString, assertParams, requestPage, unwrapEnvelope } from '@livechatai/core/internal';
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

/** Improvement ideas drawn from exchanges where the AI answer fell short: `/ai-suggestions`. */
export class AISuggestions {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** List an agent's open suggestions; iterate the result to walk every page. `GET /ai-suggestions` */
  list(params: AISuggestionListParams, options?: RequestOptions): PagePromise<AISuggestion> {
    assertParams(params, 'agentId');
    return requestPage(this.#client,
      { path: '/ai-suggestions', query: { ...params }, items: 'suggestions' },
      options,
    );
  }

  /** Retrieve one suggestion. `GET /ai-suggestions/{suggestionId}` */
  retrieve(suggestionId: string, options?: RequestOptions): APIPromise<AISuggestionDetail> {
    assertNonEmptyString(suggestionId, 'suggestionId');
    return this.#client.request<AISuggestionDetail>({ method: 'GET', path: path`/ai-suggestions/${suggestionId}` }, options);
  }

  /** Dismiss a suggestion: it is marked ignored and leaves the list. `DELETE /ai-suggestions/{suggestionId}` */
  dismiss(suggestionId: string, options?: RequestOptions): APIPromise<AISuggestionDismissResult> {
    assertNonEmptyString(suggestionId, 'suggestionId');
    return this.#client.request(
      {
        method: 'DELETE',
        path: path`/ai-suggestions/${suggestionId}`,
        // The confirmation text sits at the top level, beside `data: { id, dismissed }`.
        unwrap: (json: { message?: unknown }): AISuggestionDismissResult => ({
          ...(unwrapEnvelope(json) as object),
          id: suggestionId,
          dismissed: true,
          ...(typeof json.message == 'string' && { message: json.message }),
        }),
      },
      options,
    );
  }
}
