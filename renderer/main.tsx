import { workspaceMayOpen } from './lock/windowLock.ts';
import { parseRoute } from './shell/router.ts';
import { clientListStore } from './shell/stores.ts';

// Ask for the first page of clients before the UI code has even loaded, so that the two overlap; while the app is
// locked the call is refused and the lock screen comes instead of the workspace.
if (parseRoute(location.hash).name === 'clients') clientListStore.getState().ensureRange(0, 40);

void workspaceMayOpen().then((open) => {
  if (open) void import('./shell/boot.tsx').then(({ boot }) => boot());
});
