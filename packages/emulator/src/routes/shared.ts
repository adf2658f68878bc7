import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppContext, EmulatorConfig } from '../server/context.js';
import { ApiError, notFound } from '../server/errors.js';
import type {
  AgentRow,
  ContactRow,
  ConversationRow,
  DataSourceRow,
  MessageRow,
  SuggestionRow,
  TeamMemberRow,
} from '../store/types.js';

export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Runs a write and, in the same transaction, stores the response under the request's Idempotency-Key
 * (so a retry after a crash can never apply the write twice).
 */
export async function commit(
  c: AppContext,
  config: EmulatorConfig,
  fn: () => Promise<{ status?: ContentfulStatusCode; body: unknown }>,
): Promise<Response> {
  const idem = c.get('idempotency');
  const workspaceId = c.get('auth').workspaceId;
  const result = await config.store.transaction(async () => {
    if (idem) {
      // A concurrent request with the same key may have committed since the middleware looked.
      const stored = await config.store.getIdempotency(workspaceId, idem.key);
      if (stored) {
        if (stored.requestHash !== idem.requestHash)
          throw new ApiError(409, 'conflict', 'This Idempotency-Key was already used with a different request');
        return { status: stored.status as ContentfulStatusCode, body: JSON.parse(stored.body) as unknown };
      }
    }
    const r = await fn();
    const status = r.status ?? 200;
    if (idem) {
      await config.store.putIdempotency({
        workspaceId,
        key: idem.key,
        requestHash: idem.requestHash,
        status,
        contentType: 'application/json',
        body: JSON.stringify(r.body),
        createdAt: config.now(),
      });
    }
    return { status, body: r.body };
  });
  return c.json(result.body as object, result.status);
}

export async function requireAgent(c: AppContext, config: EmulatorConfig, agentId: string): Promise<AgentRow> {
  const agent = await config.store.getAgent(c.get('auth').workspaceId, agentId);
  if (!agent) throw notFound(`Agent '${agentId}' not found`);
  return agent;
}

// ---- paging schemes (decisions D4) ----

export function pagesA(page: number, limit: number, total: number) {
  const totalPages = Math.ceil(total / limit);
  return {
    page,
    perPage: limit,
    totalPages,
    hasPrevious: page > 1,
    hasNext: page < totalPages,
    previous: page > 1 ? page - 1 : null,
    next: page < totalPages ? page + 1 : null,
  };
}

export function metaB(page: number, perPage: number, total: number) {
  return { total, perPage, currentPage: page, totalPages: Math.ceil(total / perPage) };
}

export function paginationC(page: number, limit: number, total: number) {
  const totalPages = Math.ceil(total / limit);
  return { page, limit, totalCount: total, totalPages, hasNextPage: page < totalPages, hasPreviousPage: page > 1 };
}

export function metadataD(page: number, pageSize: number, total: number) {
  const totalPageCount = Math.ceil(total / pageSize);
  return {
    totalItemCount: total,
    totalPageCount,
    currentPage: page,
    prev: page > 1 ? page - 1 : null,
    next: page < totalPageCount ? page + 1 : null,
    pageSize,
  };
}

// ---- response shapes ----

export function formatAgent(a: AgentRow) {
  return {
    id: a.id,
    name: a.name,
    slug: a.slug,
    isLiveChatEnabled: a.isLiveChatEnabled,
    isImageSharingEnabled: a.isImageSharingEnabled,
    language: a.language,
    isArchived: a.isArchived,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

export function formatMember(m: TeamMemberRow | undefined) {
  return m ? { id: m.id, name: m.name, email: m.email, avatar: m.avatar } : null;
}

export function formatContactRetrieve(ct: ContactRow) {
  return {
    id: ct.id,
    chatSource: ct.chatSource,
    email: ct.email,
    agentId: ct.agentId,
    distinctId: ct.distinctId,
    name: ct.name,
    phone: ct.phone,
    threadId: ct.threadId,
    ip: ct.ip,
    country: ct.country,
    // in the order the keys were first set (api-decisions.md)
    attributes: Object.entries(ct.attributes).map(([key, value]) => ({ key, value: String(value) })),
    createdAt: iso(ct.createdAt),
    updatedAt: iso(ct.updatedAt),
  };
}

export function formatContactListItem(ct: ContactRow) {
  return {
    id: ct.id,
    distinctId: ct.distinctId,
    name: ct.name,
    email: ct.email,
    phone: ct.phone,
    country: ct.country,
    createdAt: iso(ct.createdAt),
  };
}

export function formatConversationSummary(
  cv: ConversationRow,
  contact: ContactRow | undefined,
  member: TeamMemberRow | undefined,
) {
  return {
    id: cv.id,
    isResolved: cv.isResolved,
    isStarred: cv.isStarred,
    isMuted: cv.isMuted,
    isAgent: cv.isAgent,
    integrationType: cv.integrationType,
    contact: {
      id: cv.contactId,
      name: contact?.name ?? null,
      phone: contact?.phone ?? null,
      email: contact?.email ?? null,
      distinctId: contact?.distinctId ?? null,
      attributes: contact?.attributes ?? {},
    },
    agent: formatMember(member),
    lastMessageDate: iso(cv.lastMessageDate),
    createdAt: iso(cv.createdAt),
    updatedAt: iso(cv.updatedAt),
  };
}

export function formatMessage(m: MessageRow, member: TeamMemberRow | undefined) {
  return {
    id: m.id,
    content: m.content,
    role: m.role,
    type: m.type,
    source: m.sources,
    agent: formatMember(member),
    createdAt: iso(m.createdAt),
  };
}

export function formatDataSource(d: DataSourceRow) {
  return {
    id: d.id,
    title: d.title,
    text: d.content.length > 1000 ? `${d.content.slice(0, 1000)}…` : d.content,
    url: d.url,
    source: d.source,
    status: d.status,
    characterCount: d.content.length,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}

export function formatSuggestion(s: SuggestionRow) {
  return {
    id: s.id,
    userMessage: { id: s.userMessageId, text: s.userMessageText },
    aiMessage: { id: s.aiMessageId, text: s.aiMessageText },
    evaluationTag: s.evaluationTag,
    potentialGap: s.potentialGap,
    suggestedImprovement: s.suggestedImprovement,
    chatId: s.conversationId,
    createdAt: iso(s.createdAt),
  };
}
