import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { todayIso } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { syncStore } from '../sync/SyncPanel.tsx';
import type { SyncState } from '../sync/syncStore.ts';
import type { Call } from '../transport.ts';

export interface DataChangeState {
  /** Bumped when data under segments, coverage and alerts may have changed: screens showing them load again. */
  version: number;
  /** The user's calendar day; it moves at midnight, and with it overdue days and alerts. */
  today: string;
  /** After a write of this window's own. */
  changed(): void;
}

/**
 * The signal that views computed from many clients (segments, coverage, alerts, badges) are stale. This window's own
 * writes say so directly; a sync that ended is checked against the backend's portfolio version (one small call per
 * sync, none while nothing syncs), so a pull that brought nothing reloads nothing; a timer moves the day at midnight.
 */
export function createDataChangeStore(call: Call, sync: StoreApi<SyncState>, now: () => Date = () => new Date()) {
  const store = createStore<DataChangeState>()((set) => ({
    version: 0,
    today: todayIso(now()),
    changed: () => set((s) => ({ version: s.version + 1 })),
  }));
  let known: number | null = null;
  let lastSync = sync.getState().status?.lastSyncAt ?? null;
  sync.subscribe(({ status }) => {
    if (!status?.lastSyncAt || status.lastSyncAt === lastSync) return;
    lastSync = status.lastSyncAt;
    call('portfolio.version', {}).then(({ version }) => {
      if (known !== null && version !== known) store.getState().changed();
      known = version;
    }, () => undefined);
  });
  const atMidnight = () => {
    const current = now();
    const next = new Date(current.getFullYear(), current.getMonth(), current.getDate() + 1, 0, 0, 1);
    setTimeout(() => {
      store.setState({ today: todayIso(now()) });
      atMidnight();
    }, next.getTime() - current.getTime());
  };
  atMidnight();
  return store;
}

export const dataChangeStore = createDataChangeStore(call, syncStore);
export const useDataChanges = <T,>(pick: (s: DataChangeState) => T): T => useStore(dataChangeStore, pick);
