import {
  assertBoolean,
  assertDay,
  assertDayRange,
  assertNonEmptyString,
  assertOptionalFields,
  assertPaging,
  assertParams,
  request,
  unwrapEnvelope,
} from '@livechatai/core/internal';
import type { Check } from '@livechatai/core/internal';
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

/** The longest period the API reports on: 10 years (3660 days, leap days included). */
const MAX_DAYS = 3660;

/** What one endpoint adds to the common parameters and the generic envelope. */
interface Endpoint {
  /** Checks of the endpoint's own optional fields. */
  optional?: Readonly<Record<string, Check>>;
  /** Further checks of the parameters. */
  check?: () => void;
  unwrap?: (json: unknown) => unknown;
}

/**
 * An agent's analytics over a date range (`startDate`..`endDate`, `YYYY-MM-DD`, inclusive, at most 10 years):
 * `/analytics`. Bad input rejects the returned promise with InvalidParameterError before any request; no method
 * throws.
 */
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
    return this.#get('/agent', params, options, { optional: { userId: assertNonEmptyString } });
  }

  /** AI function (action) calls: success rates and a per-function breakdown. `GET /analytics/ai-functions` */
  aiFunctions(params: AnalyticsParams, options?: RequestOptions): APIPromise<AIFunctionsAnalytics> {
    return this.#get('/ai-functions', params, options);
  }

  /** CSAT scores with one page (`page`, `pageSize` 1–100) of individual feedback. `GET /analytics/csat` */
  csat(params: CsatAnalyticsParams, options?: RequestOptions): APIPromise<CsatAnalytics> {
    return this.#get('/csat', params, options, {
      check: () => {
        assertPaging(params, 'pageSize');
      },
    });
  }

  /** Daily sentiment breakdown with totals. `GET /analytics/sentiments` */
  sentiments(params: AnalyticsParams, options?: RequestOptions): APIPromise<SentimentAnalytics> {
    return this.#get('/sentiments', params, options, { unwrap: series });
  }

  /** Daily topic breakdown with totals (top 6 topics unless `showAllTopics`). `GET /analytics/topics` */
  topics(params: TopicAnalyticsParams, options?: RequestOptions): APIPromise<TopicAnalytics> {
    return this.#get('/topics', params, options, { optional: { showAllTopics: assertBoolean }, unwrap: series });
  }

  /** One analytics call: checks the common parameters and the endpoint's own, then sends `GET /analytics<sub>`. */
  #get<T>(
    sub: string,
    params: AnalyticsParams,
    options: RequestOptions | undefined,
    { optional, check, unwrap = unwrapEnvelope }: Endpoint = {},
  ): APIPromise<T> {
    return request(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertDay(params.startDate, 'startDate');
        assertDay(params.endDate, 'endDate');
        assertDayRange(params.startDate, params.endDate, MAX_DAYS);
        assertOptionalFields(params, { timezone: assertNonEmptyString, ...optional });
        check?.();
        return {
          method: 'GET',
          path: `/analytics${sub}`,
          query: { ...params },
          unwrap: unwrap as (json: unknown) => T,
        };
      },
      options,
    );
  }
}

/**
 * Sentiments and topics send the daily series as `data` beside extra top-level keys (`keys`, totals); a generic
 * envelope would nest all of them in `data`. Both give the same result object.
 */
function series(json: unknown): unknown {
  const inner = unwrapEnvelope(json);
  const out: Record<string, unknown> = { ...((Array.isArray(inner) ? json : inner) as object) };
  delete out.status;
  return out;
}
