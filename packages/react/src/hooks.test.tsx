import { Agents } from '@livechatai/agents';
import { Conversations } from '@livechatai/conversations';
import { DataSources } from '@livechatai/data-sources';
import { Messages } from '@livechatai/messages';
import { isNotFoundError } from '@livechatai/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newQueryClient, startTestBed, wrapper, type TestBed } from '../test/helpers.js';
import {
  agentsQueryOptions,
  livechataiKeys,
  useAddDataSource,
  useAgent,
  useAgents,
  useAISuggestions,
  useAnalyticsOverview,
  useContact,
  useContacts,
  useConversation,
  useConversations,
  useCreateAgent,
  useDataSources,
  useDeleteAgent,
  useDeleteDataSources,
  useDismissSuggestion,
  useEndConversation,
  useReply,
  useSentimentAnalytics,
  useTopicAnalytics,
  useUpsertContact,
} from './index.js';

let bed: TestBed;
let agentA: string;
let agentB: string;

beforeAll(async () => {
  bed = await startTestBed({ streamDelayMs: 0 });
  const agents = new Agents(bed.admin);
  agentA = (await agents.create({ name: 'Agent A', isLiveChatEnabled: true })).id;
  agentB = (await agents.create({ name: 'Agent B', isLiveChatEnabled: true })).id;
  const ds = new DataSources(bed.admin);
  await ds.addText({
    agentId: agentA,
    title: 'Hours',
    content: 'The shop opens at nine and closes at six on weekdays.',
  });
  await ds.addText({
    agentId: agentB,
    title: 'Returns',
    content: 'Returns are accepted within thirty days with a receipt.',
  });
});
afterAll(async () => {
  await bed.close();
});

// Yesterday to tomorrow (UTC): the conversations created by the tests fall inside even if a run crosses midnight.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const aroundToday = { startDate: day(-1), endDate: day(1) };

describe('query hooks', () => {
  it('lists and retrieves agents, and the options factories work without React', async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => ({ list: useAgents({ limit: 10 }), one: useAgent(agentA) }), {
      wrapper: wrapper(bed.client, queryClient),
    });
    await waitFor(() => {
      expect(result.current.list.isSuccess && result.current.one.isSuccess).toBe(true);
    });
    expect(result.current.list.data!.items.map((a) => a.id)).toEqual(expect.arrayContaining([agentA, agentB]));
    expect(result.current.list.data!.pageInfo.page).toBe(1);
    expect(result.current.one.data!.name).toBe('Agent A');

    const outside = newQueryClient();
    const page = await outside.query(agentsQueryOptions(bed.admin, { limit: 10 }));
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(outside.getQueryData(livechataiKeys.agents.list({ limit: 10 }))).toBe(page);
    // Plain data, so it survives dehydration for SSR.
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });

  it('types errors: a missing agent is a NotFoundError', async () => {
    const { result } = renderHook(() => useAgent('agent_missing'), { wrapper: wrapper(bed.client, newQueryClient()) });
    await waitFor(() => {
      expect(result.current.isError).toBe(true);
    });
    expect(isNotFoundError(result.current.error)).toBe(true);
    expect(result.current.error?.status).toBe(404);
  });

  it('pages through conversations as an infinite query, and reads contacts and analytics', async () => {
    const messages = new Messages(bed.admin);
    for (const q of ['When do you open?', 'When do you close?', 'Are you open on Sunday?']) {
      await messages.send({ agentId: agentA, question: q });
    }
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        conversations: useConversations({ agentId: agentA, perPage: 2 }),
        contacts: useContacts({ agentId: agentA }),
        overview: useAnalyticsOverview({ agentId: agentA, ...aroundToday }),
        sentiments: useSentimentAnalytics({ agentId: agentA, ...aroundToday }),
        topics: useTopicAnalytics({ agentId: agentA, ...aroundToday }),
      }),
      { wrapper: wrapper(bed.client, queryClient) },
    );
    await waitFor(() => {
      expect(result.current.conversations.isSuccess).toBe(true);
      expect(result.current.contacts.isSuccess).toBe(true);
      expect(result.current.overview.isSuccess).toBe(true);
      expect(result.current.sentiments.isSuccess).toBe(true);
      expect(result.current.topics.isSuccess).toBe(true);
    });
    expect(result.current.conversations.data!.pages[0]!.items).toHaveLength(2);
    expect(result.current.conversations.hasNextPage).toBe(true);
    await act(() => result.current.conversations.fetchNextPage());
    await waitFor(() => {
      expect(result.current.conversations.data!.pages).toHaveLength(2);
    });
    const all = result.current.conversations.data!.pages.flatMap((p) => p.items);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(result.current.contacts.data!.items.length).toBeGreaterThanOrEqual(1);
    expect(result.current.overview.data!.currentPeriod.totalConversationCount).toBeGreaterThanOrEqual(3);
  });
});

describe('mutation hooks invalidate exactly what they change', () => {
  it('useCreateAgent and useDeleteAgent refresh the agent list; deleting drops the agent-scoped cache', async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        agents: useAgents({ limit: 100 }),
        sourcesB: useDataSources({ agentId: agentB }),
        create: useCreateAgent(),
        remove: useDeleteAgent(),
      }),
      { wrapper: wrapper(bed.client, queryClient) },
    );
    await waitFor(() => {
      expect(result.current.agents.isSuccess && result.current.sourcesB.isSuccess).toBe(true);
    });
    const sourcesFetchedAt = result.current.sourcesB.dataUpdatedAt;
    const created = await act(() =>
      result.current.create.mutateAsync({ name: 'Fresh agent', isLiveChatEnabled: false }),
    );
    // mutateAsync resolves after the refetch: the cached list already has it.
    const cached = queryClient.getQueryData(agentsQueryOptions(bed.client, { limit: 100 }).queryKey);
    expect(cached?.items.map((a) => a.id)).toContain(created.id);
    await waitFor(() => {
      expect(result.current.agents.data!.items.map((a) => a.id)).toContain(created.id);
    });
    expect(queryClient.getQueryData(livechataiKeys.agents.detail(created.id))).toEqual(created);
    expect(result.current.sourcesB.dataUpdatedAt).toBe(sourcesFetchedAt);
    expect(queryClient.getQueryState(livechataiKeys.dataSources.list({ agentId: agentB }))?.isInvalidated).toBe(false);

    queryClient.setQueryData(livechataiKeys.dataSources.list({ agentId: created.id }), {
      items: [],
      pageInfo: { page: 1, perPage: 10, totalItems: 0, totalPages: 0, hasNext: false, scheme: 'pages' },
    });
    await act(() => result.current.remove.mutateAsync(created.id));
    await waitFor(() => {
      expect(result.current.agents.data!.items.map((a) => a.id)).not.toContain(created.id);
    });
    expect(queryClient.getQueryData(livechataiKeys.agents.detail(created.id))).toBeUndefined();
    expect(queryClient.getQueryData(livechataiKeys.dataSources.list({ agentId: created.id }))).toBeUndefined();
  });

  it("useAddDataSource and useDeleteDataSources refresh that agent's lists only", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        a: useDataSources({ agentId: agentA, limit: 100 }),
        b: useDataSources({ agentId: agentB, limit: 100 }),
        agents: useAgents(),
        add: useAddDataSource(),
        remove: useDeleteDataSources(),
      }),
      { wrapper: wrapper(bed.client, queryClient) },
    );
    await waitFor(() => {
      expect(result.current.a.isSuccess && result.current.b.isSuccess && result.current.agents.isSuccess).toBe(true);
    });
    const bAt = result.current.b.dataUpdatedAt;
    const agentsAt = result.current.agents.dataUpdatedAt;
    const before = result.current.a.data!.items.length;

    const created = await act(() =>
      result.current.add.mutateAsync({
        type: 'qa',
        agentId: agentA,
        question: 'Parking?',
        answer: 'Free parking behind the shop.',
      }),
    );
    expect(created.source).toBe('QA');
    await waitFor(() => {
      expect(result.current.a.data!.items).toHaveLength(before + 1);
    });
    expect(result.current.a.data!.items.map((d) => d.id)).toContain(created.id);
    expect(result.current.b.dataUpdatedAt).toBe(bAt);
    expect(result.current.agents.dataUpdatedAt).toBe(agentsAt);

    const url = await act(() =>
      result.current.add.mutateAsync({
        type: 'file',
        agentId: agentA,
        title: 'Manual',
        content: 'Press the red button twice.',
        fileType: 'pdf',
      }),
    );
    expect(url.source).toBe('PDF');

    const deleted = await act(() =>
      result.current.remove.mutateAsync({ agentId: agentA, source: 'QA', id: created.id }),
    );
    expect(deleted.deleted).toEqual([created.id]);
    await waitFor(() => {
      expect(result.current.a.data!.items.map((d) => d.id)).not.toContain(created.id);
    });
    expect(result.current.b.dataUpdatedAt).toBe(bAt);
  });

  it('useReply and useEndConversation refresh the conversation and its lists', async () => {
    const sent = await new Messages(bed.admin).send({ agentId: agentB, question: 'Can I return a gift?' });
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        conversation: useConversation(sent.conversationId),
        open: useConversations({ agentId: agentB, status: 'open', perPage: 100 }),
        otherAgent: useConversations({ agentId: agentA, perPage: 100 }),
        reply: useReply(),
        end: useEndConversation(),
      }),
      { wrapper: wrapper(bed.client, queryClient) },
    );
    await waitFor(() => {
      expect(
        result.current.conversation.isSuccess && result.current.open.isSuccess && result.current.otherAgent.isSuccess,
      ).toBe(true);
    });
    const otherAt = result.current.otherAgent.dataUpdatedAt;
    expect(result.current.conversation.data!.messages).toHaveLength(2);
    expect(result.current.open.data!.pages[0]!.items.map((c) => c.id)).toContain(sent.conversationId);

    // No agentId given: the hook finds it in the cached conversation.
    await act(() =>
      result.current.reply.mutateAsync({ conversationId: sent.conversationId, message: 'Yes, with the gift receipt.' }),
    );
    await waitFor(() => {
      expect(result.current.conversation.data!.messages).toHaveLength(3);
    });
    const afterReply = result.current.conversation.data!;
    expect(afterReply.messages.at(-1)!.content).toBe('Yes, with the gift receipt.');

    await act(() => result.current.end.mutateAsync({ conversationId: sent.conversationId }));
    await waitFor(() => {
      expect(result.current.conversation.data!.isResolved).toBe(true);
      expect(result.current.open.data!.pages[0]!.items.map((c) => c.id)).not.toContain(sent.conversationId);
    });
    expect(result.current.otherAgent.dataUpdatedAt).toBe(otherAt);
    const stored = await new Conversations(bed.admin).retrieve(sent.conversationId);
    expect(stored.isResolved).toBe(true);
  });

  it('useUpsertContact refreshes the contact and contact lists; useDismissSuggestion the suggestion lists', async () => {
    // An unanswerable question records an AI suggestion.
    await new Messages(bed.admin).send({ agentId: agentA, question: 'Do you sell submarines made of cheese?' });
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        contacts: useContacts({ agentId: agentA, limit: 100 }),
        suggestions: useAISuggestions({ agentId: agentA }),
        upsert: useUpsertContact(),
        dismiss: useDismissSuggestion(),
      }),
      { wrapper: wrapper(bed.client, queryClient) },
    );
    await waitFor(() => {
      expect(result.current.contacts.isSuccess && result.current.suggestions.isSuccess).toBe(true);
    });
    const { contactId } = await act(() =>
      result.current.upsert.mutateAsync({
        agentId: agentA,
        distinctId: 'user_42',
        name: 'Ada',
        email: 'ada@example.com',
      }),
    );
    await waitFor(() => {
      expect(result.current.contacts.data!.items.find((c) => c.id === contactId)?.name).toBe('Ada');
    });

    const suggestion = result.current.suggestions.data!.items[0];
    expect(suggestion).toBeDefined();
    await act(() => result.current.dismiss.mutateAsync({ suggestionId: suggestion!.id, agentId: agentA }));
    await waitFor(() => {
      expect(result.current.suggestions.data!.items.map((s) => s.id)).not.toContain(suggestion!.id);
    });

    const { result: contact } = renderHook(() => useContact(contactId), { wrapper: wrapper(bed.client, queryClient) });
    await waitFor(() => {
      expect(contact.current.data?.email).toBe('ada@example.com');
    });
    await act(() =>
      result.current.upsert.mutateAsync({ agentId: agentA, distinctId: 'user_42', contactId, name: 'Ada Lovelace' }),
    );
    await waitFor(() => {
      expect(contact.current.data?.name).toBe('Ada Lovelace');
    });
  });
});
