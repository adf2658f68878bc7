import { useChat, type ChatMessage } from '@livechatai/react';
import { useEffect, useId, useRef, useState } from 'react';
import { Markdown } from '../markdown.js';
import { errorText } from './error-text.js';

// Whether the panel was open, so a reload shows the chat as the visitor left it (the conversation itself is
// restored by useChat, which keeps its id in sessionStorage and reads it back through the handler).
const OPEN_KEY = 'livechatai-widget:open';

function authorOf(message: ChatMessage, assistantName: string): string {
  if (message.role === 'user') return 'You';
  if (message.role === 'agent') return `${message.teamMember?.name ?? 'Team member'} (team)`;
  return assistantName;
}

function Bubble({ message, assistantName }: { message: ChatMessage; assistantName: string }) {
  return (
    <li className={`lcw-row lcw-${message.role}`} data-role={message.role} data-state={message.state}>
      <div className="lcw-bubble">
        <div className="lcw-author">
          {authorOf(message, assistantName)}
          {message.state === 'stopped' ? <span className="lcw-tag">stopped</span> : null}
          {message.state === 'error' ? <span className="lcw-tag lcw-tag-error">not sent</span> : null}
        </div>
        <div className="lcw-text">
          {message.role === 'user' ? message.content : <Markdown text={message.content} />}
          {message.state === 'streaming' ? <span className="lcw-caret" aria-hidden="true" /> : null}
        </div>
        {message.links.length > 0 ? (
          <ul className="lcw-links" aria-label="Sources">
            {message.links.map((l) => (
              <li key={l.link}>
                <a href={l.link} target="_blank" rel="noreferrer">
                  {l.link.replace(/^https?:\/\//, '')}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

export interface ChatWidgetProps {
  agentId: string;
  /** The handler's path on this site. */
  api?: string;
  title?: string;
  assistantName?: string;
}

/** The visitor's chat: a launcher button and a panel with the conversation, on the site's own chat handler. */
export function ChatWidget({
  agentId,
  api = '/api/chat',
  title = 'Acme Support',
  assistantName = 'Assistant',
}: ChatWidgetProps) {
  // The chat lives here, outside the panel, so closing the panel neither aborts an answer nor stops
  // the polling that brings in a team member's reply.
  const chat = useChat({ api, agentId });
  const [open, setOpen] = useState(() => sessionStorage.getItem(OPEN_KEY) === 'true');
  const [text, setText] = useState('');
  const panelId = useId();
  const titleId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const launcher = useRef<HTMLButtonElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  const lastContent = chat.messages.at(-1)?.content;

  useEffect(() => {
    sessionStorage.setItem(OPEN_KEY, String(open));
  }, [open]);

  useEffect(() => {
    if (open) bottom.current?.scrollIntoView({ block: 'end' });
  }, [open, chat.messages.length, lastContent]);

  const openPanel = () => {
    setOpen(true);
    // After the panel is shown: the visitor can type right away.
    requestAnimationFrame(() => input.current?.focus());
  };
  const closePanel = () => {
    setOpen(false);
    launcher.current?.focus();
  };

  const submit = () => {
    const question = text.trim();
    if (!question || busy) return;
    setText('');
    void chat.send(question);
  };

  const startOver = () => {
    chat.reset();
    setText('');
    input.current?.focus();
  };

  let statusText = '';
  if (chat.status === 'submitted') statusText = `${assistantName} is thinking…`;
  else if (chat.status === 'streaming') statusText = `${assistantName} is answering…`;

  return (
    <div className="lcw">
      <section
        id={panelId}
        className="lcw-panel"
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') closePanel();
        }}
      >
        <header className="lcw-header">
          <h2 id={titleId}>{title}</h2>
          <div className="lcw-header-actions">
            <button
              type="button"
              className="lcw-header-button"
              onClick={startOver}
              disabled={busy || chat.messages.length === 0}
            >
              New chat
            </button>
            <button type="button" className="lcw-header-button" aria-label="Minimize chat" onClick={closePanel}>
              ✕
            </button>
          </div>
        </header>

        {/* role=log is a polite live region; aria-busy holds announcements until an answer has finished streaming. */}
        <div className="lcw-log" role="log" aria-label="Conversation" aria-busy={busy}>
          {chat.isLoadingHistory ? <p className="lcw-note">Loading your conversation…</p> : null}
          {chat.messages.length === 0 && !chat.isLoadingHistory ? (
            <p className="lcw-note">Hi! Ask us anything — we answer right away, and a person from the team can join.</p>
          ) : null}
          <ol className="lcw-messages">
            {chat.messages.map((m) => (
              <Bubble key={m.id} message={m} assistantName={assistantName} />
            ))}
          </ol>
          {chat.status === 'submitted' ? (
            <div className="lcw-typing" aria-hidden="true">
              <span />
              <span />
              <span />
            </div>
          ) : null}
          <div ref={bottom} />
        </div>
        <p className="lcw-visually-hidden" role="status">
          {statusText}
        </p>

        {chat.historyError ? (
          <div className="lcw-error" role="alert">
            <p>{errorText(chat.historyError)}</p>
            <button type="button" onClick={startOver}>
              Start a new chat
            </button>
          </div>
        ) : null}
        {chat.error ? (
          <div className="lcw-error" role="alert">
            <p>{errorText(chat.error)}</p>
            <button type="button" onClick={() => void chat.retry()}>
              Try again
            </button>
          </div>
        ) : null}

        <form
          className="lcw-composer"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="lcw-visually-hidden" htmlFor={`${panelId}-message`}>
            Message
          </label>
          <textarea
            id={`${panelId}-message`}
            ref={input}
            name="message"
            rows={1}
            placeholder="Write a message…"
            value={text}
            maxLength={20_000}
            onChange={(e) => {
              setText(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                submit();
              }
            }}
          />
          {busy ? (
            <button type="button" className="lcw-send" onClick={chat.stop}>
              Stop
            </button>
          ) : (
            <button type="submit" className="lcw-send" disabled={!text.trim()}>
              Send
            </button>
          )}
        </form>
      </section>

      <button
        ref={launcher}
        type="button"
        className="lcw-launcher"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={open ? closePanel : openPanel}
      >
        <span aria-hidden="true">{open ? '✕' : '💬'}</span>
        <span className="lcw-launcher-label">{open ? 'Close chat' : 'Chat with us'}</span>
      </button>
    </div>
  );
}
