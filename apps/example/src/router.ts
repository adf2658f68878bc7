import { useCallback, useSyncExternalStore } from 'react';

export type Screen = 'agents' | 'knowledge' | 'playground' | 'inbox' | 'contacts' | 'analytics' | 'suggestions';
export const SCREENS: readonly Screen[] = ['agents', 'knowledge', 'playground', 'inbox', 'contacts', 'analytics', 'suggestions'];

/** The app's location: `#/<screen>?agent=<id>&id=<item>`. */
export interface Route {
  screen: Screen;
  agentId: string | undefined;
  /** The selected item of the screen (a conversation, a contact). */
  itemId: string | undefined;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'agents';
  return { screen, agentId: params.get('agent') ?? undefined, itemId: params.get('id') ?? undefined };
}

export function href(route: Partial<Route> & { screen: Screen }): string {
  const params = new URLSearchParams();
  if (route.agentId) params.set('agent', route.agentId);
  if (route.itemId) params.set('id', route.itemId);
  const query = params.toString();
  return `#/${route.screen}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

export function useRoute(): [Route, (next: Partial<Route> & { screen: Screen }) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  const navigate = useCallback((next: Partial<Route> & { screen: Screen }) => {
    window.location.hash = href(next);
  }, []);
  return [parse(hash), navigate];
}
