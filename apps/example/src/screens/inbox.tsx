import type {
  Channel,
  ConversationContact,
  ConversationStatus,
  ConversationSummary,
  Message,
  Sentiment,
  SortOrder,
} from '@livechatai/core';
import {
  conversationQueryOptions,
  conversationsInfiniteQueryOptions,
  useContact,
  useConversation,
  useConversationViews,
  useEndConversation,
  useLiveChatAIClient,
  useReply,
} from '@livechatai/react';
import { useInfiniteQuery, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Markdown } from '../markdown.js';
import { Badge, Card, EmptyState, ErrorNotice, formatDate, Loading, PageHeader } from '../ui.js';

const SENTIMENTS: Sentiment[] = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'UNSPECIFIED'];
const CHANNELS: Channel[] = ['FULLPAGE', 'INLINECHAT', 'PREVIEW', 'WHATSAPP', 'SLACK', 'MESSENGER', 'ONBOARDING'];
/** New conversations and messages appear without a reload: the list and the open conversation are polled while the page is visible. */
const LIST_POLL_MS = 5_000;
const CONVERSATION_POLL_MS = 3_000;

/** The inbox's filters, as kept in the address (`#/inbox?agent=…&status=open&view=…&id=…`). */
export interface InboxParams {
  status?: ConversationStatus;
  sentiment?: Sentiment;
  channel?: Channel;
  sort?: SortOrder;
  view?: string;
}

function readParams(params: Record<string, string>): InboxParams {
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
    (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
  const out: InboxParams = {};
  const status = pick(params.status, ['open', 'close'] as const);
  const sentiment = pick(params.sentiment, SENTIMENTS);
  const channel = pick(params.channel, CHANNELS);
  const sort = pick(params.sort, ['asc', 'desc'] as const);
  if (status) out.status = status;
  if (sentiment) out.sentiment = sentiment;
  if (channel) out.channel = channel;
  if (sort) out.sort = sort;
  if (params.view) out.view = params.view;
  return out;
}

function roleLabel(m: Message): string {
  if (m.role === 'user') return 'Visitor';
  if (m.role === 'agent' || m.agent) return m.agent?.name ?? 'Team member';
  return 'AI';
}
/** A message as one line of plain text for a preview (the Markdown marks dropped). */
const plain = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const bubbleRole = (m: Message) => (m.role === 'user' ? 'user' : m.role === 'agent' || m.agent ? 'agent' : 'assistant');

/** The visitor as a person: name, else email or phone, else an anonymous label with a short, stable tag. */
export function visitorName(
  contact: Pick<ConversationContact, 'id' | 'name' | 'email' | 'phone'> | null | undefined,
): string {
  if (!contact) return 'Anonymous visitor';
  return contact.name ?? contact.email ?? contact.phone ?? `Anonymous visitor ${contact.id.slice(-4).toUpperCase()}`;
}

function ConversationView({
  agentId,
  conversationId,
  onBack,
}: {
  agentId: string;
  conversationId: string;
  onBack: () => void;
}) {
  const conversation = useConversation(conversationId, { refetchInterval: CONVERSATION_POLL_MS });
  const contact = useContact(conversation.data?.contactId);
  const reply = useReply();
  const end = useEndConversation();
  const [text, setText] = useState('');
  const transcript = useRef<HTMLDivElement>(null);
  // Whether the reader is at the newest message: then new messages scroll into view; someone reading older
  // ones is left where they are.
  const following = useRef(true);
  const data = conversation.data;
  const count = data?.messages.length ?? 0;

  useLayoutEffect(() => {
    const el = transcript.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  if (conversation.isLoading) return <Loading label="Loading conversation…" />;
  if (conversation.error)
    return (
      <ErrorNotice
        error={conversation.error}
        title="Could not load the conversation"
        onRetry={() => void conversation.refetch()}
      />
    );
  if (!data) return null;
  const name = visitorName(contact.data ?? null);
  const last = data.messages.at(-1);
  return (
    <div className="conversation" data-conversation-id={data.id} data-messages={count} data-last-message-id={last?.id}>
      <button type="button" className="btn btn-ghost btn-small back-button" onClick={onBack}>
        ← All conversations
      </button>
      <div className="conversation-head">
        <div className="conversation-who">
          <span className="avatar" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
          <div className="row-text">
            <h2 className="row-title">{contact.isLoading ? 'Visitor' : name}</h2>
            <div className="muted small">
              {contact.data?.email && contact.data.name ? `${contact.data.email} · ` : ''}
              {data.integrationType ? `${data.integrationType.toLowerCase()} · ` : ''}
              started {formatDate(data.createdAt)}
            </div>
          </div>
        </div>
        <div className="row-meta">
          {data.isResolved ? <Badge tone="neutral">Closed</Badge> : <Badge tone="green">Open</Badge>}
          {data.isAgent ? <Badge tone="blue">Human joined</Badge> : null}
          {!data.isResolved ? (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={end.isPending}
              onClick={() => {
                end.mutate({ conversationId, agentId });
              }}
            >
              {end.isPending ? 'Ending…' : 'End conversation'}
            </button>
          ) : null}
        </div>
      </div>
      <ErrorNotice error={end.error} title="Could not end the conversation" />
      <div
        className="transcript"
        ref={transcript}
        role="log"
        aria-label={`Messages with ${name}`}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
        }}
      >
        {data.messages.length === 0 ? <EmptyState title="No messages" /> : null}
        {data.messages.map((m) => (
          <div key={m.id} className={`bubble-row ${bubbleRole(m)}`} data-message-id={m.id}>
            <div className={`bubble ${bubbleRole(m)}`}>
              <div className="bubble-author">
                {m.role === 'user' ? name : roleLabel(m)} <span className="bubble-time">{formatDate(m.createdAt)}</span>
              </div>
              <div className="bubble-text">{m.role === 'user' ? m.content : <Markdown text={m.content} />}</div>
              {m.source.some((s) => s.link) ? (
                <div className="bubble-links">
                  {m.source
                    .filter((s) => s.link)
                    .map((s) => (
                      <a key={s.id} className="source-link" href={s.link ?? '#'} target="_blank" rel="noreferrer">
                        {s.link?.replace(/^https?:\/\//, '')}
                      </a>
                    ))}
                </div>
              ) : null}
            </div>
          </div>
        ))}
      </div>
      {data.isResolved ? (
        <div className="muted small closed-note">This conversation is closed.</div>
      ) : (
        <form
          className="composer"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            // One's own reply is always shown, wherever the transcript was scrolled to.
            following.current = true;
            reply.mutate(
              { conversationId, agentId, message: text.trim() },
              {
                onSuccess: () => {
                  setText('');
                },
              },
            );
          }}
        >
          <input
            name="reply"
            aria-label="Reply"
            placeholder="Reply as a team member…"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
          <button type="submit" className="btn btn-primary" disabled={reply.isPending || !text.trim()}>
            {reply.isPending ? 'Sending…' : 'Reply'}
          </button>
        </form>
      )}
      <ErrorNotice error={reply.error} title="Could not send the reply" />
    </div>
  );
}

/** Each listed conversation's last message, for the row preview: fetched once, again when the row says it changed. */
function usePreviews(items: ConversationSummary[]): Map<string, Message | undefined> {
  const client = useLiveChatAIClient();
  const queryClient = useQueryClient();
  const results = useQueries({
    queries: items.map((c) => ({ ...conversationQueryOptions(client, c.id), staleTime: Infinity })),
  });
  const stale = items.filter((c, i) => {
    const loaded = results[i]?.data;
    return loaded !== undefined && loaded.lastMessageDate !== c.lastMessageDate;
  });
  const staleKey = stale.map((c) => `${c.id}@${c.lastMessageDate}`).join(',');
  useEffect(() => {
    for (const c of stale)
      void queryClient.invalidateQueries({ queryKey: conversationQueryOptions(client, c.id).queryKey, exact: true });
    // staleKey names exactly the rows to refresh (the array itself is new on every render).
  }, [staleKey]);
  return new Map(items.map((c, i) => [c.id, results[i]?.data?.messages.at(-1)]));
}

export function InboxScreen({
  agentId,
  conversationId,
  params,
  onChange,
}: {
  agentId: string;
  conversationId: string | undefined;
  params: Record<string, string>;
  /** Opens a conversation (or none) with these filters; `replace` for a filter change (no history entry). */
  onChange: (conversationId: string | undefined, params: Record<string, string>, replace: boolean) => void;
}) {
  const client = useLiveChatAIClient();
  const filters = readParams(params);
  const views = useConversationViews({ agentId, perPage: 50 });
  const conversations = useInfiniteQuery({
    ...conversationsInfiniteQueryOptions(client, {
      agentId,
      type: 'all',
      sort: filters.sort ?? 'desc',
      perPage: 20,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.sentiment ? { sentiment: filters.sentiment } : {}),
      ...(filters.channel ? { channel: filters.channel } : {}),
      ...(filters.view ? { viewId: filters.view } : {}),
    }),
    // TanStack pauses this while the page is hidden (refetchIntervalInBackground is off).
    refetchInterval: LIST_POLL_MS,
  });
  const items = conversations.data?.pages.flatMap((p) => p.items) ?? [];
  const previews = usePreviews(items);
  const filtered = Boolean(filters.status ?? filters.sentiment ?? filters.channel ?? filters.view);
  const setFilter = (key: keyof InboxParams, value: string) => {
    onChange(conversationId, { ...params, [key]: value }, true);
  };

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Every conversation with this agent. Step in as a human, or end a conversation when it is done."
      />
      <div className={`inbox ${conversationId ? 'has-selection' : ''}`}>
        <Card className="inbox-list">
          <div className="filters">
            <select
              aria-label="Saved view"
              value={filters.view ?? ''}
              onChange={(e) => {
                setFilter('view', e.target.value);
              }}
            >
              <option value="">All conversations</option>
              {(views.data?.items ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Status"
              value={filters.status ?? ''}
              onChange={(e) => {
                setFilter('status', e.target.value);
              }}
            >
              <option value="">All statuses</option>
              <option value="open">Open</option>
              <option value="close">Closed</option>
            </select>
            <select
              aria-label="Sentiment"
              value={filters.sentiment ?? ''}
              onChange={(e) => {
                setFilter('sentiment', e.target.value);
              }}
            >
              <option value="">Any sentiment</option>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
            <select
              aria-label="Channel"
              value={filters.channel ?? ''}
              onChange={(e) => {
                setFilter('channel', e.target.value);
              }}
            >
              <option value="">Any channel</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c.toLowerCase()}
                </option>
              ))}
            </select>
            <select
              aria-label="Sort"
              value={filters.sort ?? 'desc'}
              onChange={(e) => {
                setFilter('sort', e.target.value === 'desc' ? '' : e.target.value);
              }}
            >
              <option value="desc">Newest first</option>
              <option value="asc">Oldest first</option>
            </select>
          </div>
          {conversations.isLoading ? <Loading label="Loading conversations…" /> : null}
          <ErrorNotice
            error={conversations.error}
            title="Could not load conversations"
            onRetry={() => void conversations.refetch()}
          />
          {conversations.data && items.length === 0 ? (
            <EmptyState icon="✉" title="No conversations">
              {filtered ? 'Nothing matches these filters.' : 'Start one in the Playground.'}
            </EmptyState>
          ) : null}
          <ul className="list" aria-label="Conversations">
            {items.map((c) => {
              const name = visitorName(c.contact);
              const last = previews.get(c.id);
              return (
                <li
                  key={c.id}
                  className={`list-row ${c.id === conversationId ? 'selected' : ''}`}
                  data-conversation-id={c.id}
                >
                  <button
                    type="button"
                    className="row-main"
                    aria-current={c.id === conversationId ? 'true' : undefined}
                    onClick={() => {
                      onChange(c.id, params, false);
                    }}
                  >
                    <span className="avatar" aria-hidden="true">
                      {name.slice(0, 1).toUpperCase()}
                    </span>
                    <span className="row-text">
                      <span className="row-title">{name}</span>
                      <span className="row-sub row-preview">
                        {last ? `${last.role === 'user' ? '' : `${roleLabel(last)}: `}${plain(last.content)}` : ' '}
                      </span>
                      {/* Badges on the date line, so the visitor's name has the row's whole width. */}
                      <span className="row-sub row-badges">
                        {c.isResolved ? <Badge>Closed</Badge> : <Badge tone="green">Open</Badge>}
                        {c.isAgent ? <Badge tone="blue">Human</Badge> : null}
                        <span>
                          {formatDate(c.lastMessageDate)}
                          {c.integrationType ? ` · ${c.integrationType.toLowerCase()}` : ''}
                        </span>
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {conversations.hasNextPage ? (
            <button
              type="button"
              className="btn btn-ghost load-more"
              disabled={conversations.isFetchingNextPage}
              onClick={() => void conversations.fetchNextPage()}
            >
              {conversations.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </Card>
        <Card className="inbox-view">
          {conversationId ? (
            <ConversationView
              key={conversationId}
              agentId={agentId}
              conversationId={conversationId}
              onBack={() => {
                onChange(undefined, params, false);
              }}
            />
          ) : (
            <EmptyState icon="☰" title="Pick a conversation">
              Its messages, a reply box and the End button appear here.
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
