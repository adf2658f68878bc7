import { useAgents, useCreateAgent, useDeleteAgent } from '@livechatai/react';
import { useState } from 'react';
import { Badge, Card, EmptyState, ErrorNotice, Field, formatDate, Loading, PageHeader } from '../ui.js';

export function AgentsScreen({
  selectedAgentId,
  onSelect,
  onDeleted,
}: {
  selectedAgentId: string | undefined;
  onSelect: (id: string) => void;
  /** After a delete, with the agent to move to (the newest remaining one), if any. */
  onDeleted: (id: string, remaining: string | undefined) => void;
}) {
  const agents = useAgents({ limit: 100 });
  const create = useCreateAgent();
  const remove = useDeleteAgent();
  const [name, setName] = useState('');
  const [liveChat, setLiveChat] = useState(true);
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title="Agents"
        description="Your AI agents. Each one has its own knowledge, conversations and analytics."
      />
      <div className="grid-2-1">
        <Card title="All agents">
          {agents.isLoading ? <Loading label="Loading agents…" /> : null}
          <ErrorNotice error={agents.error} title="Could not load agents" onRetry={() => void agents.refetch()} />
          <ErrorNotice error={remove.error} title="Could not delete the agent" />
          {agents.data?.items.length === 0 ? (
            <EmptyState icon="🤖" title="No agents yet">
              Create your first agent with the form on the right.
            </EmptyState>
          ) : null}
          {agents.data && agents.data.items.length > 0 ? (
            <ul className="list" aria-label="Agents">
              {agents.data.items.map((agent) => (
                <li
                  key={agent.id}
                  className={`list-row ${agent.id === selectedAgentId ? 'selected' : ''}`}
                  data-agent-id={agent.id}
                >
                  <button
                    type="button"
                    className="row-main"
                    onClick={() => {
                      onSelect(agent.id);
                    }}
                  >
                    <span className="avatar" aria-hidden="true">
                      {agent.name.slice(0, 1).toUpperCase()}
                    </span>
                    <span className="row-text">
                      <span className="row-title">{agent.name}</span>
                      <span className="row-sub mono">{agent.id}</span>
                    </span>
                  </button>
                  <span className="row-meta">
                    {agent.isLiveChatEnabled ? <Badge tone="green">Live chat</Badge> : <Badge>AI only</Badge>}
                    <span className="muted small">{formatDate(agent.createdAt)}</span>
                  </span>
                  {confirming === agent.id ? (
                    <span className="row-actions">
                      <button
                        type="button"
                        aria-label={`Confirm delete ${agent.name}`}
                        className="btn btn-danger btn-small"
                        disabled={remove.isPending}
                        onClick={() => {
                          remove.mutate(agent.id, {
                            onSettled: () => {
                              setConfirming(null);
                            },
                            onSuccess: () => {
                              onDeleted(agent.id, agents.data.items.find((a) => a.id !== agent.id)?.id);
                            },
                          });
                        }}
                      >
                        {remove.isPending ? 'Deleting…' : 'Confirm delete'}
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        onClick={() => {
                          setConfirming(null);
                        }}
                      >
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <span className="row-actions">
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        aria-label={`Delete ${agent.name}`}
                        onClick={() => {
                          setConfirming(agent.id);
                        }}
                      >
                        Delete
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <Card title="Create an agent">
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate(
                { name: name.trim(), isLiveChatEnabled: liveChat },
                {
                  onSuccess: (agent) => {
                    setName('');
                    onSelect(agent.id);
                  },
                },
              );
            }}
          >
            <Field label="Name">
              <input
                name="agent-name"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                }}
                placeholder="Customer Support Agent"
                required
              />
            </Field>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={liveChat}
                onChange={(e) => {
                  setLiveChat(e.target.checked);
                }}
              />
              Enable live chat (human handoff)
            </label>
            <ErrorNotice error={create.error} title="Could not create the agent" />
            <button type="submit" className="btn btn-primary" disabled={create.isPending || name.trim() === ''}>
              {create.isPending ? 'Creating…' : 'Create agent'}
            </button>
          </form>
        </Card>
      </div>
    </>
  );
}
