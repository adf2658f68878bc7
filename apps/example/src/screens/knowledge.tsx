import type { DataSourceFileType, DataSourceType } from '@livechatai/core';
import { useAddDataSource, useDataSources, useDeleteDataSources, type AddDataSourceVariables } from '@livechatai/react';
import { useState } from 'react';
import { Badge, Card, EmptyState, ErrorNotice, Field, formatDate, Loading, PageHeader, Pager } from '../ui.js';

type Kind = AddDataSourceVariables['type'];
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'url', label: 'Web page' },
  { kind: 'qa', label: 'Q&A' },
  { kind: 'file', label: 'File' },
];
const FILTERS: (DataSourceType | 'ALL')[] = ['ALL', 'TEXT', 'WEBSITE', 'QA', 'PDF', 'DOCX', 'IMAGE'];
const PAGE_SIZE = 10;

function AddForm({ agentId }: { agentId: string }) {
  const add = useAddDataSource();
  const [kind, setKind] = useState<Kind>('text');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [url, setUrl] = useState('');
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [fileType, setFileType] = useState<DataSourceFileType>('pdf');
  const [added, setAdded] = useState<string | null>(null);

  const variables = (): AddDataSourceVariables => {
    switch (kind) {
      case 'text':
        return { type: 'text', agentId, title, content };
      case 'url':
        return { type: 'url', agentId, url };
      case 'qa':
        return { type: 'qa', agentId, question, answer };
      case 'file':
        return { type: 'file', agentId, title, content, fileType };
    }
  };

  return (
    <form
      className="form"
      aria-label="Add knowledge"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(null);
        add.mutate(variables(), {
          onSuccess: (created) => {
            setAdded(`Added ${created.source.toLowerCase()} source ${created.id}`);
            setTitle('');
            setContent('');
            setUrl('');
            setQuestion('');
            setAnswer('');
          },
        });
      }}
    >
      <div className="tabs" role="tablist">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="tab"
            aria-selected={kind === k.kind}
            className={`tab ${kind === k.kind ? 'active' : ''}`}
            onClick={() => { setKind(k.kind); add.reset(); setAdded(null); }}
          >
            {k.label}
          </button>
        ))}
      </div>
      {kind === 'text' || kind === 'file' ? (
        <Field label="Title">
          <input name="title" value={title} onChange={(e) => { setTitle(e.target.value); }} placeholder="Company overview" required />
        </Field>
      ) : null}
      {kind === 'text' ? (
        <Field label="Content">
          <textarea name="content" rows={6} value={content} onChange={(e) => { setContent(e.target.value); }} placeholder="Everything the agent should know…" required />
        </Field>
      ) : null}
      {kind === 'url' ? (
        <Field label="Page URL" hint="One web page; its text is fetched and indexed.">
          <input name="url" type="url" value={url} onChange={(e) => { setUrl(e.target.value); }} placeholder="https://example.com/about" required />
        </Field>
      ) : null}
      {kind === 'qa' ? (
        <>
          <Field label="Question">
            <input name="question" value={question} onChange={(e) => { setQuestion(e.target.value); }} placeholder="What are your opening hours?" required />
          </Field>
          <Field label="Answer">
            <textarea name="answer" rows={4} value={answer} onChange={(e) => { setAnswer(e.target.value); }} required />
          </Field>
        </>
      ) : null}
      {kind === 'file' ? (
        <>
          <Field label="File type">
            <select value={fileType} onChange={(e) => { setFileType(e.target.value as DataSourceFileType); }}>
              <option value="pdf">PDF</option>
              <option value="docx">Word (DOCX)</option>
              <option value="image">Image</option>
            </select>
          </Field>
          <Field label="Load text from a file" hint="The API takes the file's extracted text. Text files load directly; for PDF or Word, paste the extracted text below.">
            <input
              type="file"
              accept=".txt,.md,.csv,.json,.html,text/*"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                if (!title) setTitle(file.name);
                void file.text().then(setContent);
              }}
            />
          </Field>
          <Field label="Extracted text">
            <textarea name="content" rows={5} value={content} onChange={(e) => { setContent(e.target.value); }} required />
          </Field>
        </>
      ) : null}
      <ErrorNotice error={add.error} title="Could not add the data source" />
      {added ? <div className="success-notice">{added}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add to knowledge'}
      </button>
    </form>
  );
}

export function KnowledgeScreen({ agentId }: { agentId: string }) {
  const [filter, setFilter] = useState<DataSourceType | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const sources = useDataSources({ agentId, source: filter, page, limit: PAGE_SIZE });
  const remove = useDeleteDataSources();
  const items = sources.data?.items ?? [];
  const info = sources.data?.pageInfo;

  return (
    <>
      <PageHeader title="Knowledge" description="What the agent answers from: text, web pages, Q&A pairs and files." />
      <div className="grid-2-1">
        <Card
          title="Data sources"
          actions={
            <select aria-label="Filter by type" value={filter} onChange={(e) => { setFilter(e.target.value as DataSourceType | 'ALL'); setPage(1); }}>
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {f === 'ALL' ? 'All types' : f}
                </option>
              ))}
            </select>
          }
        >
          {sources.isLoading ? <Loading label="Loading knowledge…" /> : null}
          <ErrorNotice error={sources.error} title="Could not load data sources" onRetry={() => void sources.refetch()} />
          <ErrorNotice error={remove.error} title="Could not delete" />
          {sources.data && items.length === 0 ? (
            <EmptyState icon="📚" title="No knowledge yet">
              Add text, a web page, a Q&amp;A pair or a file; the agent answers from it right away.
            </EmptyState>
          ) : null}
          {items.length > 0 ? (
            <ul className="list" aria-label="Data sources">
              {items.map((ds) => (
                <li key={ds.id} className="list-row" data-source-id={ds.id}>
                  <span className="row-text">
                    <span className="row-title">
                      <Badge tone={ds.source === 'QA' ? 'violet' : ds.source === 'WEBSITE' ? 'blue' : 'neutral'}>{ds.source}</Badge> {ds.title.trim() === '' ? (ds.url ?? ds.id) : ds.title}
                    </span>
                    <span className="row-sub clamp">{ds.text}</span>
                  </span>
                  <span className="row-meta">
                    <span className="muted small">{ds.characterCount.toLocaleString()} chars</span>
                    <span className="muted small">{formatDate(ds.createdAt)}</span>
                  </span>
                  <span className="row-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={`Delete ${ds.title.trim() === '' ? ds.id : ds.title}`}
                      disabled={remove.isPending}
                      onClick={() => { remove.mutate({ agentId, source: ds.source, id: ds.id }); }}
                    >
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <Pager info={info} onPage={setPage} />
        </Card>
        <Card title="Add knowledge">
          <AddForm key={agentId} agentId={agentId} />
        </Card>
      </div>
    </>
  );
}
