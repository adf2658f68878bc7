import type { AISuggestion } from '@livechatai/core';
import { useAddDataSource, useAISuggestions, useDismissSuggestion } from '@livechatai/react';
import { useId, useState } from 'react';
import { href } from '../router.js';
import { useUndo } from '../toasts.js';
import { Badge, Card, EmptyState, ErrorNotice, Field, formatDate, Loading, PageHeader, Pager } from '../ui.js';

/** Suggestions loaded at once, so that the same question asked in several conversations shows as one card. */
const LOAD = 100;
const GROUPS_PER_PAGE = 10;

/** One question the agent could not answer, with every conversation it came up in (newest first). */
interface Group {
  key: string;
  question: string;
  items: AISuggestion[];
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function groupByQuestion(items: AISuggestion[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of items) {
    const key = normalize(s.userMessage.text);
    const group = groups.get(key);
    if (group) group.items.push(s);
    else groups.set(key, { key, question: s.userMessage.text, items: [s] });
  }
  return [...groups.values()];
}

function SuggestionCard({ agentId, group }: { agentId: string; group: Group }) {
  const add = useAddDataSource();
  const dismiss = useDismissSuggestion();
  const { schedule } = useUndo();
  const id = useId();
  const [first] = group.items;
  const [editing, setEditing] = useState(false);
  const [question, setQuestion] = useState(group.question);
  // Empty: the suggestion's own text is advice for the team ("Add a data source that answers …"), not an answer
  // for visitors; saving it would teach the agent to say that to customers.
  const [answer, setAnswer] = useState('');
  const [refused, setRefused] = useState(false);
  if (!first) return null;

  const dismissAll = () => Promise.all(group.items.map((s) => dismiss.mutateAsync({ suggestionId: s.id, agentId })));

  return (
    <Card
      className="suggestion"
      title={
        <>
          <Badge tone="amber">{first.evaluationTag.replaceAll('_', ' ').toLowerCase()}</Badge>{' '}
          {group.items.length > 1 ? <Badge tone="violet">asked {group.items.length} times</Badge> : null}{' '}
          <span className="muted small">{formatDate(first.createdAt)}</span>
        </>
      }
      actions={
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => {
            schedule({ key: `sg:${group.key}`, message: 'Suggestion dismissed', commit: dismissAll });
          }}
        >
          Dismiss
        </button>
      }
    >
      <div className="qa">
        <div>
          <div className="field-label">Visitor asked</div>
          <p>{group.question}</p>
        </div>
        <div>
          <div className="field-label">AI answered</div>
          <p className="muted">{first.aiMessage.text}</p>
        </div>
        <div>
          <div className="field-label">Gap</div>
          <p>{first.potentialGap}</p>
        </div>
        <div>
          <div className="field-label">{group.items.length > 1 ? 'Conversations' : 'Conversation'}</div>
          <ul className="inline-links">
            {group.items.map((s) => (
              <li key={s.id}>
                <a href={href({ screen: 'inbox', agentId, itemId: s.chatId })}>
                  Open conversation from {formatDate(s.createdAt)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {editing ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!answer.trim() || !question.trim()) {
              setRefused(true);
              return;
            }
            add.mutate(
              {
                type: 'qa',
                agentId,
                question: question.trim(),
                answer: answer.trim(),
                isGeneratedByAI: false,
                relatedMessageId: first.aiMessage.id,
              },
              // Once the knowledge has the answer, the suggestion is dealt with, in every conversation it came from.
              { onSuccess: () => void dismissAll() },
            );
          }}
        >
          <Field label="Question">
            <input
              value={question}
              onChange={(e) => {
                setQuestion(e.target.value);
              }}
            />
          </Field>
          <Field label="Answer" hint={`Hint for you (not sent to visitors): ${first.suggestedImprovement}`}>
            <textarea
              rows={3}
              value={answer}
              aria-invalid={refused && !answer.trim()}
              aria-describedby={refused ? `${id}-refused` : undefined}
              onChange={(e) => {
                setAnswer(e.target.value);
                setRefused(false);
              }}
              placeholder="Write the answer the agent should give visitors"
            />
          </Field>
          {refused ? (
            <div className="error-notice" role="alert" id={`${id}-refused`}>
              <strong>Nothing to save yet</strong>
              <span>Write the answer the agent should give; an empty Q&amp;A would teach it nothing.</span>
            </div>
          ) : null}
          <ErrorNotice error={add.error} title="Could not add the Q&A" />
          <div className="row-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending}>
              {add.isPending ? 'Adding…' : 'Add Q&A to knowledge'}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => {
                setEditing(false);
                setRefused(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            setEditing(true);
          }}
        >
          Turn into Q&amp;A
        </button>
      )}
      <ErrorNotice error={dismiss.error} title="Could not dismiss" />
    </Card>
  );
}

export function SuggestionsScreen({ agentId }: { agentId: string }) {
  const [page, setPage] = useState(1);
  const suggestions = useAISuggestions({ agentId, limit: LOAD });
  const { pending } = useUndo();
  const groups = groupByQuestion(suggestions.data?.items ?? []).filter((g) => !pending.has(`sg:${g.key}`));
  const pages = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
  const shown = groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
  return (
    <>
      <PageHeader
        title="AI suggestions"
        description="Questions the agent could not answer well. Turn each into a Q&A so it can next time."
      />
      {suggestions.isLoading ? <Loading label="Loading suggestions…" /> : null}
      <ErrorNotice
        error={suggestions.error}
        title="Could not load suggestions"
        onRetry={() => void suggestions.refetch()}
      />
      {suggestions.data && groups.length === 0 ? (
        <Card>
          <EmptyState icon="✓" title="Nothing to improve right now">
            When the agent cannot answer a question from its knowledge, a suggestion shows up here.
          </EmptyState>
        </Card>
      ) : null}
      <div className="suggestions">
        {shown.map((g) => (
          <SuggestionCard key={g.key} agentId={agentId} group={g} />
        ))}
      </div>
      <Pager info={{ page, hasNext: page < pages, totalPages: pages }} onPage={setPage} />
      {suggestions.data?.pageInfo.hasNext ? (
        <p className="muted small">Showing the newest {LOAD} suggestions; deal with these to see older ones.</p>
      ) : null}
    </>
  );
}
