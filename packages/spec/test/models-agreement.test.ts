// Agreement between the SDK model types (packages/core/src/models) and openapi.json.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../index.js';
import { compareModels, type Target } from './helpers/model-agreement.js';

const modelsEntry = fileURLToPath(new URL('../../core/src/models/index.ts', import.meta.url));
const driftedEntry = fileURLToPath(new URL('./fixtures/drifted-models.ts', import.meta.url));
const document = openapiDocument as unknown as Parameters<typeof compareModels>[0]['document'];

const D3 = 'D3: the SDK returns clean values without the envelope';

/** Which model type corresponds to which schema (or operation's query parameters), with deliberate differences. */
const targets: Target[] = [
  // Shared and agents
  { model: 'TeamMember' },
  {
    model: 'Agent',
    optional: { 'Agent.slug': 'the documented list example has no slug; the SDK tolerates its absence (D3)' },
  },
  { model: 'Agent', schema: 'AgentListItem' },
  { model: 'AgentCreateParams', schema: 'AgentCreateRequest' },
  { model: 'AgentListParams', query: 'agents.list' },
  { model: 'AgentRetrieveParams', query: 'agents.retrieve' },
  {
    model: 'AgentDeleteResult',
    schema: 'AgentDeleteResponse',
    omit: { 'AgentDeleteResult.status': D3 },
    extra: {
      'AgentDeleteResult.id': 'the SDK reports the ID it deleted',
      'AgentDeleteResult.deleted': 'the SDK reports `deleted: true`',
    },
    optional: { 'AgentDeleteResult.message': 'the docs show no delete response body; the SDK tolerates none' },
  },
  // Contacts
  { model: 'ContactUpsertParams', schema: 'ContactUpsertRequest' },
  { model: 'ContactUpsertResult', schema: 'ContactUpsertResponse', omit: { 'ContactUpsertResult.status': D3 } },
  { model: 'ContactListParams', query: 'contacts.list' },
  { model: 'ContactListItem' },
  { model: 'Contact', skip: { 'Contact.attributes': 'D3: the SDK converts the `{key, value}[]` form to a plain map' } },
  // Conversations and messages
  { model: 'ConversationListParams', query: 'conversations.list' },
  { model: 'ConversationFilters', query: 'contacts.listConversations' },
  { model: 'ConversationContact' },
  { model: 'ConversationSummary' },
  { model: 'MessageSource' },
  { model: 'Message' },
  { model: 'Conversation' },
  { model: 'ConversationReplyParams', schema: 'ReplyRequest' },
  { model: 'ReplyMessage' },
  { model: 'ConversationReplyResult', schema: 'ReplyData' },
  { model: 'ConversationEndParams', schema: 'EndRequest' },
  { model: 'ConversationEndResult', schema: 'EndData' },
  { model: 'ConversationViewListParams', query: 'conversations.listViews' },
  { model: 'ConversationView' },
  {
    model: 'SendMessageParams',
    schema: 'SendMessageRequest',
    omit: { 'SendMessageParams.streaming': 'set by `messages.send()` (false) and `messages.stream()` (true)' },
  },
  { model: 'MessageLink' },
  { model: 'SendMessageResult', schema: 'SendMessageData' },
  // Data sources
  { model: 'DataSource' },
  { model: 'DataSourceListParams', query: 'dataSources.list' },
  { model: 'DataSourceAddTextParams', schema: 'AddTextRequest' },
  { model: 'DataSourceAddUrlParams', schema: 'AddUrlRequest' },
  { model: 'DataSourceAddQAParams', schema: 'AddQARequest' },
  { model: 'DataSourceAddFileParams', schema: 'AddFileRequest' },
  { model: 'DataSourceCreated', schema: 'DataSourceItem' },
  { model: 'DataSourceDeleteParams', schema: 'DeleteDataSourcesRequest' },
  { model: 'DataSourceDeleteResult', schema: 'DeleteDataSourcesResponse', at: ['data'] },
  // AI suggestions
  { model: 'AISuggestion' },
  { model: 'AISuggestionDetail' },
  { model: 'AISuggestionListParams', query: 'aiSuggestions.list' },
  {
    model: 'AISuggestionDismissResult',
    schema: 'AISuggestionDismissData',
    extra: { 'AISuggestionDismissResult.message': 'the SDK keeps the top-level confirmation `message`' },
  },
  // Analytics
  { model: 'AnalyticsParams', query: 'analytics.overview' },
  { model: 'AnalyticsOverview', at: ['data'] },
  { model: 'AgentAnalyticsParams', query: 'analytics.agent' },
  { model: 'AgentAnalytics', at: ['data'] },
  { model: 'AIFunctionsAnalytics', at: ['data'] },
  { model: 'CsatAnalyticsParams', query: 'analytics.csat' },
  { model: 'CsatEntry' },
  { model: 'CsatAnalytics', at: ['data'] },
  { model: 'SentimentDay' },
  { model: 'SentimentAnalytics', schema: 'SentimentsAnalytics', omit: { 'SentimentAnalytics.status': D3 } },
  { model: 'TopicAnalyticsParams', query: 'analytics.topics' },
  { model: 'TopicDay' },
  { model: 'TopicAnalytics', schema: 'TopicsAnalytics', omit: { 'TopicAnalytics.status': D3 } },
];

/** Exported object types that are compared only through others (bases and building blocks). */
const comparedThroughOthers: Record<string, string> = {
  LimitPageParams: 'base of the `limit` list parameters (AgentListParams, ContactListParams, …)',
  PerPageParams: 'base of the `perPage` list parameters (ConversationFilters, ConversationViewListParams)',
  ContactAttributes: 'the map type of ConversationContact.attributes and ContactUpsertParams.attributes',
  ConversationViewRule: 'reached through ConversationView.query.rules',
  ConversationViewQuery: 'reached through ConversationView.query',
};

describe('SDK models agree with openapi.json', () => {
  it('packages/core/src/models matches the schemas', () => {
    const report = compareModels({ entry: modelsEntry, document, targets });
    expect(report.errors).toEqual([]);
    const uncovered = report.exportedObjectTypes.filter(
      (name) => !report.visited.has(name) && !(name in comparedThroughOthers),
    );
    expect(uncovered, 'exported model types with no counterpart in this test').toEqual([]);
    const stale = Object.keys(comparedThroughOthers).filter((name) => !report.exportedObjectTypes.includes(name));
    expect(stale, 'names listed in comparedThroughOthers that the models no longer export').toEqual([]);
  });

  it('reports drift: missing and invented fields, optionality, narrower types and enums', () => {
    const report = compareModels({
      entry: driftedEntry,
      document,
      targets: [
        { model: 'Agent' },
        { model: 'DataSource' },
        { model: 'ContactListParams', query: 'contacts.list' },
        { model: 'TopicDay' },
      ],
    });
    expect(report.errors.sort()).toEqual(
      [
        'Agent.language: in the schema, missing in the model',
        'Agent.nickname: in the model, not in the schema',
        'Agent.isArchived: required in the schema, optional in the model',
        'Agent.isImageSharingEnabled: optional in the schema, required in the model',
        'Agent.name: the schema allows any string, the model type `number` does not',
        'Agent.slug: the schema allows any string, the model type `"a" | "b"` does not',
        'DataSource.status: the model type `"PENDING" | "COMPLETED"` lacks "FAILED"',
        'DataSource.url: the schema allows null, the model type `string` does not',
        'DataSource.createdAt: the schema allows any string, the model type `Date` does not',
        'ContactListParams.agentId: required in the schema, optional in the model',
        'ContactListParams.page: the schema allows a number, the model type `string | undefined` does not',
        'TopicDay: the schema allows any property name, the model has no string index signature',
      ].sort(),
    );
  });
});
