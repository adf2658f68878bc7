import { Hono } from 'hono';
import type { AppContext, AppEnv, EmulatorConfig } from '../server/context.js';
import { ApiError, errorBody, notFound } from '../server/errors.js';
import { Body, QueryParams, pathId, searchParamsOf } from '../server/validate.js';
import { newId } from '../internal/ids.js';
import { refreshConversation, sendMessage, type SendInput, type SendResult } from '../domain/exchange.js';
import type {
  ConversationFilter,
  ConversationRow,
  Sentiment,
  Resolution,
  Store,
  TeamMemberRow,
  ViewRow,
} from '../store/types.js';
import { commit, formatConversationSummary, formatMember, formatMessage, iso, metaB, requireAgent } from './shared.js';

export const CHANNELS = ['WHATSAPP', 'SLACK', 'MESSENGER', 'FULLPAGE', 'INLINECHAT', 'PREVIEW', 'ONBOARDING'] as const;
export const SENTIMENTS = ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED'] as const;
export const RESOLUTIONS = ['AIHelped', 'AIDidNotHelp', 'TalkToAgent'] as const;

async function membersOf(store: Store, workspaceId: string): Promise<Map<string, TeamMemberRow>> {
  return new Map((await store.listTeamMembers(workspaceId)).map((m) => [m.id, m]));
}

async function ownerOf(store: Store, workspaceId: string): Promise<TeamMemberRow> {
  const members = await store.listTeamMembers(workspaceId);
  const owner = members.find((m) => m.isOwner) ?? members[0];
  if (!owner) throw new Error(`workspace ${workspaceId} has no owner`);
  return owner;
}

/** Translates a saved view's rules into list filters. */
export function viewFilters(view: ViewRow): ConversationFilter[] {
  const out: ConversationFilter[] = [];
  for (const rule of view.query.rules) {
    const negate = rule.operator === 'NOT_EQUALS';
    let f: ConversationFilter | undefined;
    switch (rule.field) {
      case 'sentiment':
        f = { sentiment: rule.value as Sentiment };
        break;
      case 'topic':
        f = { topic: rule.value };
        break;
      case 'channel':
        f = { integrationType: rule.value };
        break;
      case 'resolution':
        f = { resolution: rule.value as Resolution };
        break;
      case 'assignee':
        f = { assigneeId: rule.value === 'ai' ? null : rule.value };
        break;
      case 'status':
        f = { isResolved: rule.value === 'close' };
        break;
      default:
        f = undefined;
    }
    if (f) out.push(negate ? { ...f, negate: true } : f);
  }
  return out;
}

/** GET /conversations and GET /contacts/{id}/conversations (same filters, scheme B paging). */
export async function listConversationsHandler(
  c: AppContext,
  config: EmulatorConfig,
  scope: { agentId?: string; contactId?: string },
): Promise<Response> {
  const { store } = config;
  const ws = c.get('auth').workspaceId;
  const q = new QueryParams(searchParamsOf(c.req.url));
  const base: ConversationFilter = {};
  if (scope.contactId !== undefined) {
    base.contactId = scope.contactId;
  } else {
    const agentId = q.str('agentId', { required: true });
    base.agentId = (await requireAgent(c, config, agentId)).id;
    const type = q.enum('type', ['unassigned', 'your-inbox', 'all'] as const);
    if (type === 'unassigned') base.assigneeId = null;
    else if (type === 'your-inbox') base.assigneeId = (await ownerOf(store, ws)).id;
  }
  const page = q.int('page', 1, 1, 1_000_000);
  const perPage = q.int('perPage', 20, 1, 100);
  const sort = q.enum('sort', ['asc', 'desc'] as const) ?? 'desc';
  const status = q.enum('status', ['open', 'close'] as const);
  const from = q.instant('startDate');
  const to = q.instant('endDate', true);
  const assignee = q.str('assignee');
  const sentiment = q.enum('sentiment', SENTIMENTS);
  const topic = q.str('topic');
  const channel = q.enum('channel', CHANNELS);
  const resolution = q.enum('resolution', RESOLUTIONS);
  const viewId = q.str('viewId');

  const filters: ConversationFilter[] = [];
  if (status) filters.push({ isResolved: status === 'close' });
  if (from !== undefined) filters.push({ from });
  if (to !== undefined) filters.push({ to });
  if (assignee !== undefined) filters.push({ assigneeId: assignee === 'ai' ? null : assignee });
  if (sentiment) filters.push({ sentiment });
  if (topic !== undefined) filters.push({ topic });
  if (channel) filters.push({ integrationType: channel });
  if (resolution) filters.push({ resolution });
  let combined: ConversationFilter[] = filters;
  let combinator: 'AND' | 'OR' = 'AND';
  if (viewId !== undefined) {
    const view = await store.getView(ws, viewId);
    if (!view || (base.agentId !== undefined && view.agentId !== base.agentId))
      throw notFound(`View '${viewId}' not found`);
    const rules = viewFilters(view);
    if (view.query.combinator === 'OR' && rules.length > 1) {
      // (any view rule) AND (every explicit filter): fold the explicit filters into the base.
      Object.assign(base, ...filters.filter((f) => !f.negate));
      combined = rules;
      combinator = 'OR';
    } else {
      combined = [...filters, ...rules];
    }
  }
  const { items, total } = await store.listConversations(
    ws,
    combined,
    combinator,
    base,
    sort,
    (page - 1) * perPage,
    perPage,
  );
  const members = await membersOf(store, ws);
  const conversations = [];
  for (const cv of items) {
    const contact = await store.getContact(ws, cv.contactId);
    conversations.push(formatConversationSummary(cv, contact, cv.assigneeId ? members.get(cv.assigneeId) : undefined));
  }
  return c.json({ status: 'success', data: { conversations, meta: metaB(page, perPage, total) } });
}

async function requireConversation(store: Store, ws: string, id: string): Promise<ConversationRow> {
  const cv = await store.getConversation(ws, id);
  if (!cv) throw notFound(`Conversation '${id}' not found`);
  return cv;
}

async function resolveUser(
  store: Store,
  ws: string,
  cv: ConversationRow,
  userId: string | undefined,
): Promise<TeamMemberRow> {
  if (userId !== undefined) {
    const member = await store.getTeamMember(ws, userId);
    if (!member) throw notFound(`User '${userId}' not found in this workspace`);
    return member;
  }
  if (cv.assigneeId) {
    const member = await store.getTeamMember(ws, cv.assigneeId);
    if (member) return member;
  }
  return ownerOf(store, ws);
}

function splitForStream(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [text];
}

export function conversationRoutes(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;

  app.get('/', (c) => listConversationsHandler(c, config, {}));

  // Registered before /:conversationId so that "views" is never taken for an id.
  app.get('/views', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const agent = await requireAgent(c, config, q.str('agentId', { required: true }));
    const search = q.str('search') ?? null;
    const page = q.int('page', 1, 1, 1_000_000);
    const perPage = q.int('perPage', 20, 1, 100);
    const { items, total } = await store.listViews(agent.workspaceId, agent.id, search, (page - 1) * perPage, perPage);
    return c.json({
      status: 'success',
      data: {
        views: items.map((v) => ({ id: v.id, name: v.name, query: v.query, createdAt: iso(v.createdAt) })),
        meta: metaB(page, perPage, total),
      },
    });
  });

  app.get('/:conversationId', async (c) => {
    const ws = c.get('auth').workspaceId;
    const cv = await requireConversation(store, ws, pathId('conversationId', c.req.param('conversationId')));
    const members = await membersOf(store, ws);
    const messages = await store.listMessages(ws, cv.id);
    return c.json({
      status: 'success',
      data: {
        id: cv.id,
        contactId: cv.contactId,
        agentId: cv.agentId,
        isResolved: cv.isResolved,
        isAgent: cv.isAgent,
        isMuted: cv.isMuted,
        isStarred: cv.isStarred,
        integrationType: cv.integrationType,
        lastMessageDate: iso(cv.lastMessageDate),
        agent: formatMember(cv.assigneeId ? members.get(cv.assigneeId) : undefined),
        messages: messages.map((m) => formatMessage(m, m.memberId ? members.get(m.memberId) : undefined)),
        createdAt: iso(cv.createdAt),
        updatedAt: iso(cv.updatedAt),
      },
    });
  });

  // Send a visitor message (non-streaming JSON, or SSE per decisions D5).
  app.post('/', async (c) => {
    const body = Body.from(c.get('body'));
    const question = body.str('question', { required: true, max: 20_000 });
    const agentId = body.str('agentId', { required: true, max: 200 });
    const input: Omit<SendInput, 'agent'> = {
      question,
      conversationId: body.str('conversationId', { max: 200 }),
      contactId: body.str('contactId', { max: 200 }),
      messageType: body.enum('messageType', ['TEXT', 'IMAGE'] as const),
      ip: body.str('ip', { max: 64 }),
      country: body.str('country', { max: 64 }),
      responseFormat: body.enum('responseFormat', ['MARKDOWN', 'PLAIN'] as const),
      integrationType: body.enum('integrationType', ['WHATSAPP', 'SLACK'] as const),
    };
    const streaming = body.bool('streaming') ?? false;
    if (!streaming) {
      return commit(c, config, async () => {
        const agent = await requireAgent(c, config, agentId);
        const { result } = await sendMessage(store, { ...input, agent }, { now: config.now() });
        return { body: { status: 'success', message: 'Message sent successfully', data: result } };
      });
    }
    const idem = c.get('idempotency');
    // The whole exchange is committed before the first event (see README: what a disconnect leaves behind).
    const result: SendResult = await store.transaction(async () => {
      if (idem) {
        const stored = await store.getIdempotency(c.get('auth').workspaceId, idem.key);
        if (stored) {
          if (stored.requestHash !== idem.requestHash)
            throw new ApiError(409, 'conflict', 'This Idempotency-Key was already used with a different request');
          return JSON.parse(stored.body) as SendResult;
        }
      }
      const agent = await requireAgent(c, config, agentId);
      const r = (await sendMessage(store, { ...input, agent }, { now: config.now() })).result;
      if (idem) {
        await store.putIdempotency({
          workspaceId: agent.workspaceId,
          key: idem.key,
          requestHash: idem.requestHash,
          status: 200,
          contentType: 'text/event-stream',
          body: JSON.stringify(r),
          createdAt: config.now(),
        });
      }
      return r;
    });
    const fault = c.get('fault');
    return sseResponse(result, config, fault?.stallAfter, fault?.errorAfter);
  });

  app.post('/:conversationId/reply', async (c) => {
    const id = pathId('conversationId', c.req.param('conversationId'));
    const body = Body.from(c.get('body'));
    const message = body.str('message', { required: true, max: 20_000 });
    const userId = body.str('userId', { max: 200 });
    const messageType = body.enum('messageType', ['TEXT', 'IMAGE'] as const) ?? 'TEXT';
    return commit(c, config, async () => {
      const ws = c.get('auth').workspaceId;
      const cv = await requireConversation(store, ws, id);
      const user = await resolveUser(store, ws, cv, userId);
      const now = config.now();
      const msg = {
        id: newId('msg'),
        workspaceId: ws,
        agentId: cv.agentId,
        conversationId: cv.id,
        role: 'agent' as const,
        content: message,
        type: messageType,
        memberId: user.id,
        sources: [],
        outOfContext: false,
        createdAt: now,
      };
      await store.insertMessage(msg);
      await refreshConversation(store, {
        ...cv,
        isAgent: true,
        assigneeId: cv.assigneeId ?? user.id,
        lastMessageDate: now,
        updatedAt: now,
      });
      return {
        body: {
          status: 'success',
          message: 'User reply sent successfully',
          data: {
            messageId: msg.id,
            conversationId: cv.id,
            message: {
              id: msg.id,
              text: msg.content,
              sender: 'AGENT',
              type: msg.type,
              createdAt: iso(now),
              agent: formatMember(user),
            },
          },
        },
      };
    });
  });

  app.post('/:conversationId/end', async (c) => {
    const id = pathId('conversationId', c.req.param('conversationId'));
    const body = Body.from(c.get('body'), true);
    const userId = body.str('userId', { max: 200 });
    return commit(c, config, async () => {
      const ws = c.get('auth').workspaceId;
      const cv = await requireConversation(store, ws, id);
      let resolvedBy: string;
      if (cv.isResolved && cv.resolvedBy && userId === undefined) {
        resolvedBy = cv.resolvedBy;
      } else {
        const user = await resolveUser(store, ws, cv, userId);
        resolvedBy = user.id;
        if (!cv.isResolved || cv.resolvedBy !== user.id) {
          const now = config.now();
          await store.updateConversation({
            ...cv,
            isResolved: true,
            resolvedAt: cv.resolvedAt ?? now,
            resolvedBy: user.id,
            updatedAt: now,
          });
        }
      }
      return {
        body: {
          status: 'success',
          message: 'Conversation resolved successfully',
          data: { conversationId: cv.id, userId: resolvedBy, contactId: cv.contactId },
        },
      };
    });
  });

  return app;
}

/** Streams a committed answer as SSE: `delta` events paced by `streamDelayMs`, then `done`. */
function sseResponse(
  result: SendResult,
  config: EmulatorConfig,
  stallAfter: number | undefined,
  errorAfter: number | undefined,
): Response {
  const events: string[] = splitForStream(result.response).map(
    (text) => `event: delta\ndata: ${JSON.stringify({ text })}`,
  );
  if (errorAfter !== undefined && errorAfter < events.length) {
    // Injected failure: an `error` event (D5) replaces the rest of the stream.
    events.length = errorAfter;
    events.push(
      `event: error\ndata: ${JSON.stringify(errorBody('internal_error', 'Injected fault: the answer generation failed'))}`,
    );
  } else {
    events.push(`event: done\ndata: ${JSON.stringify(result)}`);
  }
  const encoder = new TextEncoder();
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const state = { cancelled: false, finished: false };
  const isCancelled = (): boolean => state.cancelled;
  const stop = (): void => {
    state.cancelled = true;
    if (timer) clearTimeout(timer);
    wake?.();
  };
  const finish = (controller?: ReadableStreamDefaultController<Uint8Array>): void => {
    if (state.finished) return;
    state.finished = true;
    config.activeStreams--;
    config.shutdown.signal.removeEventListener('abort', stop);
    if (timer) clearTimeout(timer);
    try {
      controller?.close();
    } catch {
      // already closed by a cancel
    }
  };
  config.activeStreams++;
  config.shutdown.signal.addEventListener('abort', stop, { once: true });
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (stallAfter !== undefined && next >= stallAfter && !isCancelled()) {
          // Injected stall: keep the connection open without sending anything more.
          await new Promise<void>((resolve) => (wake = resolve));
        }
        if (next > 0 && config.streamDelayMs > 0 && !isCancelled()) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, config.streamDelayMs);
          });
        }
        const event = events[next];
        if (isCancelled() || event === undefined) {
          finish(controller);
          return;
        }
        next++;
        controller.enqueue(encoder.encode(`id: ${next}\n${event}\n\n`));
        if (next === events.length) finish(controller);
      },
      cancel() {
        // The client went away: stop generating events.
        stop();
        finish();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    },
  });
}
