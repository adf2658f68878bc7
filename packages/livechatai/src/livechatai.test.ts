import { startEmulator } from '@livechatai/emulator';
import { recordFetch, sentAs, useEmulator } from '@livechatai/test-utils';
import { describe, expect, it } from 'vitest';
import {
  Agents,
  AISuggestions,
  Analytics,
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  Contacts,
  Conversations,
  DataSources,
  InternalServerError,
  InvalidParameterError,
  isNotFoundError,
  isRateLimitError,
  logRequests,
  LiveChatAI,
  LiveChatAIError,
  Messages,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from './index.js';

const env = useEmulator();
const make = (options: ConstructorParameters<typeof LiveChatAI>[0] = {}): LiveChatAI =>
  new LiveChatAI({
    apiKey: env.emulator.apiKey,
    baseURL: env.emulator.url,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
const fault = (spec: string): { headers: Record<string, string> } => ({ headers: { 'x-emulator-fault': spec } });

/** Runs `fn`, returns what it threw or rejected with, and checks that the API key is nowhere in the error. */
async function failure(fn: () => Promise<unknown>): Promise<LiveChatAIError> {
  const err = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LiveChatAIError);
  const text = `${String(err)} ${JSON.stringify(err)} ${(err as Error).stack ?? ''}`;
  expect(text).not.toContain(env.emulator.apiKey);
  return err as LiveChatAIError;
}

describe('LiveChatAI', () => {
  it('bundles every resource on one transport', async () => {
    const client = make();
    expect(client.agents).toBeInstanceOf(Agents);
    expect(client.chatbots).toBe(client.agents);
    expect(client.conversations).toBeInstanceOf(Conversations);
    expect(client.messages).toBeInstanceOf(Messages);
    expect(client.contacts).toBeInstanceOf(Contacts);
    expect(client.dataSources).toBeInstanceOf(DataSources);
    expect(client.aiSuggestions).toBeInstanceOf(AISuggestions);
    expect(client.analytics).toBeInstanceOf(Analytics);
    expect(client.transport.baseURL).toBe(env.emulator.url);

    const agent = await client.agents.create({ name: 'Umbrella', isLiveChatEnabled: true });
    const { contactId } = await client.contacts.upsert({ agentId: agent.id, distinctId: 'u1' });
    const stream = await client.messages.stream({ agentId: agent.id, contactId, question: 'What are your hours?' });
    let text = '';
    for await (const piece of stream.textStream) text += piece;
    const done = await stream.finalMessage();
    expect(done.response).toBe(text);
    expect(done.contactId).toBe(contactId);
    const conversations = await client.contacts.listConversations(contactId).toArray();
    expect(conversations.map((c) => c.id)).toEqual([done.conversationId]);
  });

  it('never writes the API key to its debug log, even around retries and errors', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]): void => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
    const logger = { debug: capture, info: capture, warn: capture, error: capture };
    const recorder = recordFetch();
    const client = make({ fetch: recorder.fetch, middleware: [logRequests({ level: 'debug', logger })] });
    const agent = await client.agents.create({ name: 'Logged', isLiveChatEnabled: true }, fault('status=503'));
    // the injected 503, then the retry that succeeded
    expect(recorder.requests.map(sentAs)).toEqual(['POST /agents', 'POST /agents']);
    await client.messages.send({ agentId: agent.id, question: 'hello?' });
    expect(await failure(() => client.agents.retrieve('agent_missing'))).toBeInstanceOf(NotFoundError);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.some((l) => l.includes('retrying'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(env.emulator.apiKey);
  });

  it('reads the key and base URL from the environment', () => {
    const saved = { key: process.env.LIVECHATAI_API_KEY, url: process.env.LIVECHATAI_BASE_URL };
    try {
      process.env.LIVECHATAI_API_KEY = env.emulator.apiKey;
      process.env.LIVECHATAI_BASE_URL = env.emulator.url;
      expect(new LiveChatAI().transport.baseURL).toBe(env.emulator.url);
      delete process.env.LIVECHATAI_API_KEY;
      expect(() => new LiveChatAI({ baseURL: env.emulator.url })).toThrow(InvalidParameterError);
    } finally {
      if (saved.key === undefined) delete process.env.LIVECHATAI_API_KEY;
      else process.env.LIVECHATAI_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.LIVECHATAI_BASE_URL;
      else process.env.LIVECHATAI_BASE_URL = saved.url;
    }
  });
});

describe('every error class from a real emulator response', () => {
  it('400 BadRequestError, 404 NotFoundError', async () => {
    const client = make();
    // a check only the server makes (the SDK rejects a `limit` over 100 itself, before any request)
    const bad = await failure(() => client.dataSources.addUrl({ agentId: 'agent_any', url: 'not a url' }));
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad).toMatchObject({
      status: 400,
      code: expect.stringMatching(/bad_request|validation_error/),
      requestId: expect.any(String),
    });
    expect(bad.message).toMatch(/url/);

    const missing = await failure(() => client.agents.retrieve('agent_does_not_exist'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(missing)).toBe(true);
    expect(missing).toMatchObject({ status: 404, code: 'not_found', method: 'GET', attempts: 1 });
  });

  it('401 AuthenticationError, 403 PermissionDeniedError', async () => {
    const wrong = await failure(() => make({ apiKey: 'not-a-valid-key-123' }).agents.list());
    expect(wrong).toBeInstanceOf(AuthenticationError);
    expect(wrong).toMatchObject({ status: 401, code: 'unauthorized' });

    const readOnlyKey = await env.emulator.mintKey({ readOnly: true });
    const readOnly = make({ apiKey: readOnlyKey });
    const visible = await make().agents.create({ name: 'Seen read-only', isLiveChatEnabled: false });
    // the read-only key reads the same workspace
    expect((await readOnly.agents.list().toArray()).map((a) => a.id)).toContain(visible.id);
    const denied = await failure(() => readOnly.agents.create({ name: 'Nope', isLiveChatEnabled: false }));
    expect(denied).toBeInstanceOf(PermissionDeniedError);
    expect(denied).toMatchObject({ status: 403, code: 'forbidden' });
    expect(`${String(denied)} ${JSON.stringify(denied)}`).not.toContain(readOnlyKey);
  });

  it('409 ConflictError: an idempotency key reused with a different body', async () => {
    const client = make();
    const first = await client.agents.create(
      { name: 'Once', isLiveChatEnabled: true },
      { idempotencyKey: 'fixed-key-1' },
    );
    const replay = await client.agents.create(
      { name: 'Once', isLiveChatEnabled: true },
      { idempotencyKey: 'fixed-key-1' },
    );
    expect(replay.id).toBe(first.id);
    const conflict = await failure(() =>
      client.agents.create({ name: 'Twice', isLiveChatEnabled: true }, { idempotencyKey: 'fixed-key-1' }),
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.status).toBe(409);
  });

  it('413 PayloadTooLargeError, 415 UnsupportedMediaTypeError', async () => {
    const client = make();
    const agent = await client.agents.create({ name: 'Big', isLiveChatEnabled: true });
    const tooLarge = await failure(() =>
      client.dataSources.addText({ agentId: agent.id, title: 'Huge', content: 'x'.repeat(1_100_000) }),
    );
    expect(tooLarge).toBeInstanceOf(PayloadTooLargeError);
    expect(tooLarge.status).toBe(413);

    const media = await failure(() =>
      client.contacts.upsert({ agentId: agent.id, distinctId: 'd' }, { headers: { 'content-type': 'text/plain' } }),
    );
    expect(media).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(media.status).toBe(415);
  });

  it('422, 429 and 5xx from injected faults', async () => {
    const client = make({ maxRetries: 0 });
    const unprocessable = await failure(() => client.agents.list({}, fault('status=422')));
    expect(unprocessable).toBeInstanceOf(UnprocessableEntityError);

    const limited = await failure(() => client.agents.list({}, fault('status=429; retry-after=7')));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(isRateLimitError(limited)).toBe(true);
    expect(limited).toMatchObject({ retryAfterMs: 7000 });
    expect(limited.retryable).toBe(true);

    const server = await failure(() => client.agents.list({}, fault('status=500')));
    expect(server).toBeInstanceOf(InternalServerError);
    expect(server).toMatchObject({ status: 500, code: 'internal_error', retryable: true });
  });

  it('429 from the emulator rate limiter, then retried after Retry-After', async () => {
    const limited = await startEmulator({ port: 0, db: ':memory:', rateLimit: 2 });
    try {
      const options = { apiKey: limited.apiKey, baseURL: limited.url } as const;
      const strict = new LiveChatAI({ ...options, maxRetries: 0 });
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => strict.agents.list()));
      const rejected = results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
      expect(rejected.length).toBeGreaterThan(0);
      const err = rejected[0];
      if (!isRateLimitError(err)) throw new Error(`expected a RateLimitError, got ${String(err)}`);
      expect(err).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(err.retryAfterMs).toBeGreaterThan(0);
      expect(JSON.stringify(err)).not.toContain(limited.apiKey);

      const recorder = recordFetch();
      const patient = new LiveChatAI({ ...options, maxRetries: 5, fetch: recorder.fetch });
      const pages = await Promise.all([1, 2, 3, 4].map(() => patient.agents.list()));
      expect(pages).toHaveLength(4);
      // a bucket of 2 cannot serve 4 at once: the ones refused were sent again after Retry-After
      expect(recorder.requests.length).toBeGreaterThan(4);
    } finally {
      await limited.close();
    }
  });

  it('APIConnectionError, APITimeoutError and APIUserAbortError', async () => {
    const client = make({ maxRetries: 0 });
    const reset = await failure(() => client.agents.list({}, fault('reset')));
    expect(reset).toBeInstanceOf(APIConnectionError);

    const slow = await failure(() => client.agents.list({}, { timeout: 50, ...fault('latency=2000') }));
    expect(slow).toBeInstanceOf(APITimeoutError);
    expect(slow).toMatchObject({ timeout: 'timeout', ms: 50 });

    const ctrl = new AbortController();
    const pending = client.agents.list({}, { signal: ctrl.signal, ...fault('latency=2000') });
    ctrl.abort();
    expect(await failure(() => pending)).toBeInstanceOf(APIUserAbortError);
  });
});

describe('retries through injected faults', () => {
  it('retries 5xx, 429 and connection resets on reads and succeeds', async () => {
    const recorder = recordFetch();
    const client = make({ maxRetries: 3, fetch: recorder.fetch });
    const agent = await client.agents.create({ name: 'Listed after retries', isLiveChatEnabled: true });
    const cases = [
      ['status=503; count=2', 3],
      ['status=429; retry-after=0; count=2', 3],
      ['reset; count=1', 2],
    ] as const;
    for (const [spec, attempts] of cases) {
      recorder.requests.length = 0;
      const page = await client.agents.list({}, fault(spec));
      expect(page.items.map((a) => a.id)).toContain(agent.id);
      // every failed attempt was sent again (the injected faults, then the attempt that succeeded)
      expect(recorder.requests.map(sentAs), spec).toEqual(Array<string>(attempts).fill('GET /agents'));
    }
  });

  it('retries a committed write with the same idempotency key: one stored contact, one stored message pair', async () => {
    const recorder = recordFetch();
    const client = make({ maxRetries: 3, fetch: recorder.fetch });
    /** The attempts since the last call: method and path, and the one idempotency key they all carried. */
    const attempts = (): { sent: string[]; keys: (string | null)[] } => {
      const sent = recorder.requests.map(sentAs);
      const keys = [...new Set(recorder.requests.map((r) => r.headers.get('idempotency-key')))];
      recorder.requests.length = 0;
      return { sent, keys };
    };

    const created = await client.agents
      .create({ name: 'Retry writes', isLiveChatEnabled: true }, fault('after-write; reset'))
      .withResponse();
    const agent = created.data;
    expect(attempts()).toEqual({ sent: ['POST /agents', 'POST /agents'], keys: [expect.any(String)] });
    // the second attempt was answered from the idempotency store, not by creating again
    expect(created.response.headers.get('idempotent-replayed')).toBe('true');
    const { items: agents } = await env.emulator.store.listAgents(env.emulator.workspaceId, 0, 1000);
    expect(agents.filter((a) => a.name === 'Retry writes')).toHaveLength(1);

    await client.contacts.upsert({ agentId: agent.id, distinctId: 'r1' }, fault('after-write; status=500; count=2'));
    expect(attempts()).toEqual({ sent: Array<string>(3).fill('POST /contacts'), keys: [expect.any(String)] });
    expect((await env.emulator.store.listContacts(env.emulator.workspaceId, agent.id, 0, 100)).total).toBe(1);

    const sent = await client.messages.send(
      { agentId: agent.id, question: 'hello?' },
      fault('after-write; status=503'),
    );
    expect(attempts()).toEqual({ sent: Array<string>(2).fill('POST /conversations'), keys: [expect.any(String)] });
    const conversations = await client.conversations.list({ agentId: agent.id }).toArray();
    expect(conversations.map((c) => c.id)).toEqual([sent.conversationId]);
    expect(await client.messages.list(sent.conversationId)).toHaveLength(2);
    recorder.requests.length = 0;

    const deleted = await client.agents.delete(agent.id, fault('after-write; status=500')).withResponse();
    expect(attempts()).toEqual({
      sent: Array<string>(2).fill(`DELETE /agents/${agent.id}`),
      keys: [expect.any(String)],
    });
    // what the server answered (the SDK adds `id` and `deleted` itself), replayed for the retry
    expect(deleted.raw).toMatchObject({ status: 'success', message: 'Agent deleted successfully' });
    expect(deleted.response.headers.get('idempotent-replayed')).toBe('true');
    expect(await failure(() => client.agents.retrieve(agent.id))).toBeInstanceOf(NotFoundError);
  });
});
