import { path } from '@livechatai/core';
import { assertBoolean, assertNonEmptyString, assertParams, requestPage, unwrapEnvelope } from '@livechatai/core/internal';
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

/** The workspace's AI agents (the dashboard calls them chatbots): `/agents`. */
export class Agents {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Create an AI agent. `POST /agents` */
  create(params: AgentCreateParams, options?: RequestOptions): APIPromise<Agent> {
    assertParams(params, 'name');
    assertBoolean(params.isLiveChatEnabled, 'isLiveChatEnabled');
    return this.#client.request<Agent>({ method: 'POST', path: '/agents', body: params }, options);
  }

  /** List the workspace's agents; iterate the result to walk every page. `GET /agents` */
  list(params: AgentListParams = {}, options?: RequestOptions): PagePromise<Agent> {
    return requestPage(this.#client,
      { path: '/agents', query: { ...params }, items: 'agents' },
      options,
    );
  }

  /** Retrieve an agent by ID or slug. `GET /agents/{agentId}` */
  retrieve(idOrSlug: string, params: AgentRetrieveParams = {}, options?: RequestOptions): APIPromise<Agent> {
    assertNonEmptyString(idOrSlug, 'agentId');
    return this.#client.request<Agent>({ method: 'GET', path: path`/agents/${idOrSlug}`, query: { ...params } }, options);
  }

  /** Delete an agent permanently. `DELETE /agents/{agentId}` */
  delete(agentId: string, options?: RequestOptions): APIPromise<AgentDeleteResult> {
    assertNonEmptyString(agentId, 'agentId');
    return this.#client.request(
      {
        method: 'DELETE',
        path: path`/agents/${agentId}`,
        unwrap: (json): AgentDeleteResult => ({ ...(unwrapEnvelope(json) as object), id: agentId, deleted: true }),
      },
      options,
    );
  }
}
