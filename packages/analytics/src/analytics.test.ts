import { BadRequestError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from './index.js';

const env = useEmulator({ seed: 'demo' });
const DAY = 86_400_000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const range = { startDate: day(Date.now() - 29 * DAY), endDate: day(Date.now()), timezone: 'UTC' };
let agentId: string;

beforeAll(async () => {
  // The demo workspace's busiest agent.
  const { items } = await env.emulator.store.listAgents(env.emulator.workspaceId, 0, 10);
  agentId = items[0]!.id;
});

describe('Analytics', () => {
  it('overview: totals, daily series and changes', async () => {
    const overview = await new Analytics(env.client).overview({ agentId, ...range });
    const { currentPeriod, previousPeriod } = overview;
    expect(currentPeriod.totalConversationCount).toBeGreaterThan(0);
    expect(currentPeriod.openConversationCount + currentPeriod.closedConversationCount).toBe(
      currentPeriod.totalConversationCount,
    );
    expect(currentPeriod.dailyData).toHaveLength(30);
    expect(currentPeriod.dailyData.reduce((n, d) => n + d.total, 0)).toBe(currentPeriod.totalConversationCount);
    expect(currentPeriod.changes).toMatchObject({
      totalConversationCount: expect.any(Number),
      averageResolutionRate: expect.any(Number),
    });
    expect(typeof currentPeriod.humanizedAverageChatDuration).toBe('string');
    expect(previousPeriod).not.toHaveProperty('dailyData');
  });

  it('agent: team-member performance, overall and for one member', async () => {
    const analytics = new Analytics(env.client);
    const all = await analytics.agent({ agentId, ...range });
    expect(all.currentPeriod).toMatchObject({
      totalConversationCount: expect.any(Number),
      avarageMessagesPerConversation: expect.any(Number),
      changes: { agentResponseTime: expect.any(Number) },
    });
    const members = await env.emulator.store.listTeamMembers(env.emulator.workspaceId);
    const counts = await Promise.all(
      members.map(
        async (m) => (await analytics.agent({ agentId, ...range, userId: m.id })).currentPeriod.totalConversationCount,
      ),
    );
    // each member's share is part of the whole, and `userId` narrows it (a server ignoring it gives the whole each time)
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(all.currentPeriod.totalConversationCount);
    expect(counts.some((n) => n < all.currentPeriod.totalConversationCount)).toBe(true);
  });

  it('aiFunctions: totals and per-function breakdown', async () => {
    const result = await new Analytics(env.client).aiFunctions({ agentId, ...range });
    expect(result).toMatchObject({
      currentPeriod: { total: expect.any(Number), totalFailed: expect.any(Number), functions: expect.any(Array) },
      previousPeriod: { total: expect.any(Number) },
      changes: { total: expect.any(Number), totalFailed: expect.any(Number) },
    });
  });

  it('csat: scores with one page of feedback', async () => {
    const analytics = new Analytics(env.client);
    const first = await analytics.csat({ agentId, ...range, pageSize: 2 });
    expect(first.currentPeriod.totalResponses).toBeGreaterThan(2);
    expect(first.currentPeriod.scores).toHaveLength(2);
    expect(first.metadata).toMatchObject({ currentPage: 1, pageSize: 2, prev: null, next: 2 });
    const second = await analytics.csat({ agentId, ...range, pageSize: 2, page: 2 });
    expect(second.metadata.currentPage).toBe(2);
    expect(second.currentPeriod.scores[0]!.id).not.toBe(first.currentPeriod.scores[0]!.id);
  });

  it('sentiments: daily series, keys and totals (extra top-level keys kept)', async () => {
    const result = await new Analytics(env.client).sentiments({ agentId, ...range });
    expect(result.keys).toEqual(['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED']);
    expect(result.data).toHaveLength(30);
    expect(result.data[0]).toMatchObject({ date: range.startDate, POSITIVE: expect.any(Number) });
    const total = result.allSentimentsCounts.reduce((n, s) => n + s.count, 0);
    expect(total).toBe(result.data.reduce((n, d) => n + d.POSITIVE + d.NEGATIVE + d.NEUTRAL + d.UNSPECIFIED, 0));
    expect(result).not.toHaveProperty('status');
  });

  it('topics: top topics, or all of them', async () => {
    const analytics = new Analytics(env.client);
    const top = await analytics.topics({ agentId, ...range });
    expect(top.keys).toHaveLength(Math.min(6, top.allTopics.length));
    expect(top.data).toHaveLength(30);
    expect(typeof top.areAllTopicsVisible).toBe('boolean');
    const all = await analytics.topics({ agentId, ...range, showAllTopics: true });
    expect(all.areAllTopicsVisible).toBe(true);
    expect(all.keys.length).toBe(all.allTopics.length);
  });

  it('surfaces a server-side validation error as BadRequestError', async () => {
    // the SDK checks the dates; whether a time zone exists is the server's to say
    const { client, requests } = env.recordingClient();
    const err = await new Analytics(client)
      .overview({ ...range, agentId, timezone: 'Mars/Olympus_Mons' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).message).toMatch(/timezone/);
    expect(requests).toHaveLength(1);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<Analytics>[] = [
    ['overview: empty startDate', (a) => a.overview({ agentId, startDate: '', endDate: range.endDate }), 'startDate'],
    [
      'overview: a startDate that is no date',
      (a) => a.overview({ agentId, startDate: 'last week', endDate: range.endDate }),
      'startDate',
    ],
    [
      'overview: a date-time, not a day',
      (a) => a.overview({ agentId, startDate: '2024-01-01T00:00:00Z', endDate: '2024-01-31' }),
      'startDate',
    ],
    [
      'overview: a Date object',
      (a) => a.overview({ agentId, startDate: new Date() as never, endDate: range.endDate }),
      'startDate',
    ],
    [
      'overview: endDate before startDate',
      (a) => a.overview({ agentId, startDate: '2024-02-01', endDate: '2024-01-31' }),
      'endDate',
    ],
    [
      'overview: more than 10 years',
      (a) => a.overview({ agentId, startDate: '2020-01-01', endDate: '9999-12-31' }),
      'endDate',
    ],
    ['overview: blank timezone', (a) => a.overview({ ...range, agentId, timezone: ' ' }), 'timezone'],
    ['agent: no params', (a) => a.agent(undefined as never), 'params'],
    ['agent: blank userId', (a) => a.agent({ ...range, agentId, userId: '' }), 'userId'],
    [
      'aiFunctions: April 31st',
      (a) => a.aiFunctions({ agentId, startDate: '2024-04-31', endDate: '2024-05-01' }),
      'startDate',
    ],
    ['csat: no endDate', (a) => a.csat({ agentId, startDate: range.startDate } as never), 'endDate'],
    ['csat: pageSize 101', (a) => a.csat({ ...range, agentId, pageSize: 101 }), 'pageSize'],
    ['csat: page 0', (a) => a.csat({ ...range, agentId, page: 0 }), 'page'],
    ['sentiments: blank agentId', (a) => a.sentiments({ ...range, agentId: ' ' }), 'agentId'],
    ['topics: no agentId', (a) => a.topics({ ...range } as never), 'agentId'],
    [
      'topics: showAllTopics not a boolean',
      (a) => a.topics({ ...range, agentId, showAllTopics: 'true' as never }),
      'showAllTopics',
    ],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(Analytics).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new Analytics(client)), param);
    expect(requests).toHaveLength(0);
  });
});
