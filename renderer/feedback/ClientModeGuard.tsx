import { useEffect, type ReactNode } from 'react';
import { navigate, useRoute } from '../shell/router.ts';
import { useClientMode } from './clientMode.ts';
import { SurveyPage } from './SurveyPage.tsx';

/**
 * The route guard of client-facing mode: while it is on, whatever the address (typed URL, back button,
 * bookmark), the window renders only the locked client's survey, without the workspace's navigation.
 */
export function ClientModeGuard({ children }: { children: ReactNode }) {
  const lockedTo = useClientMode((s) => s.clientId);
  const route = useRoute();
  const offRoute = lockedTo !== null && (route.name !== 'survey' || route.id !== lockedTo);

  useEffect(() => {
    if (lockedTo !== null && offRoute) navigate({ name: 'survey', id: lockedTo }, true);
    else if (lockedTo === null && route.name === 'survey') navigate({ name: 'client', id: route.id }, true);
  }, [lockedTo, offRoute, route]);

  if (lockedTo !== null) return <SurveyPage key={lockedTo} clientId={lockedTo} />;
  return route.name === 'survey' ? null : <>{children}</>;
}
