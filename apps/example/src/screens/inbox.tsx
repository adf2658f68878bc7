import type { Channel, ConversationStatus, Message, Sentiment, SortOrder } from '@livechatai/core';
import { useConversation, useConversations, useEndConversation, useReply } from '@livechatai/react';
import { useState } from 'react';
import { Markdown } from '../markdown.js';
import { Badge, Card, EmptyState, ErrorNotice, formatDate, Loading, PageHeader } from '../ui.js';

const SENTIMENTS: Sentiment[] = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'UNSPECIFIED'];
const CHANNELS: Channel[] = ['FULLPAGE', 'INLINECHAT', 'PREVIEW', 'WHATSAPP', 'SLACK', 'MESSENGER', 'ONBOARDING'];

function roleLabel(m: Message): string {
  if (m.role === 'user') return 'Visitor';
  if (m.role === 'agent' || m.agent) return m.agent?.name ?? 'Team member';
  return 'AI';
}

function ConversationView({ agentId, conversationId }: { agentId: string; conversationId: string }) {
  const conversation = useConversation(conversationId);
  const reply = useReply();
  const end = useEndConversation();
  const [text, setText] = useState('');
  const data = conversation.data;

  if (conversation.isLoading) return <Loading label="Loading conversation…" />;
  if (conversation.error) return <ErrorNotice error={conversation.error} title="Could not load the conversation" onRetry={() => void conversation.refetch()} />;
  if (!data) return null;
  return (
    <div className="conversation" data-conversation-id={data.id}>
      <div className="conversation-head">
        <div>
          <div className="row-title mono">{data.id}</div>
          <div className="muted small">Started {formatDate(data.createdAt)} · last message {formatDate(data.lastMessageDate)}</div>
        </div>
        <div className="row-meta">
          {data.isResolved ? <Badge tone="neutral">Closed</Badge> : <Badge tone="green">Open</Badge>}
          {data.isAgent ? <Badge tone="blue">Human joined</Badge> : null}
          {!data.isResolved ? (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={end.isPending}
              onClick={() => { end.mutate({ conversationId, agentId }); }}
            >
              {end.isPending ? 'Ending…' : 'End conversation'}
            </button>
          ) : null}
        </div>
      </div>
      <ErrorNotice error={end.error} title="Could not end the conversation" />
      <div className="transcript">
        {data.messages.length === 0 ? <EmptyState title="No messages" /> : null}
        {data.messages.map((m) => (
          <div key={m.id} className={`bubble-row ${m.role === 'user' ? 'user' : m.role === 'agent' || m.agent ? 'agent' : 'assistant'}`}>
            <div className={`bubble ${m.role === 'user' ? 'user' : m.role === 'agent' || m.agent ? 'agent' : 'assistant'}`}>
              <div className="bubble-author">
                {roleLabel(m)} <span className="muted small">{formatDate(m.createdAt)}</span>
              </div>
              <div className="bubble-text">{m.role === 'user' ? m.content : <Markdown text={m.content} />}</div>
              {m.source.some((s) => s.link) ? (
                <div className="bubble-links">
                  {m.source.filter((s) => s.link).map((s) => (
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
            reply.mutate({ conversationId, agentId, message: text.trim() }, { onSuccess: () => { setText(''); } });
          }}
        >
          <input name="reply" aria-label="Reply" placeholder="Reply as a team member…" value={text} onChange={(e) => { setText(e.target.value); }} />
          <button type="submit" className="btn btn-primary" disabled={reply.isPending || !text.trim()}>
            {reply.isPending ? 'Sending…' : 'Reply'}
          </button>
        </form>
      )}
      <ErrorNotice error={reply.error} title="Could not send the reply" />
    </div>
  );
}

export function InboxScreen({ agentId, conversationId, onOpen }: { agentId: string; conversationId: string | undefined; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<ConversationStatus | ''>('');
  const [sort, setSort] = useState<SortOrder>('desc');
  const [sentiment, setSentiment] = useState<Sentiment | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const conversations = useConversations({
    agentId,
    type: 'all',
    sort,
    perPage: 20,
    ...(status ? { status } : {}),
    ...(sentiment ? { sentiment } : {}),
    ...(channel ? { channel } : {}),
  });
  const items = conversations.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title="Inbox" description="Every conversation with this agent. Step in as a human, or end a conversation when it is done." />
      <div className="inbox">
        <Card className="inbox-list">
          <div className="filters">
            <select aria-label="Status" value={status} onChange={(e) => { setStatus(e.target.value as ConversationStatus | ''); }}>
              <option value="">All statuses</option>
              <option value="open">Open</option>
              <option value="close">Closed</option>
            </select>
            <select aria-label="Sentiment" value={sentiment} onChange={(e) => { setSentiment(e.target.value as Sentiment | ''); }}>
              <option value="">Any sentiment</option>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
            <select aria-label="Channel" value={channel} onChange={(e) => { setChannel(e.target.value as Channel | ''); }}>
              <option value="">Any channel</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c.toLowerCase()}
                </option>
              ))}
            </select>
            <select aria-label="Sort" value={sort} onChange={(e) => { setSort(e.target.value as SortOrder); }}>
              <option value="desc">Newest first</option>
              <option value="asc">Oldest first</option>
            </select>
          </div>
          {conversations.isLoading ? <Loading label="Loading conversations…" /> : null}
          <ErrorNotice error={conversations.error} title="Could not load conversations" onRetry={() => void conversations.refetch()} />
          {conversations.data && items.length === 0 ? (
            <EmptyState icon="✉" title="No conversations">
              {status || sentiment || channel ? 'Nothing matches these filters.' : 'Start one in the Playground.'}
            </EmptyState>
          ) : null}
          <ul className="list" aria-label="Conversations">
            {items.map((c) => (
              <li key={c.id} className={`list-row ${c.id === conversationId ? 'selected' : ''}`} data-conversation-id={c.id}>
                <button type="button" className="row-main" onClick={() => { onOpen(c.id); }}>
                  <span className="avatar" aria-hidden="true">
                    {(c.contact?.name ?? c.contact?.email ?? 'V').slice(0, 1).toUpperCase()}
                  </span>
                  <span className="row-text">
                    <span className="row-title">{c.contact?.name ?? c.contact?.email ?? 'Anonymous visitor'}</span>
                    <span className="row-sub">
                      {c.contact && !c.contact.name && !c.contact.email ? `#${c.contact.id.slice(-6)} · ` : ''}
                      {formatDate(c.lastMessageDate)}
                      {c.integrationType ? ` · ${c.integrationType.toLowerCase()}` : ''}
                    </span>
                  </span>
                  <span className="row-meta">
                    {c.isResolved ? <Badge>Closed</Badge> : <Badge tone="green">Open</Badge>}
                    {c.isAgent ? <Badge tone="blue">Human</Badge> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {conversations.hasNextPage ? (
            <button type="button" className="btn btn-ghost load-more" disabled={conversations.isFetchingNextPage} onClick={() => void conversations.fetchNextPage()}>
              {conversations.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </Card>
        <Card className="inbox-view">
          {conversationId ? (
            <ConversationView key={conversationId} agentId={agentId} conversationId={conversationId} />
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
