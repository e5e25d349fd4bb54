import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { name: 'clients' } | { name: 'client'; id: string; tab?: string; item?: string } | { name: 'tasks' }
  | { name: 'meeting'; id: string } | { name: 'survey'; id: string };

/** Routes live in the URL hash so that a reload keeps the user where they were. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'clients' && parts[1] && parts[2] === 'meeting') return { name: 'meeting', id: parts[1] };
  if (parts[0] === 'survey' && parts[1]) return { name: 'survey', id: parts[1] };
  if (parts[0] === 'clients' && parts[1]) return { name: 'client', id: parts[1], ...(parts[2] ? { tab: parts[2] } : {}), ...(parts[2] && parts[3] ? { item: parts[3] } : {}) };
  if (parts[0] === 'tasks') return { name: 'tasks' };
  return { name: 'clients' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'clients':
      return '#/clients';
    case 'tasks':
      return '#/tasks';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}${route.tab ? `/${route.tab}${route.item ? `/${encodeURIComponent(route.item)}` : ''}` : ''}`;
    case 'meeting':
      return `#/clients/${encodeURIComponent(route.id)}/meeting`;
    case 'survey':
      return `#/survey/${encodeURIComponent(route.id)}`;
  }
}

export function navigate(route: Route, replace = false): void {
  const href = routeHref(route);
  if (replace) history.replaceState(null, '', href);
  else location.hash = href;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const subscribe = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};

/** The current route; the same object until the address changes, so that effects may depend on it. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
