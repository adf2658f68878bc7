import type { AISuggestion } from '@livechatai/core';
import { useAddDataSource, useAISuggestions, useDismissSuggestion } from '@livechatai/react';
import { useState } from 'react';
import { Badge, Card, EmptyState, ErrorNotice, Field, formatDate, Loading, PageHeader, Pager } from '../ui.js';

function SuggestionCard({ agentId, suggestion }: { agentId: string; suggestion: AISuggestion }) {
  const add = useAddDataSource();
  const dismiss = useDismissSuggestion();
  const [editing, setEditing] = useState(false);
  const [question, setQuestion] = useState(suggestion.userMessage.text);
  const [answer, setAnswer] = useState(suggestion.suggestedImprovement);
  return (
    <Card
      className="suggestion"
      title={
        <>
          <Badge tone="amber">{suggestion.evaluationTag.replaceAll('_', ' ').toLowerCase()}</Badge> <span className="muted small">{formatDate(suggestion.createdAt)}</span>
        </>
      }
      actions={
        <button type="button" className="btn btn-ghost btn-small" disabled={dismiss.isPending} onClick={() => { dismiss.mutate({ suggestionId: suggestion.id, agentId }); }}>
          Dismiss
        </button>
      }
    >
      <div className="qa">
        <div>
          <div className="field-label">Visitor asked</div>
          <p>{suggestion.userMessage.text}</p>
        </div>
        <div>
          <div className="field-label">AI answered</div>
          <p className="muted">{suggestion.aiMessage.text}</p>
        </div>
        <div>
          <div className="field-label">Gap</div>
          <p>{suggestion.potentialGap}</p>
        </div>
      </div>
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { type: 'qa', agentId, question, answer, isGeneratedByAI: true, relatedMessageId: suggestion.aiMessage.id },
              // Once the knowledge has the answer, the suggestion is dealt with.
              { onSuccess: () => { dismiss.mutate({ suggestionId: suggestion.id, agentId }); } },
            );
          }}
        >
          <Field label="Question">
            <input value={question} onChange={(e) => { setQuestion(e.target.value); }} required />
          </Field>
          <Field label="Answer">
            <textarea rows={3} value={answer} onChange={(e) => { setAnswer(e.target.value); }} required placeholder="Write the answer the agent should give" />
          </Field>
          <ErrorNotice error={add.error} title="Could not add the Q&A" />
          <div className="row-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending || !answer.trim()}>
              {add.isPending ? 'Adding…' : 'Add Q&A to knowledge'}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => { setEditing(false); }}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => { setEditing(true); }}>
          Turn into Q&amp;A
        </button>
      )}
      <ErrorNotice error={dismiss.error} title="Could not dismiss" />
    </Card>
  );
}

export function SuggestionsScreen({ agentId }: { agentId: string }) {
  const [page, setPage] = useState(1);
  const suggestions = useAISuggestions({ agentId, page, limit: 10 });
  const items = suggestions.data?.items ?? [];
  const info = suggestions.data?.pageInfo;
  return (
    <>
      <PageHeader title="AI suggestions" description="Questions the agent could not answer well. Turn each into a Q&A so it can next time." />
      {suggestions.isLoading ? <Loading label="Loading suggestions…" /> : null}
      <ErrorNotice error={suggestions.error} title="Could not load suggestions" onRetry={() => void suggestions.refetch()} />
      {suggestions.data && items.length === 0 ? (
        <Card>
          <EmptyState icon="✓" title="Nothing to improve right now">
            When the agent cannot answer a question from its knowledge, a suggestion shows up here.
          </EmptyState>
        </Card>
      ) : null}
      <div className="suggestions">
        {items.map((s) => (
          <SuggestionCard key={s.id} agentId={agentId} suggestion={s} />
        ))}
      </div>
      <Pager info={info} onPage={setPage} />
    </>
  );
}
