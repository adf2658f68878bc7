import type {
  AgentAnalytics,
  AIFunctionsAnalytics,
  AnalyticsOverview,
  APIPromise,
  CsatAnalytics,
  Sentiment,
  SentimentAnalytics,
  TopicAnalytics,
} from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Analytics } from './index.js';

declare const analytics: Analytics;
const range = { agentId: 'a', startDate: '2024-01-01', endDate: '2024-01-31' };

describe('Analytics types', () => {
  it('types every method', () => {
    expectTypeOf(analytics.overview(range)).toEqualTypeOf<APIPromise<AnalyticsOverview>>();
    expectTypeOf(analytics.agent({ ...range, userId: 'u' })).toEqualTypeOf<APIPromise<AgentAnalytics>>();
    expectTypeOf(analytics.aiFunctions(range)).toEqualTypeOf<APIPromise<AIFunctionsAnalytics>>();
    expectTypeOf(analytics.csat({ ...range, page: 2, pageSize: 20 })).toEqualTypeOf<APIPromise<CsatAnalytics>>();
    expectTypeOf(analytics.sentiments({ ...range, timezone: 'America/New_York' })).toEqualTypeOf<
      APIPromise<SentimentAnalytics>
    >();
    expectTypeOf(analytics.topics({ ...range, showAllTopics: true })).toEqualTypeOf<APIPromise<TopicAnalytics>>();
  });

  it('keeps the documented field names, misspelling included', () => {
    expectTypeOf<AgentAnalytics['currentPeriod']['avarageMessagesPerConversation']>().toEqualTypeOf<number>();
    expectTypeOf<AnalyticsOverview['currentPeriod']['changes']['averageResolutionRate']>().toEqualTypeOf<number>();
    expectTypeOf<AIFunctionsAnalytics['changes']['total']>().toEqualTypeOf<number>();
    expectTypeOf<SentimentAnalytics['keys']>().toEqualTypeOf<Sentiment[]>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error endDate is required
    void analytics.overview({ agentId: 'a', startDate: '2024-01-01' });
  });
});
