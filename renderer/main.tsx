import { parseRoute } from './shell/router.ts';
import { clientListStore } from './shell/stores.ts';

// Ask for the first page of clients before the UI code has even loaded, so that the two overlap.
if (parseRoute(location.hash).name === 'clients') clientListStore.getState().ensureRange(0, 40);

void import('./shell/boot.tsx').then(({ boot }) => boot());
