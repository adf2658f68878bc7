import { useAgents } from '@livechatai/react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { href, useRoute, type Screen } from './router.js';
import { AgentsScreen } from './screens/agents.js';
import { ContactsScreen } from './screens/contacts.js';
import { InboxScreen } from './screens/inbox.js';
import { KnowledgeScreen } from './screens/knowledge.js';
import { PlaygroundScreen } from './screens/playground.js';
import { SuggestionsScreen } from './screens/suggestions.js';
import { Loading, NoAgent } from './ui.js';

// The charts library is the largest dependency: load it only when the analytics screen opens.
const AnalyticsScreen = lazy(() => import('./screens/analytics.js').then((m) => ({ default: m.AnalyticsScreen })));

const NAV: { screen: Screen; label: string; icon: string }[] = [
  { screen: 'agents', label: 'Agents', icon: '◎' },
  { screen: 'knowledge', label: 'Knowledge', icon: '▤' },
  { screen: 'playground', label: 'Playground', icon: '✧' },
  { screen: 'inbox', label: 'Inbox', icon: '✉' },
  { screen: 'contacts', label: 'Contacts', icon: '☺' },
  { screen: 'analytics', label: 'Analytics', icon: '▥' },
  { screen: 'suggestions', label: 'AI suggestions', icon: '✎' },
];

const LAST_AGENT = 'livechatai-example:agent';

function remembered(): string | null {
  try {
    return localStorage.getItem(LAST_AGENT);
  } catch {
    return null;
  }
}

export function App() {
  const [route, navigate] = useRoute();
  const agents = useAgents({ limit: 100 });
  const list = agents.data?.items ?? [];
  const known = (id: string | null | undefined): id is string => id != null && list.some((a) => a.id === id);
  // The agent in the address if it exists, else the last one used, else the newest. An agent that no longer
  // exists (deleted here or elsewhere) is never shown as "unknown": the console moves on to another one.
  const last = remembered();
  const fallback = known(last) ? last : list[0]?.id;
  // An agent in the address that the (cached) list lacks may be new (created elsewhere): ask the API once
  // more before deciding it is gone.
  const [rechecked, setRechecked] = useState<string | undefined>(undefined);
  const missing = agents.data !== undefined && route.agentId !== undefined && !known(route.agentId);
  const verifying = missing && rechecked !== route.agentId;
  const agentId = !agents.data || verifying ? route.agentId : known(route.agentId) ? route.agentId : fallback;
  const agent = list.find((a) => a.id === agentId);
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const screen = route.screen;

  useEffect(() => {
    if (agentId && agent) localStorage.setItem(LAST_AGENT, agentId);
  }, [agentId, agent]);

  const { refetch } = agents;
  useEffect(() => {
    if (!missing) return;
    if (verifying) {
      const id = route.agentId;
      void refetch().finally(() => {
        setRechecked(id);
      });
      return;
    }
    // Still not there: show the agent we moved to (without a history entry).
    navigate({ screen, agentId: fallback }, { replace: true });
  }, [missing, verifying, route.agentId, refetch, navigate, screen, fallback]);

  const label = NAV.find((n) => n.screen === screen)?.label ?? 'Console';
  useEffect(() => {
    document.title = `${label}${agent && screen !== 'agents' ? ` · ${agent.name}` : ''} · LiveChatAI Console`;
  }, [label, agent, screen]);

  // The menu (narrow screens) closes once a screen is picked.
  useEffect(() => {
    setMenuOpen(false);
  }, [screen, agentId]);

  const needsAgent = screen !== 'agents';
  let content;
  if (screen === 'agents') {
    content = (
      <AgentsScreen
        selectedAgentId={agentId}
        onSelect={(id) => {
          navigate({ screen: 'knowledge', agentId: id });
        }}
        onDeleted={(id, remaining) => {
          if (id !== agentId) return;
          try {
            localStorage.removeItem(LAST_AGENT);
          } catch {
            // storage disabled: nothing to forget
          }
          navigate({ screen: 'agents', agentId: remaining }, { replace: true });
        }}
      />
    );
  } else if (verifying) {
    content = <Loading label="Loading the agent…" />;
  } else if (!agentId) {
    content = agents.isLoading ? <Loading label="Loading agents…" /> : <NoAgent />;
  } else if (screen === 'knowledge') {
    content = <KnowledgeScreen key={agentId} agentId={agentId} />;
  } else if (screen === 'playground') {
    content = <PlaygroundScreen key={agentId} agentId={agentId} agentName={agent?.name ?? 'Agent'} />;
  } else if (screen === 'inbox') {
    content = (
      <InboxScreen
        key={agentId}
        agentId={agentId}
        conversationId={route.itemId}
        params={route.params}
        onChange={(itemId, params, replace) => {
          navigate({ screen: 'inbox', agentId, itemId, params }, { replace });
        }}
      />
    );
  } else if (screen === 'contacts') {
    content = (
      <ContactsScreen
        key={agentId}
        agentId={agentId}
        contactId={route.itemId}
        onOpen={(id) => {
          navigate({ screen: 'contacts', agentId, itemId: id });
        }}
      />
    );
  } else if (screen === 'analytics') {
    content = (
      <Suspense fallback={<Loading label="Loading analytics…" />}>
        <AnalyticsScreen agentId={agentId} />
      </Suspense>
    );
  } else {
    content = <SuggestionsScreen key={agentId} agentId={agentId} />;
  }

  return (
    <div className={`shell ${menuOpen ? 'menu-open' : ''}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => {
            setMenuOpen((open) => !open);
          }}
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> Menu
        </button>
        <span className="topbar-title">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          {label}
          {agent && screen !== 'agents' ? <span className="topbar-agent"> · {agent.name}</span> : null}
        </span>
      </header>
      <aside className="sidebar" id="sidebar" aria-label="Console">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          LiveChatAI <span className="brand-sub">Console</span>
        </div>
        <label className="agent-picker">
          <span>Agent</span>
          <select
            aria-label="Current agent"
            value={agentId ?? ''}
            disabled={list.length === 0}
            onChange={(e) => {
              navigate({ screen: screen === 'agents' ? 'knowledge' : screen, agentId: e.target.value });
            }}
          >
            {list.length === 0 ? <option value="">No agents yet</option> : null}
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Screens">
          {NAV.map((item) => (
            <a
              key={item.screen}
              href={href({ screen: item.screen, agentId })}
              className={`nav-link ${screen === item.screen ? 'active' : ''}`}
              aria-current={screen === item.screen ? 'page' : undefined}
            >
              <span className="nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              {item.label}
            </a>
          ))}
        </nav>
        <div className="sidebar-footer">
          Requests go through this app&apos;s server; the API key never reaches the browser.
        </div>
      </aside>
      <main className="main" id="main" ref={main} tabIndex={-1} data-screen={screen}>
        {needsAgent && agents.error ? (
          <div className="error-notice" role="alert">
            <strong>Could not load agents</strong>
            <span>{agents.error.message}</span>
          </div>
        ) : null}
        {content}
      </main>
    </div>
  );
}
