import { useContact, useContacts, useUpsertContact } from '@livechatai/react';
import { useState } from 'react';
import { Card, EmptyState, ErrorNotice, Field, formatDate, Loading, PageHeader, Pager } from '../ui.js';

function ContactDetail({ contactId }: { contactId: string }) {
  const contact = useContact(contactId);
  if (contact.isLoading) return <Loading label="Loading contact…" />;
  if (contact.error) return <ErrorNotice error={contact.error} title="Could not load the contact" />;
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
    <div className="detail">
      <div className="detail-head">
        <span className="avatar avatar-lg" aria-hidden="true">
          {(c.name ?? c.email ?? '?').slice(0, 1).toUpperCase()}
        </span>
        <div>
          <div className="row-title">{c.name ?? 'Unnamed contact'}</div>
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
          { onSuccess: (r) => { onSaved(r.contactId); } },
        );
      }}
    >
      <Field label="Your user ID" hint="Contacts are matched on this; an existing one is updated.">
        <input value={distinctId} onChange={(e) => { setDistinctId(e.target.value); }} placeholder="user_12345" required />
      </Field>
      <Field label="Name">
        <input value={name} onChange={(e) => { setName(e.target.value); }} placeholder="Jane Doe" />
      </Field>
      <Field label="Email">
        <input type="email" value={email} onChange={(e) => { setEmail(e.target.value); }} placeholder="jane@example.com" />
      </Field>
      <ErrorNotice error={upsert.error} title="Could not save the contact" />
      <button type="submit" className="btn btn-primary" disabled={upsert.isPending || !distinctId.trim()}>
        {upsert.isPending ? 'Saving…' : 'Save contact'}
      </button>
    </form>
  );
}

export function ContactsScreen({ agentId, contactId, onOpen }: { agentId: string; contactId: string | undefined; onOpen: (id: string) => void }) {
  const [page, setPage] = useState(1);
  const contacts = useContacts({ agentId, page, limit: 20 });
  const items = contacts.data?.items ?? [];
  const info = contacts.data?.pageInfo;
  return (
    <>
      <PageHeader title="Contacts" description="Visitors this agent has talked to, and the ones you identified." />
      <div className="grid-2-1">
        <Card title="Contacts">
          {contacts.isLoading ? <Loading label="Loading contacts…" /> : null}
          <ErrorNotice error={contacts.error} title="Could not load contacts" onRetry={() => void contacts.refetch()} />
          {contacts.data && items.length === 0 ? (
            <EmptyState icon="☺" title="No contacts yet">
              Contacts appear when visitors chat, or when you identify them with the form.
            </EmptyState>
          ) : null}
          <ul className="list" aria-label="Contacts">
            {items.map((c) => (
              <li key={c.id} className={`list-row ${c.id === contactId ? 'selected' : ''}`}>
                <button type="button" className="row-main" onClick={() => { onOpen(c.id); }}>
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
          <Pager info={info} onPage={setPage} />
        </Card>
        <div className="stack">
          <Card title="Contact">{contactId ? <ContactDetail contactId={contactId} /> : <p className="muted">Pick a contact to see its details.</p>}</Card>
          <Card title="Identify a contact">
            <UpsertForm agentId={agentId} onSaved={onOpen} />
          </Card>
        </div>
      </div>
    </>
  );
}
