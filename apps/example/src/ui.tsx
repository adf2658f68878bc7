import type { ReactNode } from 'react';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card ${className ?? ''}`}>
      {title || actions ? (
        <div className="card-header">
          {title ? <h2>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorNotice({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: { message: string } | null | undefined;
  title?: string;
  onRetry?: () => void;
}) {
  if (!error) return null;
  return (
    <div className="error-notice" role="alert">
      <strong>{title}</strong>
      <span>{error.message}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ icon = '✦', title, children }: { icon?: string; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <h3>{title}</h3>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'green' | 'amber' | 'red' | 'blue' | 'violet';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function NoAgent() {
  return (
    <EmptyState icon="🤖" title="No agent selected">
      Create an agent on the <a href="#/agents">Agents</a> page, then pick it in the sidebar.
    </EmptyState>
  );
}

/** Previous / next buttons under a paged list; hidden when everything fits on one page. */
export function Pager({
  info,
  onPage,
}: {
  info: { page: number; hasNext: boolean; totalPages?: number | undefined } | undefined;
  onPage: (page: number) => void;
}) {
  if (!info || (info.page <= 1 && !info.hasNext)) return null;
  return (
    <div className="pager">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={info.page <= 1}
        onClick={() => {
          onPage(info.page - 1);
        }}
      >
        ← Previous
      </button>
      <span className="muted small">
        Page {info.page}
        {info.totalPages ? ` of ${String(info.totalPages)}` : ''}
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={!info.hasNext}
        onClick={() => {
          onPage(info.page + 1);
        }}
      >
        Next →
      </button>
    </div>
  );
}
