import type { DataSource, DataSourceType } from '@livechatai/core';
import { useAddDataSource, useDataSources, useDeleteDataSources, type AddDataSourceVariables } from '@livechatai/react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { extractFileText, type ExtractedFile } from '../file-text.js';
import { useUndo } from '../toasts.js';
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
/** While a source is being fetched, look again this often. */
const PENDING_POLL_MS = 1_000;

const titleOf = (ds: DataSource) => (ds.title.trim() === '' ? (ds.url ?? ds.id) : ds.title);

/** Keyboard for a tab list (WAI-ARIA tabs): arrows move between tabs, Home/End to the first/last. */
function onTabKey(e: KeyboardEvent<HTMLDivElement>, index: number, count: number, select: (index: number) => void) {
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const target = (next + count) % count;
  select(target);
  e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')[target]?.focus();
}

function FileFields({
  file,
  onFile,
  busy,
  error,
}: {
  file: ExtractedFile | null;
  onFile: (f: File) => void;
  busy: boolean;
  error: string | null;
}) {
  return (
    <>
      <Field
        label="File"
        hint="PDF, Word (.docx) or a text file (.txt, .md, .csv, .json, .html). The text is read here, in your browser, and added to the knowledge."
      >
        <input
          type="file"
          name="file"
          accept=".pdf,application/pdf,.docx,.txt,.md,.markdown,.csv,.json,.html,.htm,.xml,text/*"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (picked) onFile(picked);
          }}
        />
      </Field>
      {busy ? <Loading label="Reading the file…" /> : null}
      {error ? (
        <div className="error-notice" role="alert">
          <strong>Could not read the file</strong>
          <span>{error}</span>
        </div>
      ) : null}
      {file ? (
        <p className="muted small" data-file-kind={file.kind}>
          {file.kind === 'pdf'
            ? `PDF, ${String(file.pages ?? 0)} page${file.pages === 1 ? '' : 's'}`
            : file.kind === 'docx'
              ? 'Word document'
              : 'Plain text'}
          : {file.text.length.toLocaleString()} characters, stored as a{' '}
          {file.kind === 'text' ? 'text' : file.kind.toUpperCase()} source.
        </p>
      ) : null}
    </>
  );
}

function AddForm({ agentId }: { agentId: string }) {
  const add = useAddDataSource();
  const id = useId();
  const [kind, setKind] = useState<Kind>('text');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [url, setUrl] = useState('');
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [file, setFile] = useState<ExtractedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const variables = (): AddDataSourceVariables | undefined => {
    switch (kind) {
      case 'text':
        return { type: 'text', agentId, title, content };
      case 'url':
        return { type: 'url', agentId, url };
      case 'qa':
        return { type: 'qa', agentId, question, answer };
      case 'file':
        if (!file) return undefined;
        // A plain-text file is text, not a PDF: its type comes from the file.
        return file.kind === 'text'
          ? { type: 'text', agentId, title, content }
          : { type: 'file', agentId, title, content, fileType: file.kind };
    }
  };

  const select = (index: number) => {
    const next = KINDS[index];
    if (!next) return;
    setKind(next.kind);
    add.reset();
    setAdded(null);
  };

  const readFile = (picked: File) => {
    setFile(null);
    setFileError(null);
    setReading(true);
    extractFileText(picked).then(
      (extracted) => {
        setFile(extracted);
        setTitle(extracted.title);
        setContent(extracted.text);
        setReading(false);
      },
      (error: unknown) => {
        setFileError(error instanceof Error ? error.message : String(error));
        setReading(false);
      },
    );
  };

  const active = KINDS.findIndex((k) => k.kind === kind);
  return (
    <form
      ref={form}
      className="form"
      aria-label="Add knowledge"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(null);
        const vars = variables();
        if (!vars) return;
        add.mutate(vars, {
          onSuccess: (created) => {
            setAdded(
              created.source === 'WEBSITE'
                ? 'Web page added: it is being fetched; its status shows in the list.'
                : `Added as a ${created.source.toLowerCase()} source.`,
            );
            setTitle('');
            setContent('');
            setUrl('');
            setQuestion('');
            setAnswer('');
            setFile(null);
            form.current?.reset();
          },
        });
      }}
    >
      <div
        className="tabs"
        role="tablist"
        aria-label="Kind of knowledge"
        onKeyDown={(e) => {
          onTabKey(e, active, KINDS.length, select);
        }}
      >
        {KINDS.map((k, i) => (
          <button
            key={k.kind}
            type="button"
            role="tab"
            id={`${id}-tab-${k.kind}`}
            aria-selected={kind === k.kind}
            aria-controls={`${id}-panel`}
            tabIndex={kind === k.kind ? 0 : -1}
            className={`tab ${kind === k.kind ? 'active' : ''}`}
            onClick={() => {
              select(i);
            }}
          >
            {k.label}
          </button>
        ))}
      </div>
      <div className="form" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${kind}`}>
        {kind === 'text' || (kind === 'file' && file) ? (
          <Field label="Title">
            <input
              name="title"
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
              }}
              placeholder="Company overview"
              required
            />
          </Field>
        ) : null}
        {kind === 'text' ? (
          <Field label="Content">
            <textarea
              name="content"
              rows={6}
              value={content}
              onChange={(e) => {
                setContent(e.target.value);
              }}
              placeholder="Everything the agent should know…"
              required
            />
          </Field>
        ) : null}
        {kind === 'url' ? (
          <Field
            label="Page URL"
            hint="One web page; its text is fetched and indexed. The list shows when it is ready, or why it failed."
          >
            <input
              name="url"
              type="url"
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
              }}
              placeholder="https://example.com/about"
              required
            />
          </Field>
        ) : null}
        {kind === 'qa' ? (
          <>
            <Field label="Question">
              <input
                name="question"
                value={question}
                onChange={(e) => {
                  setQuestion(e.target.value);
                }}
                placeholder="What are your opening hours?"
                required
              />
            </Field>
            <Field label="Answer">
              <textarea
                name="answer"
                rows={4}
                value={answer}
                onChange={(e) => {
                  setAnswer(e.target.value);
                }}
                required
              />
            </Field>
          </>
        ) : null}
        {kind === 'file' ? (
          <>
            <FileFields file={file} onFile={readFile} busy={reading} error={fileError} />
            {file ? (
              <Field
                label="Extracted text"
                hint="Check it, and correct it if the file's layout confused the extraction."
              >
                <textarea
                  name="content"
                  rows={5}
                  value={content}
                  onChange={(e) => {
                    setContent(e.target.value);
                  }}
                  required
                />
              </Field>
            ) : null}
          </>
        ) : null}
        <ErrorNotice error={add.error} title="Could not add the data source" />
        {added ? (
          <div className="success-notice" role="status">
            {added}
          </div>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={add.isPending || reading || (kind === 'file' && !file)}
        >
          {add.isPending ? 'Adding…' : 'Add to knowledge'}
        </button>
      </div>
    </form>
  );
}

/** The source's processing state, as the API reports it. */
function Status({ ds }: { ds: DataSource }) {
  if (ds.status === 'PENDING') {
    return (
      <span className="status status-pending" data-status="PENDING">
        <span className="spinner spinner-small" aria-hidden="true" />{' '}
        {ds.source === 'WEBSITE' ? 'Fetching the page…' : 'Processing…'}
      </span>
    );
  }
  if (ds.status === 'FAILED') {
    // The API says only that it failed (for a web page: it could not be fetched, or held no text); a reason
    // is shown when the API sends one.
    const reason = (ds as DataSource & { error?: unknown }).error;
    return (
      <span className="status status-failed" data-status="FAILED">
        <Badge tone="red">Failed</Badge>{' '}
        {typeof reason === 'string' && reason
          ? reason
          : ds.source === 'WEBSITE'
            ? 'The page could not be fetched, or it held no text. The agent does not use it.'
            : 'It could not be processed. The agent does not use it.'}
      </span>
    );
  }
  return null;
}

export function KnowledgeScreen({ agentId }: { agentId: string }) {
  const [filter, setFilter] = useState<DataSourceType | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const sources = useDataSources(
    { agentId, source: filter, page, limit: PAGE_SIZE },
    // A web page is fetched in the background: look again until none is pending.
    {
      refetchInterval: (query) =>
        query.state.data?.items.some((ds) => ds.status === 'PENDING') ? PENDING_POLL_MS : false,
    },
  );
  const remove = useDeleteDataSources();
  const retryAdd = useAddDataSource();
  const [retrying, setRetrying] = useState<string | null>(null);
  const { schedule, pending } = useUndo();
  const items = (sources.data?.items ?? []).filter((ds) => !pending.has(`ds:${ds.id}`));
  const info = sources.data?.pageInfo;

  const retry = (ds: DataSource) => {
    if (!ds.url) return;
    setRetrying(ds.id);
    // The API has no "fetch again": add the page anew, then drop the failed copy.
    retryAdd.mutate(
      { type: 'url', agentId, url: ds.url },
      {
        onSuccess: () => {
          remove.mutate({ agentId, source: ds.source, id: ds.id });
        },
        onSettled: () => {
          setRetrying(null);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Knowledge" description="What the agent answers from: text, web pages, Q&A pairs and files." />
      <div className="grid-2-1">
        <Card
          title="Data sources"
          actions={
            <select
              aria-label="Filter by type"
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value as DataSourceType | 'ALL');
                setPage(1);
              }}
            >
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {f === 'ALL' ? 'All types' : f}
                </option>
              ))}
            </select>
          }
        >
          {sources.isLoading ? <Loading label="Loading knowledge…" /> : null}
          <ErrorNotice
            error={sources.error}
            title="Could not load data sources"
            onRetry={() => void sources.refetch()}
          />
          <ErrorNotice error={remove.error} title="Could not delete" />
          <ErrorNotice error={retryAdd.error} title="Could not add the page again" />
          {sources.data && items.length === 0 ? (
            <EmptyState icon="📚" title="No knowledge yet">
              Add text, a web page, a Q&amp;A pair or a file; the agent answers from it right away.
            </EmptyState>
          ) : null}
          {items.length > 0 ? (
            <ul className="list" aria-label="Data sources">
              {items.map((ds) => (
                <li
                  key={ds.id}
                  className={`list-row list-row-wrap ${ds.status === 'FAILED' ? 'row-failed' : ''}`}
                  data-source-id={ds.id}
                  data-status={ds.status}
                >
                  <span className="row-text">
                    <span className="row-title" title={titleOf(ds)}>
                      <Badge tone={ds.source === 'QA' ? 'violet' : ds.source === 'WEBSITE' ? 'blue' : 'neutral'}>
                        {ds.source}
                      </Badge>{' '}
                      {titleOf(ds)}
                    </span>
                    {ds.status === 'COMPLETED' ? <span className="row-sub clamp">{ds.text}</span> : <Status ds={ds} />}
                  </span>
                  <span className="row-meta">
                    {ds.status === 'COMPLETED' ? (
                      <span className="muted small">{ds.characterCount.toLocaleString()} chars</span>
                    ) : null}
                    <span className="muted small">{formatDate(ds.createdAt)}</span>
                  </span>
                  <span className="row-actions">
                    {ds.status === 'FAILED' && ds.url ? (
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        disabled={retrying !== null}
                        onClick={() => {
                          retry(ds);
                        }}
                      >
                        {retrying === ds.id ? 'Retrying…' : 'Retry'}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={`Delete ${titleOf(ds)}`}
                      onClick={() => {
                        schedule({
                          key: `ds:${ds.id}`,
                          message: `Deleted “${titleOf(ds)}”`,
                          commit: () => remove.mutateAsync({ agentId, source: ds.source, id: ds.id }),
                        });
                      }}
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
          <AddForm agentId={agentId} />
        </Card>
      </div>
    </>
  );
}
