import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { openapiDocument, openapiPath, operations } from '../index.js';

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
const doc = openapiDocument as unknown as {
  paths: Record<string, Record<string, Json>>;
  components: Record<string, Record<string, Json>>;
  servers: { url: string }[];
};

/** The 29 operations of the reference's endpoint table (§2), with our operation IDs. */
const DOCUMENTED = [
  ['POST', '/agents', 'agents.create'],
  ['GET', '/agents', 'agents.list'],
  ['GET', '/agents/{agentId}', 'agents.retrieve'],
  ['DELETE', '/agents/{agentId}', 'agents.delete'],
  ['GET', '/ai-suggestions', 'aiSuggestions.list'],
  ['GET', '/ai-suggestions/{suggestionId}', 'aiSuggestions.retrieve'],
  ['DELETE', '/ai-suggestions/{suggestionId}', 'aiSuggestions.dismiss'],
  ['GET', '/analytics', 'analytics.overview'],
  ['GET', '/analytics/agent', 'analytics.agent'],
  ['GET', '/analytics/ai-functions', 'analytics.aiFunctions'],
  ['GET', '/analytics/csat', 'analytics.csat'],
  ['GET', '/analytics/sentiments', 'analytics.sentiments'],
  ['GET', '/analytics/topics', 'analytics.topics'],
  ['POST', '/contacts', 'contacts.upsert'],
  ['GET', '/contacts', 'contacts.list'],
  ['GET', '/contacts/{contactId}', 'contacts.retrieve'],
  ['GET', '/contacts/{contactId}/conversations', 'contacts.listConversations'],
  ['POST', '/conversations', 'messages.send'],
  ['GET', '/conversations', 'conversations.list'],
  ['GET', '/conversations/{conversationId}', 'conversations.retrieve'],
  ['POST', '/conversations/{conversationId}/reply', 'conversations.reply'],
  ['POST', '/conversations/{conversationId}/end', 'conversations.end'],
  ['GET', '/conversations/views', 'conversations.listViews'],
  ['GET', '/data-sources', 'dataSources.list'],
  ['POST', '/data-sources/text', 'dataSources.addText'],
  ['POST', '/data-sources/url', 'dataSources.addUrl'],
  ['POST', '/data-sources/qa', 'dataSources.addQA'],
  ['POST', '/data-sources/file', 'dataSources.addFile'],
  ['DELETE', '/data-sources', 'dataSources.delete'],
] as const;

const ALIASES = [
  ['POST', '/chatbots', 'chatbots.create', 'agents.create'],
  ['GET', '/chatbots', 'chatbots.list', 'agents.list'],
  ['GET', '/chatbots/{agentId}', 'chatbots.retrieve', 'agents.retrieve'],
  ['DELETE', '/chatbots/{agentId}', 'chatbots.delete', 'agents.delete'],
] as const;

function op(method: string, path: string): Json {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`missing ${method} ${path}`);
  return operation;
}

function resolve(ref: string): Json {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], openapiDocument) as Json;
}

function walk(value: unknown, visit: (node: Json, path: string) => void, path = '#'): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walk(v, visit, `${path}/${i}`);
    });
  } else if (value !== null && typeof value === 'object') {
    visit(value as Json, path);
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}/${k}`);
  }
}

describe('openapi.json', () => {
  it('is a valid OpenAPI 3.1 document per @readme/openapi-parser', async () => {
    const result = await validate(clone(openapiDocument) as never);
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(openapiDocument.openapi).toBe('3.1.0');
  });

  it('the validator used above rejects a broken document (the check can fail)', async () => {
    const missingPathParam = clone(openapiDocument) as unknown as { paths: Record<string, Record<string, Json>> };
    delete missingPathParam.paths['/agents/{agentId}']!.delete!.parameters;
    expect((await validate(missingPathParam as never)).valid).toBe(false);
    const badParameter = clone(openapiDocument) as unknown as {
      paths: Record<string, Record<string, { parameters: Json[] }>>;
    };
    badParameter.paths['/agents']!.get!.parameters[0]!.in = 'body';
    expect((await validate(badParameter as never)).valid).toBe(false);
  });

  it('is up to date with scripts/openapi-source.mjs', () => {
    const script = fileURLToPath(new URL('../scripts/generate-openapi.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
    expect(JSON.parse(readFileSync(openapiPath, 'utf8'))).toEqual(openapiDocument);
  });

  it('targets the v2 base URL with bearer security', () => {
    expect(doc.servers[0]?.url).toBe('https://app.livechatai.com/api/v2');
    expect(doc.components.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('contains exactly the 29 documented operations plus the /chatbots alias', () => {
    const expected = [
      ...DOCUMENTED.map(([method, path, operationId]) => ({ method, path, operationId, aliasOf: null })),
      ...ALIASES.map(([method, path, operationId, aliasOf]) => ({ method, path, operationId, aliasOf })),
    ];
    const sortKey = (o: { method: string; path: string }) => `${o.path} ${o.method}`;
    expect([...operations].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
    expect(operations.filter((o) => o.aliasOf === null)).toHaveLength(29);
    expect(doc.paths['/chatbots']?.['x-alias-of']).toBe('/agents');
    expect(doc.paths['/chatbots/{agentId}']?.['x-alias-of']).toBe('/agents/{agentId}');
  });

  it('alias operations mirror their agents operations', () => {
    for (const [method, path, , aliasOf] of ALIASES) {
      const alias = op(method, path);
      const original = op(method, path.replace('/chatbots', '/agents'));
      expect(alias['x-alias-of']).toBe(aliasOf);
      expect(alias.parameters).toEqual(original.parameters);
      expect(alias.requestBody).toEqual(original.requestBody);
      expect(alias.responses).toEqual(original.responses);
    }
  });

  it('every operation has a unique operationId, bearer security, a summary and description', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path } of operations) {
      const operation = op(method, path);
      expect(operation.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      expect(typeof operation.summary).toBe('string');
      expect(String(operation.description).length).toBeGreaterThan(10);
    }
  });

  it('every operation references the error responses that apply to it', () => {
    for (const { method, path, operationId } of operations) {
      const operation = op(method, path);
      const responses = operation.responses as Record<string, Json>;
      const statuses = Object.keys(responses);
      const params = (operation.parameters ?? []) as Json[];
      const hasBody = Boolean(operation.requestBody);
      const bodyRef = (operation.requestBody as { content?: Record<string, { schema: { $ref: string } }> } | undefined)
        ?.content?.['application/json']?.schema.$ref;
      const bodySchema = bodyRef === undefined ? undefined : resolve(bodyRef);
      const shapes = bodySchema?.oneOf
        ? (bodySchema.oneOf as { $ref: string }[]).map((b) => resolve(b.$ref))
        : bodySchema
          ? [bodySchema]
          : [];
      const bodyNamesAgent = shapes.some((shape) => 'agentId' in ((shape.properties ?? {}) as Json));
      const looksUpSomething = params.some((p) => p.in === 'path' || p.name === 'agentId') || bodyNamesAgent;
      expect(params.length > 0 || hasBody, `${operationId} has input`).toBe(true);
      const expected = new Set(['200', '400', '401', '403', '429', '500']);
      if (looksUpSomething) expected.add('404');
      if (method !== 'GET') expected.add('409');
      if (hasBody) {
        expected.add('413');
        expected.add('415');
      }
      expect(statuses.sort(), operationId).toEqual([...expected].sort());
      for (const status of statuses.filter((s) => s !== '200')) {
        const ref = String(responses[status]?.$ref);
        const response = resolve(ref) as { content: Record<string, { schema: Json }>; headers: Record<string, Json> };
        expect(response.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
        expect(Object.keys(response.headers)).toContain('x-request-id');
        if (status === '429') expect(Object.keys(response.headers)).toContain('Retry-After');
      }
      expect(Object.keys(responses['200']?.headers as Json)).toContain('x-request-id');
      if (method !== 'GET') {
        expect(
          params.some((p) => p.$ref === '#/components/parameters/IdempotencyKey'),
          operationId,
        ).toBe(true);
      }
    }
  });

  it('defines the Error envelope with the D6 codes', () => {
    const schemas = doc.components.schemas!;
    expect(schemas.Error?.required).toEqual(['status', 'message', 'code']);
    expect(schemas.ErrorCode?.enum).toEqual([
      'bad_request',
      'validation_error',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'internal_error',
    ]);
  });

  it('documents the inferred filter names (D4) on both conversation lists', () => {
    for (const path of ['/conversations', '/contacts/{contactId}/conversations']) {
      const names = (op('GET', path).parameters as Json[]).map((p) => p.name);
      for (const name of [
        'page',
        'perPage',
        'sort',
        'status',
        'startDate',
        'endDate',
        'assignee',
        'sentiment',
        'topic',
        'channel',
        'resolution',
        'viewId',
      ]) {
        expect(names, `${path} ${name}`).toContain(name);
      }
    }
    const views = (op('GET', '/conversations/views').parameters as Json[]).map((p) => p.name);
    expect(views).toEqual(['agentId', 'search', 'page', 'perPage']);
  });

  it('documents paging parameters with their defaults and bounds', () => {
    const param = (method: string, path: string, name: string) =>
      (op(method, path).parameters as Json[]).find((p) => p.name === name)?.schema;
    expect(param('GET', '/agents', 'limit')).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 10 });
    expect(param('GET', '/conversations', 'perPage')).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    expect(param('GET', '/analytics/csat', 'pageSize')).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 10,
    });
    expect(param('GET', '/ai-suggestions', 'page')).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 1_000_000,
      default: 1,
    });
    expect(param('GET', '/analytics', 'startDate')).toEqual({ type: 'string', format: 'date' });
  });

  it('documents streaming as text/event-stream on POST /conversations, its events typed with standard JSON Schema', () => {
    const content = (op('POST', '/conversations').responses as Record<string, { content: Json }>)['200']?.content;
    expect(Object.keys(content ?? {})).toEqual(['application/json', 'text/event-stream']);
    const media = content?.['text/event-stream'] as { schema: Json };
    expect(media.schema).toMatchObject({
      type: 'string',
      contentMediaType: 'text/event-stream',
      contentSchema: { type: 'array', items: { $ref: '#/components/schemas/StreamEvent' } },
    });
    expect(Object.keys(media).filter((k) => k.startsWith('x-'))).toEqual([]);
    const event = doc.components.schemas!.StreamEvent as { oneOf: Json[]; discriminator: Json };
    expect(event.oneOf).toEqual(
      ['StreamDeltaEvent', 'StreamDoneEvent', 'StreamErrorEvent'].map((n) => ({ $ref: `#/components/schemas/${n}` })),
    );
    expect(event.discriminator).toMatchObject({ propertyName: 'event' });
    const data = (name: string) => (doc.components.schemas![name] as { properties: Record<string, Json> }).properties;
    expect(data('StreamDeltaEvent').event).toMatchObject({ const: 'delta' });
    expect(data('StreamDeltaEvent').data).toMatchObject({ $ref: '#/components/schemas/StreamDelta' });
    expect(data('StreamDoneEvent').data).toMatchObject({ $ref: '#/components/schemas/SendMessageData' });
    expect(data('StreamErrorEvent').data).toMatchObject({ $ref: '#/components/schemas/Error' });
  });

  it('states the limits the emulator enforces', () => {
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, Json>; required?: string[] }>;
    const field = (schema: string, name: string) => schemas[schema]!.properties[name];
    expect(field('AgentCreateRequest', 'name')).toMatchObject({ minLength: 1, maxLength: 200, pattern: '\\S' });
    expect(field('SendMessageRequest', 'question')).toMatchObject({ maxLength: 20_000, pattern: '\\S' });
    expect(String(field('SendMessageRequest', 'contactId')?.description)).toMatch(
      /must be that conversation's contact/,
    );
    expect(field('ContactUpsertRequest', 'phone')).toMatchObject({ maxLength: 50 });
    expect(field('ContactUpsertRequest', 'attributes')).toMatchObject({
      maxProperties: 100,
      propertyNames: { maxLength: 100 },
      additionalProperties: { maxLength: 2000 },
    });
    expect(field('AddUrlRequest', 'url')).toMatchObject({
      maxLength: 2048,
      pattern: expect.stringMatching(/^\^\[Hh\]/),
    });
    expect(field('DeleteDataSourcesByIdsRequest', 'ids')).toMatchObject({ minItems: 1, maxItems: 100 });
    expect(doc.components.parameters!.IdempotencyKey).toMatchObject({ schema: { pattern: '^[!-~]{1,255}$' } });
    expect(String((op('GET', '/analytics').parameters as Json[])[1]?.description)).toMatch(/10 years/);
    expect(schemas.AgentListItem!.required).not.toContain('slug');
    expect(schemas.Agent!.required).toContain('slug');
    const headersOf = (method: string, path: string) =>
      Object.keys((op(method, path).responses as Record<string, Json>)['200']!.headers as Json);
    expect(headersOf('POST', '/agents')).toContain('idempotent-replayed');
    expect(headersOf('GET', '/agents')).not.toContain('idempotent-replayed');
  });

  it('has only resolvable references and no unused schemas', () => {
    const used = new Set<string>();
    walk(openapiDocument, (node, at) => {
      if (typeof node.$ref === 'string') {
        expect(resolve(node.$ref), `${at} -> ${node.$ref}`).toBeDefined();
        if (node.$ref.startsWith('#/components/schemas/')) used.add(node.$ref.slice('#/components/schemas/'.length));
      }
    });
    expect(Object.keys(doc.components.schemas ?? {}).filter((name) => !used.has(name))).toEqual([]);
  });

  it('describes every property, types timestamps as date-time and keeps response objects open', () => {
    walk(doc.components.schemas, (node, at) => {
      if (!node.properties) return;
      const properties = node.properties as Record<string, Json>;
      for (const [name, schema] of Object.entries(properties)) {
        expect(typeof schema.description, `${at}/${name} has a description`).toBe('string');
        if (name.endsWith('At') || name === 'lastMessageDate') expect(schema.format, `${at}/${name}`).toBe('date-time');
        if (name === 'date') expect(schema.format, `${at}/${name}`).toBe('date');
      }
      for (const required of (node.required ?? []) as string[])
        expect(properties, `${at} requires ${required}`).toHaveProperty(required);
      const isRequestBody = (at.split('/')[1] ?? '').endsWith('Request');
      if (!isRequestBody && node.additionalProperties !== undefined) {
        expect(node.additionalProperties, at).not.toBe(false);
      }
      if (isRequestBody && at.split('/').length === 2) expect(node.additionalProperties, at).toBe(false);
    });
  });

  it('keeps the documented quirks (D3)', () => {
    const schemas = doc.components.schemas as Record<
      string,
      Json & { properties: Record<string, Json>; required: string[] }
    >;
    expect(Object.keys(schemas.ContactUpsertResponse!.properties)).toEqual(['status', 'contactId']);
    expect(schemas.Contact!.properties).not.toHaveProperty('status');
    expect(schemas.Contact!.properties.attributes).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/ContactAttribute' },
    });
    expect(schemas.AgentList!.required).toEqual(['status', 'data', 'totalCount', 'pages']);
    expect(schemas.ContactList!.required).toEqual(['status', 'agentId', 'data', 'totalCount', 'pages']);
    expect(schemas.DataSourceList!.properties.data!.required).toEqual(['agentId', 'items', 'totalCount', 'pages']);
    expect(schemas.SentimentsAnalytics!.required).toEqual(['status', 'data', 'keys', 'allSentimentsCounts']);
    expect(schemas.TopicsAnalytics!.required).toEqual(['status', 'data', 'keys', 'allTopics', 'areAllTopicsVisible']);
    for (const name of ['SendMessageResponse', 'ReplyResponse', 'EndResponse'])
      expect(schemas[name]!.required).toEqual(['status', 'message', 'data']);
    expect(schemas.Agent!.required).toContain('slug');
    expect(schemas.AgentDeleteResponse!.required).toEqual(['status', 'message']);
    expect(schemas.AgentPerformancePeriod!.properties).toHaveProperty('avarageMessagesPerConversation');
  });
});
