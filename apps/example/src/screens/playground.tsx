import { useChat, type ChatMessage } from '@livechatai/react';
import { useEffect, useRef, useState } from 'react';
import { Markdown } from '../markdown.js';
import { href } from '../router.js';
import { Badge, EmptyState, ErrorNotice, Loading, PageHeader } from '../ui.js';

function Bubble({ message }: { message: ChatMessage }) {
  const label =
    message.role === 'user' ? 'You' : message.role === 'agent' ? (message.teamMember?.name ?? 'Team member') : 'AI';
  return (
    <div className={`bubble-row ${message.role}`} data-role={message.role} data-state={message.state}>
      <div className={`bubble ${message.role} ${message.state}`}>
        <div className="bubble-author">
          {label}
          {/* Stopped and failed describe the answer; the visitor's own message was sent either way. */}
          {message.role !== 'user' && message.state === 'stopped' ? <Badge tone="amber">stopped</Badge> : null}
          {message.role !== 'user' && message.state === 'error' ? <Badge tone="red">failed</Badge> : null}
        </div>
        <div className="bubble-text">
          {message.role === 'user' ? message.content : <Markdown text={message.content} />}
          {message.state === 'streaming' ? <span className="caret" aria-hidden="true" /> : null}
        </div>
        {message.links.length > 0 ? (
          <div className="bubble-links" aria-label="Sources">
            <span className="muted small">Sources</span>
            {message.links.map((l) => (
              <a key={l.link} href={l.link} target="_blank" rel="noreferrer" className="source-link">
                {l.link.replace(/^https?:\/\//, '')}
              </a>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function PlaygroundScreen({ agentId, agentName }: { agentId: string; agentName: string }) {
  // The conversation is kept in sessionStorage (useChat's default), so leaving the screen — for the inbox, say —
  // and coming back shows the same chat; a team member's reply from the inbox arrives by polling.
  const chat = useChat({ agentId, poll: { interval: 3_000, maxInterval: 10_000 } });
  const [text, setText] = useState('');
  const bottom = useRef<HTMLDivElement>(null);
  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  const lastContent = chat.messages.at(-1)?.content;

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [chat.messages.length, lastContent]);

  return (
    <>
      <PageHeader
        title="Playground"
        description={`Talk to ${agentName} as a visitor would. Answers stream in as they are written.`}
        actions={
          <>
            {chat.conversationId ? (
              <a className="btn btn-ghost" href={href({ screen: 'inbox', agentId, itemId: chat.conversationId })}>
                Open in inbox
              </a>
            ) : null}
            <button
              type="button"
              className="btn btn-ghost"
              onClick={chat.reset}
              disabled={busy || chat.messages.length === 0}
            >
              New chat
            </button>
          </>
        }
      />
      <section className="card chat-card">
        <div className="chat-log" role="log" aria-live="polite" aria-label="Conversation">
          {chat.isLoadingHistory ? <Loading label="Loading conversation…" /> : null}
          {chat.messages.length === 0 && !chat.isLoadingHistory ? (
            <EmptyState icon="💬" title="Ask anything">
              The agent answers from its knowledge. Try a question about something you added on the Knowledge page.
            </EmptyState>
          ) : null}
          {chat.messages.map((m) => (
            <Bubble key={m.id} message={m} />
          ))}
          {chat.status === 'submitted' ? (
            <div className="bubble-row assistant">
              <div className="bubble assistant typing" aria-label="The agent is thinking">
                <span />
                <span />
                <span />
              </div>
            </div>
          ) : null}
          <div ref={bottom} />
        </div>
        <div className="chat-footer">
          <ErrorNotice error={chat.error} title="The message could not be answered" onRetry={() => void chat.retry()} />
          <form
            className="composer"
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              void chat.send(text.trim());
              setText('');
            }}
          >
            <input
              name="message"
              aria-label="Message"
              placeholder="Type a question…"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
              }}
              autoComplete="off"
            />
            {busy ? (
              <button type="button" className="btn btn-ghost" onClick={chat.stop}>
                Stop
              </button>
            ) : (
              <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
                Send
              </button>
            )}
          </form>
          <div className="muted small chat-status">
            Status: <span data-chat-status={chat.status}>{chat.status}</span>
            {chat.conversationId ? <span className="mono"> · {chat.conversationId}</span> : null}
          </div>
        </div>
      </section>
    </>
  );
}
