'use client';
import { useMutation, useQueryClient, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type {
  Agent,
  AgentCreateParams,
  AgentDeleteResult,
  AISuggestionDismissResult,
  ContactUpsertParams,
  ContactUpsertResult,
  ConversationEndParams,
  ConversationEndResult,
  ConversationReplyParams,
  ConversationReplyResult,
  DataSourceAddFileParams,
  DataSourceAddQAParams,
  DataSourceAddTextParams,
  DataSourceAddUrlParams,
  DataSourceCreated,
  DataSourceDeleteParams,
  DataSourceDeleteResult,
  LiveChatAIError,
} from '@livechatai/core';
import { cachedAgentIdOf, invalidateAfterMessage, invalidateAgentArea } from './internal/invalidate.js';
import { omit } from './internal/omit.js';
import { agentsOf, aiSuggestionsOf, contactsOf, conversationsOf, dataSourcesOf } from './internal/resources.js';
import { useLiveChatAIClient } from './provider.js';
import { livechataiKeys } from './query-keys.js';

/**
 * TanStack mutation options a hook accepts (callbacks, retry, …). The hook's own cache updates run first;
 * your `onSuccess` runs after them.
 */
export type MutationHookOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, LiveChatAIError, TVariables>,
  'mutationFn'
>;

type Result<TData, TVariables> = UseMutationResult<TData, LiveChatAIError, TVariables>;

function useLiveChatAIMutation<TData, TVariables>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  updateCache: (data: TData, variables: TVariables) => Promise<unknown>,
  options: MutationHookOptions<TData, TVariables> = {},
): Result<TData, TVariables> {
  const { onSuccess, ...rest } = options;
  return useMutation<TData, LiveChatAIError, TVariables>({
    ...rest,
    mutationFn,
    onSuccess: async (data, variables, onMutateResult, context) => {
      // Awaited, so `mutateAsync` resolves (and `isPending` ends) only once the affected queries are fresh.
      await updateCache(data, variables);
      await onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}

/** Create an AI agent; refreshes the agent lists and caches the new agent. */
export function useCreateAgent(
  options?: MutationHookOptions<Agent, AgentCreateParams>,
): Result<Agent, AgentCreateParams> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (params) => agentsOf(client).create(params),
    async (agent) => {
      queryClient.setQueryData(livechataiKeys.agents.detail(agent.id), agent);
      await queryClient.invalidateQueries({ queryKey: livechataiKeys.agents.lists() });
    },
    options,
  );
}

/** Delete an AI agent (variables: its ID); refreshes the agent lists and drops everything cached for it. */
export function useDeleteAgent(
  options?: MutationHookOptions<AgentDeleteResult, string>,
): Result<AgentDeleteResult, string> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (agentId) => agentsOf(client).delete(agentId),
    async (_result, agentId) => {
      queryClient.removeQueries({ queryKey: livechataiKeys.agents.detail(agentId) });
      queryClient.removeQueries({ queryKey: livechataiKeys.agent(agentId) });
      await queryClient.invalidateQueries({ queryKey: livechataiKeys.agents.lists() });
    },
    options,
  );
}

/** Create or update a contact; refreshes the agent's contact lists, the contact and the conversation lists. */
export function useUpsertContact(
  options?: MutationHookOptions<ContactUpsertResult, ContactUpsertParams>,
): Result<ContactUpsertResult, ContactUpsertParams> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (params) => contactsOf(client).upsert(params),
    async (result, params) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: livechataiKeys.contacts.detail(result.contactId) }),
        invalidateAgentArea(queryClient, params.agentId, 'contacts'),
        // Conversation list items embed the contact's name, email and attributes.
        invalidateAgentArea(queryClient, params.agentId, 'conversations'),
      ]);
    },
    options,
  );
}

/** What `useAddDataSource` takes: the kind of source plus that kind's parameters. */
export type AddDataSourceVariables =
  | ({ type: 'text' } & DataSourceAddTextParams)
  | ({ type: 'url' } & DataSourceAddUrlParams)
  | ({ type: 'qa' } & DataSourceAddQAParams)
  | ({ type: 'file' } & DataSourceAddFileParams);

/** Add a text, URL, Q&A or file data source; refreshes that agent's data-source lists. */
export function useAddDataSource(
  options?: MutationHookOptions<DataSourceCreated, AddDataSourceVariables>,
): Result<DataSourceCreated, AddDataSourceVariables> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (variables) => {
      const dataSources = dataSourcesOf(client);
      switch (variables.type) {
        case 'text':
          return dataSources.addText(omit(variables, 'type'));
        case 'url':
          return dataSources.addUrl(omit(variables, 'type'));
        case 'qa':
          return dataSources.addQA(omit(variables, 'type'));
        case 'file':
          return dataSources.addFile(omit(variables, 'type'));
      }
    },
    (_created, variables) => invalidateAgentArea(queryClient, variables.agentId, 'dataSources'),
    options,
  );
}

/** Delete one or many data sources; refreshes that agent's data-source lists. */
export function useDeleteDataSources(
  options?: MutationHookOptions<DataSourceDeleteResult, DataSourceDeleteParams>,
): Result<DataSourceDeleteResult, DataSourceDeleteParams> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (params) => dataSourcesOf(client).delete(params),
    (_result, params) => invalidateAgentArea(queryClient, params.agentId, 'dataSources'),
    options,
  );
}

/**
 * What `useReply` and `useEndConversation` take. `agentId` narrows the invalidation to that agent's
 * conversation lists; without it the hook reads it from the cached conversation, else refreshes every agent's.
 */
export type ReplyVariables = ConversationReplyParams & { conversationId: string; agentId?: string };
export type EndConversationVariables = ConversationEndParams & { conversationId: string; agentId?: string };

/** Reply as a human team member; refreshes the conversation, the agent's conversation lists and analytics. */
export function useReply(
  options?: MutationHookOptions<ConversationReplyResult, ReplyVariables>,
): Result<ConversationReplyResult, ReplyVariables> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (variables) =>
      conversationsOf(client).reply(variables.conversationId, omit(variables, 'conversationId', 'agentId')),
    (_result, { conversationId, agentId }) =>
      invalidateAfterMessage(queryClient, conversationId, agentId ?? cachedAgentIdOf(queryClient, conversationId)),
    options,
  );
}

/** End (resolve) a conversation; refreshes the conversation, the agent's conversation lists and analytics. */
export function useEndConversation(
  options?: MutationHookOptions<ConversationEndResult, EndConversationVariables>,
): Result<ConversationEndResult, EndConversationVariables> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    (variables) => conversationsOf(client).end(variables.conversationId, omit(variables, 'conversationId', 'agentId')),
    (_result, { conversationId, agentId }) =>
      invalidateAfterMessage(queryClient, conversationId, agentId ?? cachedAgentIdOf(queryClient, conversationId)),
    options,
  );
}

/** What `useDismissSuggestion` takes; `agentId` narrows the invalidation to that agent's suggestion lists. */
export interface DismissSuggestionVariables {
  suggestionId: string;
  agentId?: string;
}

/** Dismiss an AI suggestion; refreshes the suggestion lists and drops the cached suggestion. */
export function useDismissSuggestion(
  options?: MutationHookOptions<AISuggestionDismissResult, DismissSuggestionVariables>,
): Result<AISuggestionDismissResult, DismissSuggestionVariables> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  return useLiveChatAIMutation(
    ({ suggestionId }) => aiSuggestionsOf(client).dismiss(suggestionId),
    async (_result, { suggestionId, agentId }) => {
      queryClient.removeQueries({ queryKey: livechataiKeys.aiSuggestions.detail(suggestionId) });
      await invalidateAgentArea(queryClient, agentId, 'aiSuggestions');
    },
    options,
  );
}
