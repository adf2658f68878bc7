import { useAgents } from '@livechatai/react';
import { lazy, Suspense, useEffect } from 'react';
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

export function App() {
  const [route, navigate] = useRoute();
  const agents = useAgents({ limit: 100 });
  const list = agents.data?.items ?? [];
  const remembered = typeof localStorage === 'undefined' ? null : localStorage.getItem(LAST_AGENT);
  const agentId =
    route.agentId ?? (list.some((a) => a.id === remembered) ? (remembered ?? undefined) : list[0]?.id);
  const agent = list.find((a) => a.id === agentId);

  useEffect(() => {
    if (agentId) localStorage.setItem(LAST_AGENT, agentId);
  }, [agentId]);

  const screen = route.screen;
  const needsAgent = screen !== 'agents';
  let content;
  if (screen === 'agents') {
    content = (
      <AgentsScreen
        selectedAgentId={agentId}
        onSelect={(id) => {
          navigate({ screen: 'knowledge', agentId: id });
        }}
      />
    );
  } else if (!agentId) {
    content = agents.isLoading ? null : <NoAgent />;
  } else if (screen === 'knowledge') {
    content = <KnowledgeScreen agentId={agentId} />;
  } else if (screen === 'playground') {
    content = <PlaygroundScreen key={agentId} agentId={agentId} agentName={agent?.name ?? 'Agent'} />;
  } else if (screen === 'inbox') {
    content = (
      <InboxScreen
        agentId={agentId}
        conversationId={route.itemId}
        onOpen={(id) => {
          navigate({ screen: 'inbox', agentId, itemId: id });
        }}
      />
    );
  } else if (screen === 'contacts') {
    content = (
      <ContactsScreen
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
    content = <SuggestionsScreen agentId={agentId} />;
  }

  return (
    <div className="shell">
      <aside className="sidebar">
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
            disabled={list.length === 0 && !agentId}
            onChange={(e) => {
              navigate({ screen: screen === 'agents' ? 'knowledge' : screen, agentId: e.target.value });
            }}
          >
            {list.length === 0 && !agentId ? <option value="">No agents yet</option> : null}
            {agentId && agents.data && !agent ? <option value={agentId}>Unknown agent ({agentId})</option> : null}
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <nav>
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
        <div className="sidebar-footer muted">
          Requests go through this app&apos;s server; the API key never reaches the browser.
        </div>
      </aside>
      <main className="main" data-screen={screen}>
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
