import { useEffect, type ReactNode } from 'react';
import { navigate, useRoute } from '../shell/router.ts';
import { clientModeStore, useClientMode } from '../shell/stores.ts';
import { SurveyPage } from './SurveyPage.tsx';

/**
 * The route guard of client-facing mode: while the backend says it is on, whatever the address (typed URL, back
 * button, bookmark), the window renders only the locked client's survey, without the workspace's navigation.
 * Until the backend has answered, nothing is drawn, so a reload never flashes the workspace.
 */
export function ClientModeGuard({ children }: { children: ReactNode }) {
  const lockedTo = useClientMode((s) => s.clientId);
  const route = useRoute();
  const offRoute = typeof lockedTo === 'string' && (route.name !== 'survey' || route.id !== lockedTo);

  useEffect(() => {
    if (lockedTo === undefined) void clientModeStore.getState().load().catch(() => clientModeStore.setState({ clientId: null }));
  }, [lockedTo]);

  useEffect(() => {
    if (typeof lockedTo === 'string' && offRoute) navigate({ name: 'survey', id: lockedTo }, true);
    else if (lockedTo === null && route.name === 'survey') navigate({ name: 'client', id: route.id }, true);
  }, [lockedTo, offRoute, route]);

  if (lockedTo === undefined) return null;
  if (lockedTo !== null) return <SurveyPage key={lockedTo} clientId={lockedTo} />;
  return route.name === 'survey' ? null : <>{children}</>;
}
