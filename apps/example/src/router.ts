import { useCallback, useSyncExternalStore } from 'react';

export type Screen = 'agents' | 'knowledge' | 'playground' | 'inbox' | 'contacts' | 'analytics' | 'suggestions';
export const SCREENS: readonly Screen[] = [
  'agents',
  'knowledge',
  'playground',
  'inbox',
  'contacts',
  'analytics',
  'suggestions',
];

/**
 * The app's location: `#/<screen>?agent=<id>&id=<item>&<screen's own params>`, so a reload, the back button or
 * a shared link shows the same screen, item and filters.
 */
export interface Route {
  screen: Screen;
  agentId: string | undefined;
  /** The selected item of the screen (a conversation, a contact). */
  itemId: string | undefined;
  /** The screen's own state, e.g. the inbox filters (`status`, `view`, …). */
  params: Record<string, string>;
}

export type RouteChange = Partial<Route> & { screen: Screen };

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const search = new URLSearchParams(query);
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'agents';
  const params: Record<string, string> = {};
  for (const [key, value] of search) if (key !== 'agent' && key !== 'id' && value !== '') params[key] = value;
  return { screen, agentId: search.get('agent') ?? undefined, itemId: search.get('id') ?? undefined, params };
}

export function href(route: RouteChange): string {
  const search = new URLSearchParams();
  if (route.agentId) search.set('agent', route.agentId);
  if (route.itemId) search.set('id', route.itemId);
  for (const [key, value] of Object.entries(route.params ?? {})) if (value) search.set(key, value);
  const query = search.toString();
  return `#/${route.screen}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

/** The current route, and `navigate` (a new history entry, or `replace` for filter changes). */
export function useRoute(): [Route, (next: RouteChange, options?: { replace?: boolean }) => void] {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  const navigate = useCallback((next: RouteChange, options: { replace?: boolean } = {}) => {
    const target = href(next);
    if (options.replace) {
      window.history.replaceState(null, '', target);
      // replaceState fires no hashchange: tell the subscribers.
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else window.location.hash = target;
  }, []);
  return [parse(hash), navigate];
}
