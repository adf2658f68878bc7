import { assertParams, unwrapEnvelope } from '@livechatai/core/internal';
import type {
  AgentAnalytics,
  AgentAnalyticsParams,
  AIFunctionsAnalytics,
  AnalyticsOverview,
  AnalyticsParams,
  APIPromise,
  CsatAnalytics,
  CsatAnalyticsParams,
  LiveChatAIClient,
  RequestOptions,
  SentimentAnalytics,
  TopicAnalytics,
  TopicAnalyticsParams,
} from '@livechatai/core';

/** An agent's analytics over a date range (`startDate`..`endDate`, `YYYY-MM-DD`): `/analytics`. */
export class Analytics {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** Conversations, resolutions, responses and a daily breakdown. `GET /analytics` */
  overview(params: AnalyticsParams, options?: RequestOptions): APIPromise<AnalyticsOverview> {
    return this.#get('', params, options);
  }

  /** Human team-member performance (all members, or one with `userId`). `GET /analytics/agent` */
  agent(params: AgentAnalyticsParams, options?: RequestOptions): APIPromise<AgentAnalytics> {
    return this.#get('/agent', params, options);
  }

  /** AI function (action) calls: success rates and a per-function breakdown. `GET /analytics/ai-functions` */
  aiFunctions(params: AnalyticsParams, options?: RequestOptions): APIPromise<AIFunctionsAnalytics> {
    return this.#get('/ai-functions', params, options);
  }

  /** CSAT scores with one page (`page`, `pageSize`) of individual feedback. `GET /analytics/csat` */
  csat(params: CsatAnalyticsParams, options?: RequestOptions): APIPromise<CsatAnalytics> {
    return this.#get('/csat', params, options);
  }

  /** Daily sentiment breakdown with totals. `GET /analytics/sentiments` */
  sentiments(params: AnalyticsParams, options?: RequestOptions): APIPromise<SentimentAnalytics> {
    return this.#get('/sentiments', params, options, series);
  }

  /** Daily topic breakdown with totals (top 6 topics unless `showAllTopics`). `GET /analytics/topics` */
  topics(params: TopicAnalyticsParams, options?: RequestOptions): APIPromise<TopicAnalytics> {
    return this.#get('/topics', params, options, series);
  }

  #get<T>(
    sub: string,
    params: AnalyticsParams,
    options: RequestOptions | undefined,
    unwrap: (json: unknown) => unknown = unwrapEnvelope,
  ): APIPromise<T> {
    assertParams(params, 'agentId', 'startDate', 'endDate');
    return this.#client.request({
      method: 'GET',
      path: `/analytics${sub}`,
      query: { ...params },
      unwrap: unwrap as (json: unknown) => T,
    }, options);
  }
}

/**
 * Sentiments and topics send the daily series as `data` beside extra top-level keys (`keys`, totals); a generic
 * envelope would nest all of them in `data`. Both give the same result object.
 */
function series(json: unknown): unknown {
  const inner = unwrapEnvelope(json);
  const out: Record<string, unknown> = { ...(Array.isArray(inner) ? json : inner) as object };
  delete out.status;
  return out;
}
