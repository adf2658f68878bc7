import { path } from '@livechatai/core';
import {
  assertBoolean,
  assertNonEmptyString,
  assertOptionalFields,
  assertPaging,
  assertParams,
  request,
  requestPage,
  unwrapEnvelope,
} from '@livechatai/core/internal';
import type {
  Agent,
  AgentCreateParams,
  AgentDeleteResult,
  AgentListParams,
  AgentRetrieveParams,
  APIPromise,
  LiveChatAIClient,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';

/**
 * The workspace's AI agents (the dashboard calls them chatbots): `/agents`. Bad input rejects the returned promise
 * with InvalidParameterError before any request; no method throws.
 */
export class Agents {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Create an AI agent. `POST /agents` */
  create(params: AgentCreateParams, options?: RequestOptions): APIPromise<Agent> {
    return request(
      this.#client,
      () => {
        assertParams(params, 'name');
        assertBoolean(params.isLiveChatEnabled, 'isLiveChatEnabled');
        assertOptionalFields(params, { isImageSharingEnabled: assertBoolean });
        return { method: 'POST', path: '/agents', body: params };
      },
      options,
    );
  }

  /** List the workspace's agents; iterate the result to walk every page. `GET /agents` */
  list(params: AgentListParams = {}, options?: RequestOptions): PagePromise<Agent> {
    return requestPage(
      this.#client,
      () => {
        assertParams(params);
        assertPaging(params, 'limit');
        return { path: '/agents', query: { ...params }, items: 'agents' };
      },
      options,
    );
  }

  /** Retrieve an agent by ID or slug. `GET /agents/{agentId}` */
  retrieve(idOrSlug: string, params: AgentRetrieveParams = {}, options?: RequestOptions): APIPromise<Agent> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(idOrSlug, 'agentId');
        assertParams(params);
        assertOptionalFields(params, { isEmbed: assertBoolean });
        return { method: 'GET', path: path`/agents/${idOrSlug}`, query: { ...params } };
      },
      options,
    );
  }

  /** Delete an agent permanently. `DELETE /agents/{agentId}` */
  delete(agentId: string, options?: RequestOptions): APIPromise<AgentDeleteResult> {
    return request(
      this.#client,
      () => {
        assertNonEmptyString(agentId, 'agentId');
        return {
          method: 'DELETE',
          path: path`/agents/${agentId}`,
          unwrap: (json): AgentDeleteResult => ({ ...(unwrapEnvelope(json) as object), id: agentId, deleted: true }),
        };
      },
      options,
    );
  }
}
