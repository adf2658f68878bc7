import type { ContactListItem, ConversationSummary } from '@livechatai/core';
import { livechataiKeys, useContact, useContacts, useLiveChatAIClient, useUpsertContact } from '@livechatai/react';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { href } from '../router.js';
import { Badge, Card, EmptyState, ErrorNotice, Field, formatDate, Loading, PageHeader, Pager } from '../ui.js';

/** The API lists contacts page by page with no search: a search reads them all (up to this many) and filters here. */
const SEARCH_LIMIT = 1_000;

/** `GET /contacts/{contactId}/conversations`: the contact's conversations, newest first. */
function useContactConversations(agentId: string, contactId: string) {
  const client = useLiveChatAIClient();
  return useQuery({
    // Under the agent's conversation lists, so a reply or an end elsewhere refreshes it too.
    queryKey: [...livechataiKeys.conversations.lists(agentId), 'contact', contactId],
    queryFn: ({ signal }) =>
      client.request<{ conversations: ConversationSummary[] }>(
        {
          method: 'GET',
          path: `/contacts/${encodeURIComponent(contactId)}/conversations`,
          query: { sort: 'desc', perPage: 50 },
        },
        { signal },
      ),
  });
}

/** Every contact of the agent (for the search), read 100 at a time. */
function useAllContacts(agentId: string, enabled: boolean) {
  const client = useLiveChatAIClient();
  return useQuery({
    queryKey: [...livechataiKeys.contacts.lists(agentId), 'all'],
    enabled,
    queryFn: async ({ signal }) => {
      const all: ContactListItem[] = [];
      for (let page = 1; all.length < SEARCH_LIMIT; page++) {
        const items = await client.request<ContactListItem[]>(
          { method: 'GET', path: '/contacts', query: { agentId, page, limit: 100 } },
          { signal },
        );
        all.push(...items);
        if (items.length < 100) break;
      }
      return all;
    },
  });
}

const matches = (c: ContactListItem, words: string[]) => {
  const haystack = [c.name, c.email, c.phone, c.distinctId, c.country, c.id].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
};

function ContactConversations({ agentId, contactId }: { agentId: string; contactId: string }) {
  const conversations = useContactConversations(agentId, contactId);
  if (conversations.isLoading) return <Loading label="Loading conversations…" />;
  if (conversations.error)
    return (
      <ErrorNotice
        error={conversations.error}
        title="Could not load the conversations"
        onRetry={() => void conversations.refetch()}
      />
    );
  const items = conversations.data?.conversations ?? [];
  if (items.length === 0) return <p className="muted small">No conversations yet.</p>;
  return (
    <ul className="list compact" aria-label="Conversations of this contact">
      {items.map((c) => (
        <li key={c.id} className="list-row">
          <a className="row-main" href={href({ screen: 'inbox', agentId, itemId: c.id })}>
            <span className="row-text">
              <span className="row-title">{formatDate(c.lastMessageDate)}</span>
              <span className="row-sub">
                {c.integrationType ? c.integrationType.toLowerCase() : 'chat'} · started {formatDate(c.createdAt)}
              </span>
            </span>
            <span className="row-meta">
              {c.isResolved ? <Badge>Closed</Badge> : <Badge tone="green">Open</Badge>}
              {c.isAgent ? <Badge tone="blue">Human</Badge> : null}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function ContactDetail({ agentId, contactId, onBack }: { agentId: string; contactId: string; onBack: () => void }) {
  const contact = useContact(contactId);
  const back = (
    <button type="button" className="btn btn-ghost btn-small back-button" onClick={onBack}>
      ← All contacts
    </button>
  );
  if (contact.isLoading) return <Loading label="Loading contact…" />;
  if (contact.error) {
    return (
      <>
        {back}
        <ErrorNotice error={contact.error} title="Could not load the contact" />
      </>
    );
  }
  const c = contact.data;
  if (!c) return null;
  const rows: [string, string | null][] = [
    ['Email', c.email],
    ['Phone', c.phone],
    ['Your user ID', c.distinctId],
    ['Country', c.country],
    ['Source', c.chatSource],
    ['Created', formatDate(c.createdAt)],
  ];
  const attributes = Object.entries(c.attributes);
  return (
    <div className="detail" data-contact-id={c.id}>
      {back}
      <div className="detail-head">
        <span className="avatar avatar-lg" aria-hidden="true">
          {(c.name ?? c.email ?? '?').slice(0, 1).toUpperCase()}
        </span>
        <div className="row-text">
          <h2 className="row-title">{c.name ?? c.email ?? 'Unnamed contact'}</h2>
          <div className="muted small mono">{c.id}</div>
        </div>
      </div>
      <dl className="props">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <h3 className="section-title">Conversations</h3>
      <ContactConversations agentId={agentId} contactId={c.id} />
      <h3 className="section-title">Attributes</h3>
      {attributes.length === 0 ? (
        <p className="muted small">No custom attributes.</p>
      ) : (
        <dl className="props">
          {attributes.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function UpsertForm({ agentId, onSaved }: { agentId: string; onSaved: (id: string) => void }) {
  const upsert = useUpsertContact();
  const [distinctId, setDistinctId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        upsert.mutate(
          { agentId, distinctId: distinctId.trim(), ...(name ? { name } : {}), ...(email ? { email } : {}) },
          {
            onSuccess: (r) => {
              onSaved(r.contactId);
            },
          },
        );
      }}
    >
      <Field label="Your user ID" hint="Contacts are matched on this; an existing one is updated.">
        <input
          value={distinctId}
          onChange={(e) => {
            setDistinctId(e.target.value);
          }}
          placeholder="user_12345"
          required
        />
      </Field>
      <Field label="Name">
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
          placeholder="Jane Doe"
        />
      </Field>
      <Field label="Email">
        <input
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
          placeholder="jane@example.com"
        />
      </Field>
      <ErrorNotice error={upsert.error} title="Could not save the contact" />
      <button type="submit" className="btn btn-primary" disabled={upsert.isPending || !distinctId.trim()}>
        {upsert.isPending ? 'Saving…' : 'Save contact'}
      </button>
    </form>
  );
}

export function ContactsScreen({
  agentId,
  contactId,
  onOpen,
}: {
  agentId: string;
  contactId: string | undefined;
  onOpen: (id: string | undefined) => void;
}) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLowerCase());
  const words = query.split(/\s+/).filter(Boolean);
  const contacts = useContacts({ agentId, page, limit: 20 });
  const all = useAllContacts(agentId, words.length > 0);
  const searching = words.length > 0;
  const items = searching ? (all.data ?? []).filter((c) => matches(c, words)) : (contacts.data?.items ?? []);
  const loading = searching ? all.isLoading : contacts.isLoading;
  const error = searching ? all.error : contacts.error;
  return (
    <>
      <PageHeader title="Contacts" description="Visitors this agent has talked to, and the ones you identified." />
      <div className={`grid-2-1 master-detail ${contactId ? 'has-selection' : ''}`}>
        <Card title="Contacts" className="master">
          <input
            type="search"
            aria-label="Search contacts"
            placeholder="Search by name, email, phone or user ID"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
            }}
          />
          {loading ? <Loading label="Loading contacts…" /> : null}
          <ErrorNotice
            error={error}
            title="Could not load contacts"
            onRetry={() => void (searching ? all.refetch() : contacts.refetch())}
          />
          {!loading && !error && items.length === 0 ? (
            <EmptyState icon="☺" title={searching ? 'No contact matches' : 'No contacts yet'}>
              {searching
                ? `Nothing matches “${search.trim()}”.`
                : 'Contacts appear when visitors chat, or when you identify them with the form.'}
            </EmptyState>
          ) : null}
          <ul className="list" aria-label="Contacts">
            {items.map((c) => (
              <li key={c.id} className={`list-row ${c.id === contactId ? 'selected' : ''}`}>
                <button
                  type="button"
                  className="row-main"
                  aria-current={c.id === contactId ? 'true' : undefined}
                  onClick={() => {
                    onOpen(c.id);
                  }}
                >
                  <span className="avatar" aria-hidden="true">
                    {(c.name ?? c.email ?? '?').slice(0, 1).toUpperCase()}
                  </span>
                  <span className="row-text">
                    <span className="row-title">{c.name ?? c.email ?? c.distinctId ?? 'Anonymous visitor'}</span>
                    <span className="row-sub">{[c.email, c.country].filter(Boolean).join(' · ') || c.id}</span>
                  </span>
                  <span className="row-meta muted small">{formatDate(c.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
          {searching ? null : <Pager info={contacts.data?.pageInfo} onPage={setPage} />}
        </Card>
        <div className="stack detail-pane">
          <Card title="Contact">
            {contactId ? (
              <ContactDetail
                agentId={agentId}
                contactId={contactId}
                onBack={() => {
                  onOpen(undefined);
                }}
              />
            ) : (
              <p className="muted">Pick a contact to see its details and conversations.</p>
            )}
          </Card>
          <Card title="Identify a contact">
            <UpsertForm agentId={agentId} onSaved={onOpen} />
          </Card>
        </div>
      </div>
    </>
  );
}
