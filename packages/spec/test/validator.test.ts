import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  createResponseValidator,
  matchOperation,
  openapiDocument,
  operations,
  parseEventStream,
  validateQuery,
  validateRequestBody,
  validateResponse,
} from '../index.js';

type Json = Record<string, unknown>;
interface Media {
  example?: unknown;
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

const validator = createResponseValidator();
const paths = openapiDocument.paths as Record<string, Record<string, Operation>>;
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, 'id_123');
const operation = (id: string) => {
  const found = operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`unknown operation ${id}`);
  return { ...found, path: concrete(found.path) };
};
const example = (id: string, contentType = 'application/json'): Json => {
  const o = operation(id);
  const original = operations.find((x) => x.operationId === id)!;
  return structuredClone(
    paths[original.path]![o.method.toLowerCase()]!.responses['200']!.content![contentType]!.example,
  ) as Json;
};
const check = (id: string, body: unknown, status = 200, contentType?: string) => {
  const o = operation(id);
  return validator({ method: o.method, path: `/api/v2${o.path}`, status, body, contentType });
};

describe('documented examples', () => {
  const cases = operations.flatMap(({ method, path, operationId }) =>
    Object.entries(paths[path]![method.toLowerCase()]!.responses['200']!.content!).map(([contentType, media]) => ({
      method,
      path,
      operationId,
      contentType,
      media,
    })),
  );

  it('every operation has a 200 example', () => {
    for (const c of cases) expect(c.media.example, `${c.operationId} ${c.contentType}`).toBeDefined();
    expect(new Set(cases.map((c) => c.operationId)).size).toBe(operations.length);
  });

  it.each(cases)('$operationId 200 $contentType example is valid', ({ method, path, contentType, media }) => {
    const result = validator.validateResponse({
      method,
      path: `/api/v2${concrete(path)}`,
      status: 200,
      body: media.example,
      contentType,
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(operations.filter((o) => paths[o.path]![o.method.toLowerCase()]!.requestBody))(
    '$operationId request example is valid',
    ({ method, path }) => {
      const body = paths[path]![method.toLowerCase()]!.requestBody!.content['application/json']!.example;
      expect(validator.validateRequestBody({ method, path: concrete(path), body }).errors).toEqual([]);
    },
  );

  it('error envelopes validate on every documented error status', () => {
    for (const { method, path, operationId } of operations) {
      for (const status of Object.keys(paths[path]![method.toLowerCase()]!.responses).filter((s) => s !== '200')) {
        const code =
          { '400': 'validation_error', '401': 'unauthorized', '429': 'rate_limited' }[status] ?? 'internal_error';
        const result = validator({
          method,
          path: concrete(path),
          status: Number(status),
          body: { status: 'error', message: 'Something went wrong', code },
          contentType: 'application/json; charset=utf-8',
        });
        expect(result.errors, `${operationId} ${status}`).toEqual([]);
      }
    }
  });
});

describe('reference fixtures', () => {
  it('accepts extra, undocumented response fields (open objects)', () => {
    const body = example('agents.retrieve');
    (body.data as Json).model = 'gpt-4o';
    body.requestId = 'req_1';
    expect(check('agents.retrieve', body).valid).toBe(true);
  });

  it('accepts a JSON text body', () => {
    expect(check('contacts.upsert', JSON.stringify({ status: 'success', contactId: 'contact_1' })).valid).toBe(true);
  });

  it('accepts an empty list page and nullable fields', () => {
    expect(
      check('agents.list', {
        status: 'success',
        data: [],
        totalCount: 0,
        pages: { page: 1, perPage: 10, totalPages: 0, hasPrevious: false, hasNext: false, previous: null, next: null },
      }).valid,
    ).toBe(true);
    const contact = example('contacts.retrieve');
    Object.assign(contact, {
      chatSource: null,
      email: null,
      distinctId: null,
      name: null,
      phone: null,
      threadId: null,
      ip: null,
      country: null,
      attributes: [],
    });
    expect(check('contacts.retrieve', contact).errors).toEqual([]);
  });

  it('accepts a streamed answer with keep-alive comments and CRLF line ends', () => {
    const stream =
      ': ping\r\n\r\nid: 1\r\nevent: delta\r\ndata: {"text":"Hi"}\r\n\r\n' +
      'id: 2\r\nevent: done\r\ndata: {"conversationId":"c","contactId":"k","response":"Hi","messageId":"m1","responseMessageId":"m2","links":[]}\r\n\r\n';
    expect(check('messages.send', stream, 200, 'text/event-stream; charset=utf-8').errors).toEqual([]);
    const failed = 'id: 1\nevent: error\ndata: {"status":"error","message":"boom","code":"internal_error"}\n\n';
    expect(check('messages.send', failed, 200, 'text/event-stream').valid).toBe(true);
  });
});

describe('malformed responses are rejected', () => {
  const cases: [string, string, (body: Json) => unknown, RegExp][] = [
    [
      'agents.list',
      'paging moved inside data',
      (b) => ({ status: b.status, data: { items: b.data, totalCount: 1, pages: b.pages } }),
      /body\/data must be array/,
    ],
    [
      'agents.retrieve',
      'agent without slug',
      (b) => ({ ...b, data: { ...(b.data as Json), slug: undefined } }),
      /must have required property 'slug'/,
    ],
    ['agents.delete', 'missing message', () => ({ status: 'success' }), /required property 'message'/],
    [
      'contacts.upsert',
      'contactId wrapped in data',
      () => ({ status: 'success', data: { contactId: 'c' } }),
      /required property 'contactId'/,
    ],
    ['contacts.retrieve', 'enveloped contact', (b) => ({ status: 'success', data: b }), /required property 'id'/],
    [
      'contacts.retrieve',
      'attributes as a map',
      (b) => ({ ...b, attributes: { planType: 'premium' } }),
      /body\/attributes must be array/,
    ],
    ['contacts.list', 'no top-level agentId', (b) => ({ ...b, agentId: undefined }), /required property 'agentId'/],
    [
      'dataSources.list',
      'unknown status',
      (b) => withPath(b, ['data', 'items', 0, 'status'], 'DONE'),
      /status must be equal to one of the allowed values \(PENDING, COMPLETED, FAILED\)/,
    ],
    [
      'dataSources.list',
      'paging at top level',
      (b) => ({ status: 'success', data: { agentId: 'a', items: [] }, totalCount: 0, pages: (b.data as Json).pages }),
      /required property 'totalCount'/,
    ],
    [
      'dataSources.addText',
      'item without id',
      (b) => withPath(b, ['data', 'item', 'id'], undefined),
      /required property 'id'/,
    ],
    [
      'conversations.retrieve',
      'unknown role',
      (b) => withPath(b, ['data', 'messages', 0, 'role'], 'bot'),
      /role must be equal to one of the allowed values \(user, assistant, agent\)/,
    ],
    [
      'conversations.retrieve',
      'bad timestamp',
      (b) => withPath(b, ['data', 'createdAt'], 'yesterday'),
      /createdAt must match format "date-time"/,
    ],
    [
      'conversations.list',
      'meta under a different name',
      (b) => ({ status: 'success', data: { conversations: [], pagination: (b.data as Json).meta } }),
      /required property 'meta'/,
    ],
    [
      'conversations.list',
      'unknown channel',
      (b) => withPath(b, ['data', 'conversations', 0, 'integrationType'], 'EMAIL'),
      /integrationType must be equal to one of the allowed values/,
    ],
    ['messages.send', 'no top-level message', (b) => ({ ...b, message: undefined }), /required property 'message'/],
    [
      'messages.send',
      'links as strings',
      (b) => withPath(b, ['data', 'links'], ['https://example.com']),
      /links\/0 must be object/,
    ],
    [
      'conversations.reply',
      'sender USER',
      (b) => withPath(b, ['data', 'message', 'sender'], 'USER'),
      /sender must be equal to constant \("AGENT"\)/,
    ],
    ['conversations.end', 'missing data', () => ({ status: 'success', message: 'ok' }), /required property 'data'/],
    [
      'aiSuggestions.dismiss',
      'dismissed false',
      (b) => withPath(b, ['data', 'dismissed'], false),
      /dismissed must be equal to constant/,
    ],
    [
      'aiSuggestions.list',
      'wrong status',
      (b) => ({ ...b, status: 'ok' }),
      /body\/status must be equal to constant \("success"\)/,
    ],
    [
      'analytics.overview',
      'bad daily date',
      (b) => withPath(b, ['data', 'currentPeriod', 'dailyData', 0, 'date'], '2024/01/15'),
      /date must match format "date"/,
    ],
    [
      'analytics.csat',
      'score 6',
      (b) => withPath(b, ['data', 'currentPeriod', 'scores', 0, 'score'], 6),
      /score must be <= 5/,
    ],
    [
      'analytics.topics',
      'non-integer topic count',
      (b) => withPath(b, ['data', 0, 'Pricing'], 'many'),
      /must be integer/,
    ],
    [
      'analytics.sentiments',
      'unknown sentiment key',
      (b) => ({ ...b, keys: ['HAPPY'] }),
      /keys\/0 must be equal to one of the allowed values/,
    ],
    [
      'analytics.agent',
      'corrected spelling',
      (b) => withPath(b, ['data', 'previousPeriod', 'avarageMessagesPerConversation'], undefined),
      /required property 'avarageMessagesPerConversation'/,
    ],
  ];

  it.each(cases)('%s: %s', (id, _label, mutate, expected) => {
    const result = check(id, mutate(example(id)));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(expected);
  });

  it('rejects an error envelope with an unknown code or status', () => {
    expect(check('agents.list', { status: 'error', message: 'x', code: 'oops' }, 500).errors.join()).toMatch(
      /code must be equal to one of the allowed values/,
    );
    expect(check('agents.list', { status: 'failure', message: 'x', code: 'internal_error' }, 500).valid).toBe(false);
    expect(check('agents.list', { status: 'error', code: 'internal_error' }, 500).valid).toBe(false);
  });

  it('rejects undocumented statuses, content types and paths', () => {
    expect(check('agents.list', {}, 418).errors[0]).toMatch(/status 418 is not documented for agents.list/);
    expect(check('agents.list', { status: 'error', message: 'x', code: 'not_found' }, 404).errors[0]).toMatch(
      /status 404 is not documented/,
    );
    expect(check('agents.list', '<html></html>', 200, 'text/html').errors[0]).toMatch(
      /content type text\/html is not documented/,
    );
    expect(check('agents.list', 'data: x\n\n', 200, 'text/event-stream').valid).toBe(false);
    expect(validator({ method: 'GET', path: '/api/v2/messages', status: 200, body: {} })).toEqual({
      valid: false,
      errors: ['no documented operation for GET /api/v2/messages'],
      operationId: null,
    });
    expect(validator({ method: 'PATCH', path: '/agents/a', status: 200, body: {} }).valid).toBe(false);
    expect(check('agents.list', '{not json').errors).toEqual(['body is not valid JSON']);
  });

  it('rejects malformed event streams', () => {
    const done =
      '{"conversationId":"c","contactId":"k","response":"Hi","messageId":"m1","responseMessageId":"m2","links":[]}';
    const bad: [string, RegExp][] = [
      ['id: 1\nevent: delta\ndata: {"text":"Hi"}\n\n', /does not end with a done or error event/],
      ['event: delta\ndata: {"text":"Hi"}\n\nid: 2\nevent: done\ndata: ' + done + '\n\n', /missing id/],
      [
        'id: 1\nevent: chunk\ndata: {"text":"Hi"}\n\nid: 2\nevent: done\ndata: ' + done + '\n\n',
        /undocumented event type/,
      ],
      [
        'id: 1\nevent: done\ndata: ' + done + '\n\nid: 2\nevent: delta\ndata: {"text":"late"}\n\n',
        /events follow the terminal event/,
      ],
      ['id: 1\nevent: done\ndata: {"conversationId":"c"}\n\n', /required property 'response'/],
      ['id: 1\nevent: delta\ndata: Hi\n\nid: 2\nevent: done\ndata: ' + done + '\n\n', /data is not JSON/],
      ['', /stream has no events/],
    ];
    for (const [stream, expected] of bad) {
      const result = check('messages.send', stream, 200, 'text/event-stream');
      expect(result.valid, stream).toBe(false);
      expect(result.errors.join('\n')).toMatch(expected);
    }
    expect(check('messages.send', { text: 'x' }, 200, 'text/event-stream').errors).toEqual([
      'body: an event stream must be given as text',
    ]);
  });
});

describe('path matching', () => {
  it('prefers static segments over templated ones', () => {
    expect(matchOperation('GET', '/api/v2/conversations/views')?.operationId).toBe('conversations.listViews');
    expect(matchOperation('GET', '/api/v2/conversations/chat_1')).toMatchObject({
      operationId: 'conversations.retrieve',
      path: '/conversations/{conversationId}',
      params: { conversationId: 'chat_1' },
    });
    expect(matchOperation('POST', '/conversations/chat_1/reply')?.operationId).toBe('conversations.reply');
    expect(matchOperation('POST', '/data-sources/qa')?.operationId).toBe('dataSources.addQA');
  });

  it('accepts full URLs, query strings, trailing slashes and encoded IDs', () => {
    expect(matchOperation('get', 'http://127.0.0.1:4010/api/v2/agents?page=2&limit=5')?.operationId).toBe(
      'agents.list',
    );
    expect(matchOperation('GET', '/agents/')?.operationId).toBe('agents.list');
    expect(matchOperation('GET', '/agents/my%20bot')?.params).toEqual({ agentId: 'my bot' });
    expect(matchOperation('GET', '/agents/%E0%A4%A')?.params).toEqual({ agentId: '%E0%A4%A' });
    expect(matchOperation('DELETE', '/api/v2/chatbots/abc')?.operationId).toBe('chatbots.delete');
  });

  it('returns null for undocumented paths and methods', () => {
    expect(matchOperation('GET', '/agents/a/b')).toBeNull();
    expect(matchOperation('POST', '/agents/a')).toBeNull();
    expect(matchOperation('GET', '/api/v1/agents/a/b')).toBeNull();
  });
});

describe('request bodies', () => {
  const body = (method: string, path: string, value: unknown) => validateRequestBody({ method, path, body: value });

  it('accepts minimal valid bodies', () => {
    expect(body('POST', '/agents', { name: 'Bot', isLiveChatEnabled: false }).valid).toBe(true);
    expect(body('POST', '/conversations', { question: 'Hi', agentId: 'a', streaming: true }).valid).toBe(true);
    expect(body('POST', '/conversations/c/end', undefined).valid).toBe(true);
    expect(body('POST', '/conversations/c/end', {}).valid).toBe(true);
    expect(body('DELETE', '/data-sources', { agentId: 'a', source: 'QA', id: 'ds_1', ids: ['ds_2'] }).valid).toBe(true);
    expect(body('GET', '/agents', undefined).valid).toBe(true);
  });

  it('rejects missing, misspelt and mistyped fields', () => {
    expect(body('POST', '/agents', { name: 'Bot' }).errors).toEqual([
      "body must have required property 'isLiveChatEnabled'",
    ]);
    expect(body('POST', '/agents', { name: '', isLiveChatEnabled: true }).errors[0]).toMatch(
      /name must NOT have fewer than 1 characters/,
    );
    expect(body('POST', '/conversations', { question: 'Hi', chatbotId: 'a' }).errors).toEqual([
      "body must have required property 'agentId'",
      'body must NOT have additional properties (`chatbotId`)',
    ]);
    expect(
      body('POST', '/data-sources/file', { title: 't', content: 'c', agentId: 'a', fileType: 'PDF' }).errors[0],
    ).toMatch(/fileType must be equal to one of the allowed values \(pdf, docx, image\)/);
    expect(body('POST', '/data-sources/url', { url: 'not a url', agentId: 'a' }).errors.join()).toMatch(
      /url must match format "uri"/,
    );
    expect(body('POST', '/data-sources/url', { url: 'ftp://example.com/x', agentId: 'a' }).errors.join()).toMatch(
      /url must match pattern/,
    );
    expect(body('DELETE', '/data-sources', { agentId: 'a', source: 'TEXT' }).errors.join()).toMatch(
      /must match exactly one schema in oneOf/,
    );
    expect(body('DELETE', '/data-sources', { agentId: 'a', source: 'TEXT', id: 'x', ids: ['y'] }).valid).toBe(true);
    expect(
      body('DELETE', '/data-sources', {
        agentId: 'a',
        source: 'TEXT',
        ids: Array.from({ length: 101 }, (_, i) => `ds_${i}`),
      }).valid,
    ).toBe(false);
    expect(body('POST', '/agents', { name: '   ', isLiveChatEnabled: true }).valid).toBe(false);
    expect(body('POST', '/agents', { name: 'x'.repeat(201), isLiveChatEnabled: true }).valid).toBe(false);
    expect(body('POST', '/contacts', { agentId: 'a', distinctId: 'u', name: null }).valid).toBe(false);
    expect(body('DELETE', '/data-sources', { agentId: 'a', source: 'TEXT', ids: [] }).valid).toBe(false);
    expect(body('POST', '/contacts', { agentId: 'a', distinctId: 'u', attributes: { plan: 1 } }).errors[0]).toMatch(
      /attributes\/plan must be string/,
    );
    expect(body('POST', '/conversations/c/reply', undefined).errors).toEqual([
      'conversations.reply requires a request body',
    ]);
    expect(body('GET', '/agents', {}).errors).toEqual(['agents.list takes no request body']);
    expect(
      validateRequestBody({
        method: 'POST',
        path: '/agents',
        body: 'name=Bot',
        contentType: 'application/x-www-form-urlencoded',
      }).errors[0],
    ).toMatch(/not accepted/);
  });
});

describe('module exports', () => {
  it('index.js exports exactly the values index.d.ts declares', async () => {
    const dts = ts.createSourceFile(
      'index.d.ts',
      readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8'),
      ts.ScriptTarget.ES2022,
    );
    const declared = dts.statements.flatMap((statement) => {
      if (ts.isFunctionDeclaration(statement) && statement.name) return [statement.name.text];
      if (ts.isVariableStatement(statement))
        return statement.declarationList.declarations.map((d) => d.name.getText(dts));
      return [];
    });
    const runtime = Object.keys(await import('../index.js'));
    expect(runtime.sort()).toEqual([...new Set(declared)].sort());
  });

  it('the default helpers agree with a fresh validator', () => {
    const body = example('agents.list');
    expect(validateResponse({ method: 'GET', path: '/agents', status: 200, body })).toEqual(
      validator.validateResponse({ method: 'GET', path: '/agents', status: 200, body }),
    );
  });

  it('parses event streams', () => {
    expect(parseEventStream('id: 7\nevent: delta\ndata: a\ndata: b\n\n: comment\n\ndata: x\n\n')).toEqual([
      { event: 'delta', data: 'a\nb', id: '7' },
      { event: 'message', data: 'x', id: undefined },
    ]);
  });
});

function withPath(body: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return copy;
}

describe('query parameters', () => {
  it('accepts documented parameters, coercing strings to their types', () => {
    expect(validateQuery({ method: 'GET', path: '/api/v2/agents?page=2&limit=100' })).toEqual({
      valid: true,
      errors: [],
      operationId: 'agents.list',
    });
    expect(validateQuery({ method: 'GET', path: '/agents/x', query: { isEmbed: true } }).valid).toBe(true);
    expect(
      validateQuery({
        method: 'GET',
        path: '/conversations',
        query: new URLSearchParams({
          agentId: 'a',
          perPage: '20',
          sort: 'asc',
          status: 'close',
          startDate: '1747196400',
          endDate: '2024-01-31',
          assignee: 'ai',
          sentiment: 'NEGATIVE',
          topic: 'billing',
          channel: 'WHATSAPP',
          resolution: 'TalkToAgent',
          viewId: 'v',
        }),
      }).errors,
    ).toEqual([]);
    expect(
      validateQuery({
        method: 'GET',
        path: '/analytics/csat',
        query: { agentId: 'a', startDate: '2024-01-01', endDate: '2024-01-31', pageSize: 5, timezone: undefined },
      }).errors,
    ).toEqual([]);
    expect(validateQuery({ method: 'DELETE', path: '/data-sources' }).valid).toBe(true);
  });

  it('rejects undocumented names, missing required ones and bad values', () => {
    expect(validateQuery({ method: 'GET', path: '/conversations?agentId=a&per_page=10' }).errors).toEqual([
      'query parameter `per_page` is not documented for conversations.list',
    ]);
    expect(validateQuery({ method: 'GET', path: '/contacts' }).errors).toEqual([
      'query parameter `agentId` is required by contacts.list',
    ]);
    expect(validateQuery({ method: 'GET', path: '/agents?limit=101' }).errors).toEqual(['query.limit must be <= 100']);
    expect(validateQuery({ method: 'GET', path: '/agents?page=first' }).errors).toEqual(['query.page must be integer']);
    expect(validateQuery({ method: 'GET', path: '/conversations?agentId=a&status=closed' }).errors[0]).toMatch(
      /query.status must be equal to one of the allowed values \(open, close\)/,
    );
    expect(validateQuery({ method: 'GET', path: '/conversations?agentId=a&startDate=last-week' }).errors[0]).toMatch(
      /query.startDate must match pattern/,
    );
    expect(
      validateQuery({ method: 'GET', path: '/analytics?agentId=a&startDate=2024-01-01&endDate=01/31/2024' }).errors,
    ).toEqual(['query.endDate must match format "date"']);
    expect(validateQuery({ method: 'GET', path: '/agents', query: { page: [1, 2] } }).errors).toEqual([
      'query parameter `page` is repeated',
    ]);
    expect(validateQuery({ method: 'GET', path: '/nowhere' }).valid).toBe(false);
  });
});

describe('coverage', () => {
  it('records the operations and statuses a validator has seen', () => {
    const fresh = createResponseValidator();
    expect(fresh.coverage().missing).toHaveLength(operations.length);
    fresh({ method: 'GET', path: '/agents', status: 200, body: {} });
    fresh({
      method: 'GET',
      path: '/agents?page=2',
      status: 429,
      body: { status: 'error', message: 'slow down', code: 'rate_limited' },
    });
    fresh({ method: 'GET', path: '/nowhere', status: 200, body: {} });
    fresh.validateRequestBody({ method: 'POST', path: '/agents', body: { name: 'x', isLiveChatEnabled: true } });
    const coverage = fresh.coverage();
    expect(coverage.operationIds).toEqual(['agents.list']);
    expect(coverage.responses).toEqual([
      { operationId: 'agents.list', status: 200 },
      { operationId: 'agents.list', status: 429 },
    ]);
    expect(coverage.missing).toHaveLength(operations.length - 1);
    expect(coverage.missing).not.toContain('agents.list');
  });
});
