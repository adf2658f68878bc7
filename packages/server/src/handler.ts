import { Contacts } from '@livechatai/contacts';
import { Conversations } from '@livechatai/conversations';
import { createClient, isLiveChatAIError, isNotFoundError, isRateLimitError, toErrorEnvelope } from '@livechatai/core';
import type { LiveChatAIClient, Message, SendMessageParams } from '@livechatai/core';
import { Messages } from '@livechatai/messages';
import { memoryStore } from './store.js';
import type { ChatStore } from './store.js';
import { readCookie, visitorCookie, VisitorCookies } from './visitor.js';
import type { Visitor } from './visitor.js';

/** A Fetch-API handler: mount it on one path (e.g. `/api/chat`) for GET and POST. */
export type ChatHandler = (request: Request) => Promise<Response>;

/** A limit of `limit` requests per `windowMs` for one visitor. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Messages sent (POST). Default 20 per minute. */
  send?: RateLimitRule | undefined;
  /** Conversation reads (GET; the widget polls for human replies). Default 120 per minute. */
  read?: RateLimitRule | undefined;
  /**
   * What one limit counts: by default the visitor id. An anonymous visitor who drops the cookie becomes a new
   * visitor, so a public site may want to add the client's address (e.g. from your platform's header).
   */
  key?: ((request: Request, visitor: Visitor) => string) | undefined;
}

export interface ChatHandlerOptions {
  /** The client that holds the secret key. Default: `createClient()` (LIVECHATAI_API_KEY, LIVECHATAI_BASE_URL). */
  client?: LiveChatAIClient | undefined;
  /** The agents visitors may talk to: a list of ids, or a function giving the one agent of a request (or null). */
  agents: readonly string[] | ((request: Request) => string | null | Promise<string | null>);
  /** Your signed-in user for a request, or null for an anonymous visitor (kept in a signed cookie). */
  identify?: ((request: Request) => Visitor | null | Promise<Visitor | null>) | undefined;
  /** Signs anonymous-visitor cookies: at least 32 characters, secret, the same on every instance. */
  secret?: string | undefined;
  /** Other origins allowed to call the handler (e.g. `https://www.example.com`); its own origin always is. */
  origins?: readonly string[] | undefined;
  /** Longest question, in characters. Default 20 000 (the API's limit). */
  maxQuestionLength?: number | undefined;
  /** Largest request body, in bytes. Default 64 kB. */
  maxBodyBytes?: number | undefined;
  /** Per-visitor rate limits, or false for none. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Shared state (rate limits, visitor contacts, conversation owners). Default `memoryStore()`. */
  store?: ChatStore | undefined;
  /** Name of the anonymous-visitor cookie. Default `livechatai_visitor`. */
  cookieName?: string | undefined;
}

/** What `GET ?conversationId=` answers with. */
export interface VisitorConversation {
  conversationId: string;
  agentId: string;
  isResolved: boolean;
  messages: Message[];
}

const DEFAULT_SEND: RateLimitRule = { limit: 20, windowMs: 60_000 };
const DEFAULT_READ: RateLimitRule = { limit: 120, windowMs: 60_000 };
const CONTACT_TTL = 60 * 60_000;
const OWNER_TTL = 24 * 60 * 60_000;
const MAX_ID = 200;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const POST_FIELDS = new Set(['agentId', 'question', 'conversationId', 'responseFormat']);

/** A refusal, answered as the API's error envelope. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function errorResponse(status: number, code: string, message: string, headers: HeadersInit = {}): Response {
  return Response.json({ status: 'error', message, code }, { status, headers });
}

/** An upstream failure as the browser sees it: the API's status, code, message and request id; nothing else. */
function upstreamErrorResponse(error: unknown): Response {
  const { statusCode, code, message, requestId } = toErrorEnvelope(error);
  const headers: Record<string, string> = requestId ? { 'x-request-id': requestId } : {};
  if (isRateLimitError(error) && error.retryAfterMs !== undefined)
    headers['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000));
  return errorResponse(statusCode, code, message, headers);
}

function optionalId(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID) {
    throw new Refusal(
      400,
      'validation_error',
      `'${name}' must be a non-empty string of at most ${String(MAX_ID)} characters`,
    );
  }
  return value;
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads at most `limit` bytes of a body; more is a 413 (the rest is left unread for the server to drain). */
async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit)
    throw new Refusal(413, 'payload_too_large', `The request body is larger than ${String(limit)} bytes`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = reader && (await reader.read());
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Refusal(413, 'payload_too_large', `The request body is larger than ${String(limit)} bytes`);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Removes what a visitor must not see of a message: a team member's email address. */
function forVisitor(message: Message): Message {
  return message.agent ? { ...message, agent: { ...message.agent, email: null as unknown as string } } : message;
}

/**
 * The server side of a chat on a public website. Visitors may only talk to allowed agents, and only continue and
 * read their own conversations; everything else of the API stays behind your server.
 *
 * ```ts
 * export const chat = createChatHandler({ agents: ['agent_id'], secret: process.env.LIVECHATAI_CHAT_SECRET });
 * // Next.js: export { chat as GET, chat as POST }   Hono: app.all('/api/chat', (c) => chat(c.req.raw))
 * ```
 */
export function createChatHandler(options: ChatHandlerOptions): ChatHandler {
  const client = options.client ?? createClient();
  const messages = new Messages(client);
  const conversations = new Conversations(client);
  const contacts = new Contacts(client);
  const store = options.store ?? memoryStore();
  const cookieName = options.cookieName ?? 'livechatai_visitor';
  const maxQuestionLength = options.maxQuestionLength ?? 20_000;
  const maxBodyBytes = options.maxBodyBytes ?? 64_000;
  const origins = new Set(options.origins ?? []);
  const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const { agents, identify } = options;

  if (typeof agents !== 'function' && (!Array.isArray(agents) || agents.length === 0)) {
    throw new TypeError('createChatHandler: `agents` must be a non-empty list of agent ids or a function');
  }
  if (options.secret === undefined && !identify) {
    throw new TypeError(
      'createChatHandler: `secret` is required to sign anonymous-visitor cookies (or pass `identify`)',
    );
  }
  if (options.secret !== undefined && options.secret.length < 32) {
    throw new TypeError('createChatHandler: `secret` must be at least 32 characters');
  }
  const cookies = options.secret === undefined ? undefined : new VisitorCookies(options.secret);

  async function agentAllowed(request: Request, agentId: string): Promise<boolean> {
    if (typeof agents === 'function') return (await agents(request)) === agentId;
    return agents.includes(agentId);
  }

  function checkOrigin(request: Request, url: URL): void {
    const origin = request.headers.get('origin');
    if (origin !== null) {
      if (origin !== url.origin && !origins.has(origin))
        throw new Refusal(403, 'forbidden', `Origin ${origin} is not allowed`);
    } else if (request.headers.get('sec-fetch-site') === 'cross-site') {
      throw new Refusal(403, 'forbidden', 'Cross-site requests are not allowed');
    }
  }

  /** The visitor of a request; a new anonymous one (with its cookie) only when `create` is set. */
  async function visitorOf(request: Request, create: boolean): Promise<{ visitor?: Visitor; setCookie?: string }> {
    const identified = identify ? await identify(request) : null;
    if (identified) {
      if (typeof identified.id !== 'string' || identified.id === '')
        throw new TypeError('identify() returned a visitor without an id');
      return { visitor: identified };
    }
    if (!cookies) throw new Refusal(401, 'unauthorized', 'Sign in to chat');
    const id = await cookies.verify(readCookie(request.headers.get('cookie'), cookieName));
    if (id) return { visitor: { id } };
    if (!create) return {};
    const minted = await cookies.mint();
    return { visitor: { id: minted.id }, setCookie: visitorCookie(cookieName, minted.value, new URL(request.url)) };
  }

  async function rateLimit(request: Request, visitor: Visitor, kind: 'send' | 'read'): Promise<void> {
    if (!limits) return;
    const rule = (kind === 'send' ? limits.send : limits.read) ?? (kind === 'send' ? DEFAULT_SEND : DEFAULT_READ);
    const key = limits.key ? limits.key(request, visitor) : visitor.id;
    const { count, resetMs } = await store.hit(`rate:${kind}:${key}`, rule.windowMs);
    if (count > rule.limit) {
      const seconds = Math.max(1, Math.ceil(resetMs / 1000));
      throw new Refusal(429, 'rate_limited', `Too many requests; try again in ${String(seconds)} s`, {
        'retry-after': String(seconds),
      });
    }
  }

  /** The visitor's contact for an agent (upserted once, then cached). */
  async function contactOf(visitor: Visitor, agentId: string, signal: AbortSignal): Promise<string> {
    const key = `contact:${agentId}:${visitor.id}`;
    const cached = await store.get(key);
    if (cached) return cached;
    const { contactId } = await contacts.upsert(
      {
        agentId,
        distinctId: visitor.id,
        ...(visitor.name ? { name: visitor.name } : {}),
        ...(visitor.email ? { email: visitor.email } : {}),
        ...(visitor.phone ? { phone: visitor.phone } : {}),
        ...(visitor.attributes ? { attributes: visitor.attributes } : {}),
      },
      { signal },
    );
    await store.set(key, contactId, CONTACT_TTL);
    return contactId;
  }

  /** Who owns a conversation (its contact and agent), from the cache or the API; undefined when it does not exist. */
  async function ownerOf(
    conversationId: string,
    signal: AbortSignal,
  ): Promise<{ contactId: string; agentId: string } | undefined> {
    const cached = await store.get(`owner:${conversationId}`);
    if (cached) return JSON.parse(cached) as { contactId: string; agentId: string };
    try {
      const conversation = await conversations.retrieve(conversationId, { signal });
      await remember(conversation.id, conversation.contactId, conversation.agentId);
      return { contactId: conversation.contactId, agentId: conversation.agentId };
    } catch (error) {
      if (isNotFoundError(error)) return undefined;
      throw error;
    }
  }

  const remember = (conversationId: string, contactId: string, agentId: string) =>
    store.set(`owner:${conversationId}`, JSON.stringify({ contactId, agentId }), OWNER_TTL);

  const notYours = (): Refusal => new Refusal(404, 'not_found', 'Conversation not found');

  async function post(request: Request): Promise<Response> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type))
      throw new Refusal(415, 'unsupported_media_type', 'Send the message as application/json');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request, maxBodyBytes));
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(400, 'validation_error', 'The request body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Refusal(400, 'validation_error', 'The request body must be a JSON object');
    const fields = body as Record<string, unknown>;
    const unknown = Object.keys(fields).find((k) => !POST_FIELDS.has(k));
    if (unknown !== undefined) throw new Refusal(400, 'validation_error', `Unknown field '${unknown}'`);
    const { question, responseFormat } = fields;
    const agentId = optionalId(fields.agentId, 'agentId');
    if (agentId === undefined) throw new Refusal(400, 'validation_error', "'agentId' is required");
    if (typeof question !== 'string' || question.trim() === '')
      throw new Refusal(400, 'validation_error', "'question' must be a non-empty string");
    if (question.length > maxQuestionLength) {
      throw new Refusal(413, 'payload_too_large', `'question' is longer than ${String(maxQuestionLength)} characters`);
    }
    const conversationId = optionalId(fields.conversationId, 'conversationId');
    if (responseFormat !== undefined && responseFormat !== 'MARKDOWN' && responseFormat !== 'PLAIN') {
      throw new Refusal(400, 'validation_error', "'responseFormat' must be MARKDOWN or PLAIN");
    }
    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new Refusal(400, 'validation_error', 'Idempotency-Key must be 1 to 200 characters of A-Z a-z 0-9 . _ : -');
    }
    if (!(await agentAllowed(request, agentId)))
      throw new Refusal(403, 'forbidden', `Agent '${agentId}' is not available here`);

    const { visitor, setCookie } = await visitorOf(request, true);
    if (!visitor) throw new Refusal(401, 'unauthorized', 'No visitor');
    await rateLimit(request, visitor, 'send');

    const signal = request.signal;
    const contactId = await contactOf(visitor, agentId, signal);
    if (conversationId !== undefined) {
      const owner = await ownerOf(conversationId, signal);
      if (owner?.contactId !== contactId || owner.agentId !== agentId) throw notYours();
    }
    const params: SendMessageParams = {
      agentId,
      question,
      contactId,
      ...(conversationId ? { conversationId } : {}),
      ...(responseFormat ? { responseFormat } : {}),
    };
    // The visitor's key, made theirs alone: another visitor sending the same key gets a different one.
    const requestOptions = {
      signal,
      ...(idempotencyKey ? { idempotencyKey: await sha256(`${visitor.id}\n${idempotencyKey}`) } : {}),
    };
    const headers = new Headers();
    if (setCookie) headers.append('set-cookie', setCookie);

    if (/^application\/json\b/i.test(request.headers.get('accept') ?? '')) {
      const { data, response } = await messages.send(params, requestOptions).withResponse();
      await remember(data.conversationId, contactId, agentId);
      const requestId = response.headers.get('x-request-id');
      if (requestId) headers.set('x-request-id', requestId);
      return Response.json({ status: 'success', data }, { headers });
    }
    const stream = await messages.stream(params, requestOptions);
    // the new conversation is this visitor's: remember it, so continuing it costs no lookup
    stream.finalMessage().then(
      (done) => remember(done.conversationId, contactId, agentId),
      () => undefined,
    );
    headers.set('content-type', 'text/event-stream; charset=utf-8');
    headers.set('cache-control', 'no-cache, no-transform');
    headers.set('x-accel-buffering', 'no');
    if (stream.requestId) headers.set('x-request-id', stream.requestId);
    return new Response(stream.toReadableStream(), { status: 200, headers });
  }

  async function get(request: Request, url: URL): Promise<Response> {
    const conversationId = optionalId(url.searchParams.get('conversationId') ?? undefined, 'conversationId');
    if (conversationId === undefined) throw new Refusal(400, 'validation_error', "'conversationId' is required");
    const { visitor } = await visitorOf(request, false);
    if (!visitor) throw notYours();
    await rateLimit(request, visitor, 'read');
    const signal = request.signal;
    let conversation;
    try {
      conversation = await conversations.retrieve(conversationId, { signal });
    } catch (error) {
      if (isNotFoundError(error)) throw notYours();
      throw error;
    }
    if (!(await agentAllowed(request, conversation.agentId))) throw notYours();
    if ((await contactOf(visitor, conversation.agentId, signal)) !== conversation.contactId) throw notYours();
    const data: VisitorConversation = {
      conversationId: conversation.id,
      agentId: conversation.agentId,
      isResolved: conversation.isResolved,
      messages: conversation.messages.map(forVisitor),
    };
    return Response.json({ status: 'success', data }, { headers: { 'cache-control': 'no-store' } });
  }

  /** Lets an allowed other origin read the answer (with the visitor's cookie). */
  function withCors(request: Request, url: URL, response: Response): Response {
    const origin = request.headers.get('origin');
    if (origin === null || origin === url.origin || !origins.has(origin)) return response;
    response.headers.set('access-control-allow-origin', origin);
    response.headers.set('access-control-allow-credentials', 'true');
    response.headers.append('vary', 'Origin');
    return response;
  }

  async function respond(request: Request, url: URL): Promise<Response> {
    const origin = request.headers.get('origin');
    if (request.method === 'OPTIONS' && origin !== null && origins.has(origin)) {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, idempotency-key, accept',
          'access-control-max-age': '600',
        },
      });
    }
    if (request.method !== 'GET' && request.method !== 'POST') {
      throw new Refusal(405, 'method_not_allowed', `${request.method} is not allowed here`, { allow: 'GET, POST' });
    }
    checkOrigin(request, url);
    return request.method === 'POST' ? post(request) : get(request, url);
  }

  return async (request) => {
    const url = new URL(request.url);
    return withCors(request, url, await answer(request, url));
  };

  async function answer(request: Request, url: URL): Promise<Response> {
    try {
      return await respond(request, url);
    } catch (error) {
      if (error instanceof Refusal) return errorResponse(error.status, error.code, error.message, error.headers);
      if (request.signal.aborted) return errorResponse(499, 'aborted', 'The request was aborted');
      if (isLiveChatAIError(error)) return upstreamErrorResponse(error);
      // a bug (ours or in identify/agents): a generic 500, never the error's text or stack
      return errorResponse(500, 'internal_error', 'Internal error');
    }
  }
}
