import { useMemo, useSyncExternalStore } from 'react';
import { KPIS, type Kpi } from '../../shared/domain/enums.ts';

export type Route =
  | { name: 'home' } | { name: 'clients' } | { name: 'client'; id: string; tab?: string; item?: string } | { name: 'tasks' }
  | { name: 'meeting'; id: string } | { name: 'survey'; id: string }
  | { name: 'dashboard' } | { name: 'targets' } | { name: 'scorecards' } | { name: 'pdca'; kpi?: Kpi } | { name: 'security' }
  | { name: 'segments'; view?: 'matrix' } | { name: 'coverage' } | { name: 'risks'; clientId?: string } | { name: 'settings' }
  | { name: 'import' } | { name: 'duplicates' } | { name: 'quality' } | { name: 'admin' };

/** Routes live in the URL hash so that a reload keeps the user where they were. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'clients' && parts[1] && parts[2] === 'meeting') return { name: 'meeting', id: parts[1] };
  if (parts[0] === 'survey' && parts[1]) return { name: 'survey', id: parts[1] };
  if (parts[0] === 'clients' && parts[1]) return { name: 'client', id: parts[1], ...(parts[2] ? { tab: parts[2] } : {}), ...(parts[2] && parts[3] ? { item: parts[3] } : {}) };
  if (parts[0] === 'tasks') return { name: 'tasks' };
  if (parts[0] === 'dashboard' || parts[0] === 'targets' || parts[0] === 'scorecards') return { name: parts[0] };
  if (parts[0] === 'pdca') return (KPIS as readonly string[]).includes(parts[1] ?? '') ? { name: 'pdca', kpi: parts[1] as Kpi } : { name: 'pdca' };
  if (parts[0] === 'security') return { name: 'security' };
  if (parts[0] === 'segments') return parts[1] === 'matrix' ? { name: 'segments', view: 'matrix' } : { name: 'segments' };
  if (parts[0] === 'coverage') return { name: 'coverage' };
  if (parts[0] === 'risks') return parts[1] ? { name: 'risks', clientId: parts[1] } : { name: 'risks' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'admin') return { name: 'admin' };
  if (parts[0] === 'import' || parts[0] === 'duplicates' || parts[0] === 'quality') return { name: parts[0] };
  if (parts[0] === 'clients') return { name: 'clients' };
  // 首页 (my day) is the first screen after unlock.
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/home';
    case 'clients':
      return '#/clients';
    case 'tasks':
      return '#/tasks';
    case 'dashboard':
    case 'targets':
    case 'scorecards':
      return `#/${route.name}`;
    case 'pdca':
      return route.kpi ? `#/pdca/${route.kpi}` : '#/pdca';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}${route.tab ? `/${route.tab}${route.item ? `/${encodeURIComponent(route.item)}` : ''}` : ''}`;
    case 'meeting':
      return `#/clients/${encodeURIComponent(route.id)}/meeting`;
    case 'survey':
      return `#/survey/${encodeURIComponent(route.id)}`;
    case 'security':
      return '#/security';
    case 'segments':
      return route.view ? `#/segments/${route.view}` : '#/segments';
    case 'coverage':
      return '#/coverage';
    case 'risks':
      return route.clientId ? `#/risks/${encodeURIComponent(route.clientId)}` : '#/risks';
    case 'settings':
      return '#/settings';
    case 'admin':
      return '#/admin';
    case 'import':
    case 'duplicates':
    case 'quality':
      return `#/${route.name}`;
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
