import { BadRequestError, InvalidParameterError } from '@livechatai/core';
import { useEmulator } from '@livechatai/test-utils';
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
    expect(currentPeriod.openConversationCount + currentPeriod.closedConversationCount).toBe(currentPeriod.totalConversationCount);
    expect(currentPeriod.dailyData).toHaveLength(30);
    expect(currentPeriod.dailyData.reduce((n, d) => n + d.total, 0)).toBe(currentPeriod.totalConversationCount);
    expect(currentPeriod.changes).toMatchObject({ totalConversationCount: expect.any(Number), averageResolutionRate: expect.any(Number) });
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
    const one = await analytics.agent({ agentId, ...range, userId: members[0]!.id });
    expect(one.currentPeriod.totalConversationCount).toBeLessThanOrEqual(all.currentPeriod.totalConversationCount);
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
    expect(top.keys.length).toBeLessThanOrEqual(6);
    expect(top.data).toHaveLength(30);
    expect(typeof top.areAllTopicsVisible).toBe('boolean');
    const all = await analytics.topics({ agentId, ...range, showAllTopics: true });
    expect(all.areAllTopicsVisible).toBe(true);
    expect(all.keys.length).toBe(all.allTopics.length);
  });

  it('surfaces a server-side validation error as BadRequestError', async () => {
    const err = await new Analytics(env.client)
      .overview({ agentId, startDate: range.endDate, endDate: range.startDate })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
  });

  it('rejects missing or empty parameters before any request', () => {
    const { client, requests } = env.recordingClient();
    const analytics = new Analytics(client);
    expect(() => analytics.overview({ agentId, startDate: '', endDate: range.endDate })).toThrow(/startDate/);
    expect(() => analytics.csat({ agentId, startDate: range.startDate } as never)).toThrow(/endDate/);
    expect(() => analytics.topics({ ...range } as never)).toThrow(InvalidParameterError);
    expect(() => analytics.sentiments({ ...range, agentId: ' ' })).toThrow(/agentId/);
    expect(() => analytics.agent(undefined as never)).toThrow(/params/);
    expect(requests).toHaveLength(0);
  });
});
